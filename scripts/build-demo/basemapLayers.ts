/** All basemap layers of a district, built from one OSM document. */
import { labelFeatures } from './labels';
import { landuseFeatures, railwayFeatures, roadFeatures, waterFeatures } from './basemap';
import type { Building } from './buildings';
import type { Feature } from './geojson';
import type { OsmBounds, OsmDocument } from './osm';

export interface BasemapLayers {
  landuse: Feature[];
  water: Feature[];
  roads: Feature[];
  railways: Feature[];
  labels: Feature[];
}

export function basemapLayers(doc: OsmDocument, bounds: OsmBounds, buildings: readonly Building[]): BasemapLayers {
  const landuse = landuseFeatures(doc);
  const water = waterFeatures(doc);
  const roads = roadFeatures(doc);
  const railways = railwayFeatures(doc);
  const labels = labelFeatures({ doc, bounds, areas: [...landuse, ...water], roads, railways, buildings });
  return { landuse, water, roads, railways, labels };
}
