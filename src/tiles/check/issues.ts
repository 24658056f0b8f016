/**
 * What the checks report, in the shape of the official 3D Tiles validator's issues: a code for programs, a JSON
 * path into the tileset or glTF, and a message (English, like the validator's; the codes are the interface).
 */
export type IssueSeverity = 'error' | 'warning' | 'info';

export interface TilesetIssue {
  severity: IssueSeverity;
  code: string;
  /** JSON pointer-like path: '/root/children/1/content', 'content/3.glb/meshes/0/primitives/1' … */
  path: string;
  message: string;
}

export class IssueList {
  readonly items: TilesetIssue[] = [];

  error(code: string, path: string, message: string): void {
    this.items.push({ severity: 'error', code, path, message });
  }

  info(code: string, path: string, message: string): void {
    this.items.push({ severity: 'info', code, path, message });
  }
}
