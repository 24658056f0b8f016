/**
 * EXT_mesh_features and EXT_structural_metadata of one glTF asset, as far as gltf-validator (which skips them)
 * and JSON schemas cannot see: every feature id of a feature-id attribute below `featureCount` (nullFeatureId
 * aside) and below the row count of the property table it indexes, and every property table well formed.
 */
import { checkPropertyTable } from './checkMetadata';
import type { SchemaJson } from './checkMetadata';
import { accessorValues, bufferViewData } from './gltfAsset';
import type { GltfAsset } from './gltfAsset';
import type { IssueList } from './issues';

interface FeatureIdJson {
  featureCount?: number;
  attribute?: number;
  texture?: unknown;
  nullFeatureId?: number;
  propertyTable?: number;
}

interface StructuralMetadataJson {
  schema?: SchemaJson;
  schemaUri?: string;
  propertyTables?: { class?: string; count?: number }[];
}

export function checkGltfFeatures(asset: GltfAsset, path: string, issues: IssueList): void {
  const metadata = asset.json.extensions?.EXT_structural_metadata as StructuralMetadataJson | undefined;
  const tables = metadata?.propertyTables ?? [];
  if (metadata?.schema) {
    tables.forEach((table, index) =>
      checkPropertyTable(table, metadata.schema!, (view) => bufferViewData(asset, view), `${path}/extensions/EXT_structural_metadata/propertyTables/${index}`, issues),
    );
  } else if (metadata && tables.length > 0) {
    issues.info('SCHEMA_NOT_CHECKED', `${path}/extensions/EXT_structural_metadata`, 'the schema is external (schemaUri): property tables not checked');
  }
  asset.json.meshes?.forEach((mesh, m) =>
    mesh.primitives.forEach((primitive, p) => {
      const featureIds = (primitive.extensions?.EXT_mesh_features as { featureIds?: FeatureIdJson[] } | undefined)?.featureIds ?? [];
      featureIds.forEach((featureId, f) => {
        const where = `${path}/meshes/${m}/primitives/${p}/extensions/EXT_mesh_features/featureIds/${f}`;
        checkFeatureId(asset, primitive.attributes, featureId, tables, where, issues);
      });
    }),
  );
}

function checkFeatureId(
  asset: GltfAsset,
  attributes: Record<string, number>,
  featureId: FeatureIdJson,
  tables: readonly { count?: number }[],
  where: string,
  issues: IssueList,
): void {
  const featureCount = featureId.featureCount ?? 0;
  if (!(Number.isInteger(featureCount) && featureCount >= 1)) return issues.error('FEATURE_COUNT_INVALID', `${where}/featureCount`, `featureCount must be a positive integer, is ${featureCount}`);
  let rows = Infinity;
  if (featureId.propertyTable !== undefined) {
    const table = tables[featureId.propertyTable];
    if (!table) return issues.error('FEATURE_ID_PROPERTY_TABLE_INVALID', `${where}/propertyTable`, `property table ${featureId.propertyTable} does not exist`);
    rows = table.count ?? 0;
  }
  if (featureId.attribute === undefined) return; // implicit ids (vertex index) or a texture: not read here
  const accessor = attributes[`_FEATURE_ID_${featureId.attribute}`];
  if (accessor === undefined) return issues.error('FEATURE_ID_ATTRIBUTE_INVALID', `${where}/attribute`, `the primitive has no _FEATURE_ID_${featureId.attribute}`);
  const { values } = accessorValues(asset, accessor);
  for (const id of values) {
    if (id === featureId.nullFeatureId) continue;
    if (!(Number.isInteger(id) && id >= 0 && id < featureCount)) {
      return issues.error('FEATURE_ID_NOT_IN_RANGE', where, `feature id ${id} is not in [0, featureCount ${featureCount})`);
    }
    if (id >= rows) return issues.error('FEATURE_ID_NOT_IN_RANGE', where, `feature id ${id} is not below the ${rows} rows of property table ${featureId.propertyTable}`);
  }
}
