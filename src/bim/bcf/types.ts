/**
 * Review issues as BCF 3.0 (buildingSMART BIM Collaboration Format) holds them: a document of topics, each with
 * comments and viewpoints. Plain JSON-like data (snapshot bytes aside), no XML and no renderer types: what
 * `readBcfZip` returns, what `writeBcfZip` writes and what the review store keeps.
 *
 * The shape follows BCF 3.0 (markup.xsd, visinfo.xsd, project.xsd, extensions.xsd); BCF 2.1 files are mapped onto
 * it when read. Dates are xs:dateTime text as the file has it (`2025-03-01T09:30:00Z`), so a file reads and writes
 * back unchanged. GUIDs are lower case, as BCF 3.0's Guid pattern requires (2.1 allowed upper case).
 */

/** xs:dateTime text, e.g. `2025-03-01T09:30:00Z` or `2025-03-01T16:30:00.000+07:00`. */
export type XsDateTime = string;

/** A point or direction in the IFC model's project frame: metres, z up (BCF's coordinate system). */
export type BcfVector = [number, number, number];

export interface BcfDocument {
  /** project.bcfp; null when the file has none. */
  project: BcfProject | null;
  /** extensions.xml: the values this project's topics may take. */
  extensions: BcfExtensions;
  topics: BcfTopic[];
}

export interface BcfProject {
  projectId: string;
  name: string | null;
}

/** BCF 3.0 extensions.xml. Writing adds every value the topics use, so the file always describes itself. */
export interface BcfExtensions {
  topicTypes: string[];
  topicStatuses: string[];
  priorities: string[];
  topicLabels: string[];
  users: string[];
  snippetTypes: string[];
  stages: string[];
}

export interface BcfTopic {
  guid: string;
  serverAssignedId: string | null;
  /** Required in BCF 3.0; a 2.1 topic without one reads as `Issue`. */
  topicType: string;
  /** Required in BCF 3.0; a 2.1 topic without one reads as `Open`. */
  topicStatus: string;
  title: string;
  description: string | null;
  priority: string | null;
  /** Deprecated in BCF 3.0 (sort order); kept so a file reads and writes back unchanged. */
  index: number | null;
  labels: string[];
  creationDate: XsDateTime;
  creationAuthor: string;
  modifiedDate: XsDateTime | null;
  modifiedAuthor: string | null;
  dueDate: XsDateTime | null;
  assignedTo: string | null;
  stage: string | null;
  referenceLinks: string[];
  /** GUIDs of related topics (in this file or elsewhere). */
  relatedTopics: string[];
  /** Header/Files: the models the topic was raised on. */
  files: BcfFileReference[];
  comments: BcfComment[];
  viewpoints: BcfViewpoint[];
}

export interface BcfFileReference {
  /** GUID of the IfcProject (22 characters, IFC's base-64). */
  ifcProject: string | null;
  ifcSpatialStructureElement: string | null;
  isExternal: boolean;
  filename: string | null;
  date: XsDateTime | null;
  reference: string | null;
}

export interface BcfComment {
  guid: string;
  date: XsDateTime;
  author: string;
  /** Optional in BCF 3.0 (a comment may only point at a viewpoint). */
  comment: string | null;
  viewpointGuid: string | null;
  modifiedDate: XsDateTime | null;
  modifiedAuthor: string | null;
}

export interface BcfViewpoint {
  guid: string;
  /** Sort order within the topic, when the file gives one. */
  index: number | null;
  /** BCF 3.0 requires one; null only for a 2.1 viewpoint that had none (writing it as 3.0 is refused). */
  camera: BcfCamera | null;
  components: BcfComponents;
  lines: BcfLine[];
  clippingPlanes: BcfClippingPlane[];
  snapshot: BcfSnapshot | null;
}

interface BcfCameraBase {
  /** CameraViewPoint: where the eye is. */
  position: BcfVector;
  direction: BcfVector;
  up: BcfVector;
  /** Width / height of the view. BCF 2.1 has none: read from the snapshot's size, 1 without a snapshot. */
  aspectRatio: number;
}

export interface BcfPerspectiveCamera extends BcfCameraBase {
  kind: 'perspective';
  /** Vertical field of view, degrees, 0 < fov < 180 (BCF 3.0; 2.1 did not say which axis). */
  fieldOfView: number;
}

export interface BcfOrthogonalCamera extends BcfCameraBase {
  kind: 'orthogonal';
  /** Visible height of the view in metres. */
  viewToWorldScale: number;
}

export type BcfCamera = BcfPerspectiveCamera | BcfOrthogonalCamera;

export interface BcfComponent {
  /** IFC GlobalId (22 characters); BCF allows a component known only by its authoring tool's id. */
  ifcGuid: string | null;
  originatingSystem: string | null;
  authoringToolId: string | null;
}

export interface BcfComponents {
  /** Components to show highlighted/selected. */
  selection: BcfComponent[];
  visibility: BcfVisibility;
  coloring: BcfColoring[];
}

/**
 * Everything is `defaultVisibility` except the `exceptions`: hidden elements are exceptions to `true`, an isolated
 * set is the exceptions to `false`.
 */
export interface BcfVisibility {
  defaultVisibility: boolean;
  exceptions: BcfComponent[];
  viewSetupHints: BcfViewSetupHints | null;
}

export interface BcfViewSetupHints {
  spacesVisible: boolean;
  spaceBoundariesVisible: boolean;
  openingsVisible: boolean;
}

export interface BcfColoring {
  /** ARGB hex as BCF writes it: `RRGGBB`, or `AARRGGBB` with alpha first; upper case once read. */
  color: string;
  components: BcfComponent[];
}

export interface BcfLine {
  start: BcfVector;
  end: BcfVector;
}

export interface BcfClippingPlane {
  location: BcfVector;
  /** BCF: the normal points to the side that is clipped away (invisible). */
  direction: BcfVector;
}

export interface BcfSnapshot {
  /** From the bytes' signature, not from the file name. */
  format: 'png' | 'jpg';
  bytes: Uint8Array;
}

/** Limits `readBcfZip` enforces on a .bcfzip before and while inflating it (issue 6 §6). */
export interface BcfReadLimits {
  /** Entries in the zip's central directory. */
  maxEntries: number;
  /** Sum of the uncompressed sizes, declared and actual. */
  maxTotalBytes: number;
  /** Uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Uncompressed / compressed, for entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** One XML entry: its size, and its tags (each becomes an element held in memory while it is read). */
  maxXmlBytes: number;
  maxXmlTags: number;
}
