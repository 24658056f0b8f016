/** The GIS layer catalogue: serializable layer descriptions and their validation. */
export type { CityCatalog, LayerSpec, TilesetLayerSpec, VectorLayerSpec, VectorStyle, LocalizedText, GeoExtent } from './types';
export { parseCatalog, CatalogError } from './parseCatalog';
