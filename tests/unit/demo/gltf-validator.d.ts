/** The part of the Khronos glTF-Validator npm API the demo tests use (the package ships no types). */
declare module 'gltf-validator' {
  export interface ValidationMessage {
    code: string;
    message: string;
    severity: 0 | 1 | 2 | 3;
    pointer?: string;
  }

  export interface ValidationReport {
    issues: {
      numErrors: number;
      numWarnings: number;
      numInfos: number;
      numHints: number;
      messages: ValidationMessage[];
      truncated: boolean;
    };
    info?: { totalVertexCount?: number; totalTriangleCount?: number; drawCallCount?: number };
  }

  export interface ValidationOptions {
    uri?: string;
    format?: 'gltf' | 'glb';
    maxIssues?: number;
    ignoredIssues?: string[];
  }

  export function validateBytes(data: Uint8Array, options?: ValidationOptions): Promise<ValidationReport>;

  const validator: { validateBytes: typeof validateBytes };
  export default validator;
}
