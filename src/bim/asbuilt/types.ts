/**
 * The city's as-built layer (issue 6 §5): every accepted submission's model as 3D Tiles, kept in IndexedDB and
 * drawn as one layer. Plain data, structured-clone safe.
 */
import type { LocalizedText } from '../../geo';
import type { IfcTilesPhase, IfcTilesSummary, TileFile } from '../../tiles/ifc';

/** One accepted building as stored: its tileset's files and what the converter said of them. */
export interface StoredBuilding {
  /** Key in the `sao-asbuilt` database; one per submission, so a retry replaces its own building. */
  tilesetId: string;
  submissionId: string;
  /** The project's name, for the tileset's own record. */
  title: string;
  /** tileset.json (content URIs relative to it) first, then the glbs. */
  files: TileFile[];
  summary: IfcTilesSummary;
  storedAt: string;
}

/** Where a building stands: its bounding sphere on Earth, for "show in city". */
export interface BuildingSite {
  lon: number;
  lat: number;
  radius: number;
}

/** Where the conversion of one accepted submission stands, this session. */
export type AsBuiltProgress =
  | { state: 'converting'; phase: IfcTilesPhase; done: number; total: number }
  | { state: 'added'; site: BuildingSite }
  | { state: 'failed'; message: LocalizedText };
