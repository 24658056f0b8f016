/**
 * OSM buildings → one glTF 2.0 tile for 3D Tiles 1.1: footprints extruded to their heights in a local ENU frame,
 * one feature per building (EXT_mesh_features) with its OSM attributes in a property table
 * (EXT_structural_metadata, class `building`).
 */
import { extrudeFootprint } from './extrude';
import { geodeticToEnu } from './geodesy';
import type { EnuFrame } from './geodesy';
import { writeGlb } from './glb';
import { buildingHeight } from './heights';
import type { BuildingHeight } from './heights';
import { collectAreas } from './osmGeometry';
import type { PolygonRings } from './osmGeometry';
import type { OsmDocument, OsmTags } from './osm';
import type { MetadataSchema, PropertyTableInput } from './structuralMetadata';

export interface Building {
  osmType: 'way' | 'relation';
  osmId: string;
  name: string;
  /** The OSM `building` value (`yes` when unspecified). */
  buildingType: string;
  address: string;
  height: BuildingHeight;
  /** [lon, lat] rings. */
  polygons: readonly PolygonRings[];
}

/** Axis-aligned bounds in the ENU frame (metres, z up). */
export interface EnuBounds {
  min: [number, number, number];
  max: [number, number, number];
}

export interface BuildingsTile {
  glb: Uint8Array;
  bounds: EnuBounds;
  /** The largest building dimension (footprint extent or height), metres: the error if the tile is not drawn. */
  largestFeatureSize: number;
  /** Buildings whose footprint had no area and were left out. */
  skipped: string[];
}

export const BUILDING_SCHEMA: MetadataSchema = {
  id: 'sao_osm_buildings',
  name: 'Sao buildings from OpenStreetMap',
  version: '1.0.0',
  classes: {
    building: {
      name: 'Building',
      description: 'An OpenStreetMap building footprint extruded to its height.',
      properties: {
        osmId: { type: 'STRING', required: true, description: 'OpenStreetMap id of the way or relation (see osmType).' },
        osmType: { type: 'STRING', required: true, description: 'OpenStreetMap element type: way or relation.' },
        name: { type: 'STRING', semantic: 'NAME', noData: '', description: 'OSM name (or name:vi); empty when unnamed.' },
        buildingType: { type: 'STRING', required: true, description: 'OSM building value, e.g. university, dormitory, yes.' },
        heightMeters: { type: 'SCALAR', componentType: 'FLOAT32', required: true, description: 'Height above ground to the (flat) roof, metres.' },
        heightSource: { type: 'ENUM', enumType: 'HeightSource', required: true, description: 'Where heightMeters comes from.' },
        levels: { type: 'SCALAR', componentType: 'UINT16', noData: 0, description: 'OSM building:levels; 0 when not tagged.' },
        address: { type: 'STRING', noData: '', description: 'OSM addr:* tags joined, house number first; empty when untagged.' },
      },
    },
  },
  enums: {
    HeightSource: {
      valueType: 'UINT8',
      values: [
        { name: 'osmHeight', value: 0, description: 'The OSM height tag.' },
        { name: 'osmLevels', value: 1, description: 'OSM building:levels × 3.3 m.' },
        { name: 'typeDefault', value: 2, description: 'The default height for the building type (see scripts/build-demo/README.md).' },
      ],
    },
  },
};

/** A light neutral grey (linear RGB); the app restyles buildings through the feature metadata anyway. */
const BUILDING_MATERIAL = { name: 'building', baseColorFactor: [0.8, 0.78, 0.74, 1], metallicFactor: 0, roughnessFactor: 0.9 } as const;

/** Every OSM building (closed ways and multipolygons tagged `building`, except `building=no`), by type then id. */
export function collectBuildings(doc: OsmDocument): Building[] {
  return collectAreas(doc, isBuilding).map((area) => ({
    osmType: area.osmType,
    osmId: area.osmId,
    name: area.tags.name ?? area.tags['name:vi'] ?? '',
    buildingType: area.tags.building ?? 'yes',
    address: formatAddress(area.tags),
    height: buildingHeight(area.tags),
    polygons: area.polygons,
  }));
}

export function isBuilding(tags: OsmTags): boolean {
  return tags.building !== undefined && tags.building !== 'no';
}

/**
 * Builds the GLB. Geometry is computed in the ENU frame (z up), then turned into glTF's y-up axes with
 * (x, y, z)_glTF = (east, up, −north): 3D Tiles 1.1 §"glTF transforms" rotates glTF content from y-up to z-up
 * before the tile `transform`, so with an ENU→ECEF root transform the buildings land in place.
 */
export function buildBuildingsTile(buildings: readonly Building[], frame: EnuFrame, generator: string): BuildingsTile {
  const positions: number[] = [];
  const normals: number[] = [];
  const indices: number[] = [];
  const featureIds: number[] = [];
  const kept: Building[] = [];
  const skipped: string[] = [];
  let largestFeatureSize = 0;

  for (const building of buildings) {
    const first = positions.length / 3;
    for (const polygon of building.polygons) {
      const rings = polygon.map((ring) => ring.map(([lon, lat]) => {
        const [east, north] = geodeticToEnu(frame, lon, lat, 0);
        return [east, north] as const;
      }));
      const mesh = extrudeFootprint(rings, 0, building.height.heightMeters);
      if (!mesh) continue;
      const offset = positions.length / 3;
      for (let i = 0; i < mesh.positions.length; i += 3) {
        positions.push(mesh.positions[i]!, mesh.positions[i + 2]!, -mesh.positions[i + 1]!);
        normals.push(mesh.normals[i]!, mesh.normals[i + 2]!, -mesh.normals[i + 1]!);
        featureIds.push(kept.length);
      }
      for (const index of mesh.indices) indices.push(offset + index);
    }
    if (positions.length / 3 === first) {
      skipped.push(`${building.osmType}/${building.osmId}`);
      continue;
    }
    kept.push(building);
    largestFeatureSize = Math.max(largestFeatureSize, featureSize(positions, first));
  }

  const glb = writeGlb({
    generator,
    copyright: '© OpenStreetMap contributors (ODbL 1.0)',
    materials: [BUILDING_MATERIAL],
    primitives: [{
      positions: new Float32Array(positions),
      normals: new Float32Array(normals),
      indices: new Uint32Array(indices),
      featureIds: new Uint32Array(featureIds),
      material: 0,
    }],
    features: {
      featureCount: kept.length,
      label: 'building',
      metadata: { schema: BUILDING_SCHEMA, propertyTable: propertyTableOf(kept) },
    },
  });
  return { glb, bounds: enuBounds(new Float32Array(positions)), largestFeatureSize, skipped };
}

function propertyTableOf(buildings: readonly Building[]): PropertyTableInput {
  return {
    name: 'buildings',
    class: 'building',
    count: buildings.length,
    properties: {
      osmId: buildings.map((b) => b.osmId),
      osmType: buildings.map((b) => b.osmType),
      name: buildings.map((b) => b.name),
      buildingType: buildings.map((b) => b.buildingType),
      heightMeters: buildings.map((b) => b.height.heightMeters),
      heightSource: buildings.map((b) => b.height.source),
      levels: buildings.map((b) => b.height.levels),
      address: buildings.map((b) => b.address),
    },
  };
}

/** "144 Xuân Thủy, Dịch Vọng Hậu, Cầu Giấy, Hà Nội" from the addr:* tags present. */
export function formatAddress(tags: OsmTags): string {
  const street = [tags['addr:housenumber'], tags['addr:street']].filter(Boolean).join(' ');
  const parts = [street, tags['addr:subdistrict'], tags['addr:district'], tags['addr:city'] ?? tags['addr:province']];
  return parts.filter((part): part is string => Boolean(part)).join(', ');
}

/** ENU bounds of glTF y-up positions. */
function enuBounds(gltfPositions: Float32Array): EnuBounds {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < gltfPositions.length; i += 3) {
    const enu = [gltfPositions[i]!, -gltfPositions[i + 2]!, gltfPositions[i + 1]!];
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis]!, enu[axis]!);
      max[axis] = Math.max(max[axis]!, enu[axis]!);
    }
  }
  return { min, max };
}

/** The largest side of a building's box (glTF y-up positions from vertex `first` on). */
function featureSize(positions: readonly number[], first: number): number {
  const min = [Infinity, Infinity, Infinity];
  const max = [-Infinity, -Infinity, -Infinity];
  for (let i = 3 * first; i < positions.length; i++) {
    const axis = i % 3;
    min[axis] = Math.min(min[axis]!, positions[i]!);
    max[axis] = Math.max(max[axis]!, positions[i]!);
  }
  return Math.max(max[0]! - min[0]!, max[1]! - min[1]!, max[2]! - min[2]!);
}
