/** 3D Metadata schema types and the property-table codec live in src/tiles/metadata (shared with ifc2tiles). */
export { decodePropertyTable, encodePropertyTable } from '../../src/tiles/metadata/propertyTable';
export type {
  MetadataClass,
  MetadataClassProperty,
  MetadataComponentType,
  MetadataEnum,
  MetadataIntegerType,
  MetadataSchema,
  PropertyTableInput,
  PropertyTableJson,
  PropertyTablePropertyJson,
  PropertyValue,
} from '../../src/tiles/metadata/propertyTable';
