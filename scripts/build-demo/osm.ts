/**
 * OpenStreetMap XML (API 0.6 `.osm`) reader: nodes, ways, relations and their tags, plus `<bounds>`.
 *
 * A small streaming tokenizer rather than a DOM: `.osm` files use a fixed, flat vocabulary (OSM API 0.6
 * §"OSM XML"), so a regular tag scanner is exact and fast, and the module stays free of dependencies for the
 * other OSM-based builders. Ids are kept as decimal strings: OSM ids pass 2^32 and are identifiers, not numbers.
 * Elements marked `visible="false"` (history dumps) or `action="delete"` (JOSM files) are dropped.
 */
import { DemoBuildError } from './errors';

export type OsmTags = Readonly<Record<string, string>>;
export type OsmElementType = 'node' | 'way' | 'relation';

export interface OsmNode {
  id: string;
  lat: number;
  lon: number;
  tags: OsmTags;
}

export interface OsmWay {
  id: string;
  nodeRefs: readonly string[];
  tags: OsmTags;
}

export interface OsmMember {
  type: OsmElementType;
  ref: string;
  role: string;
}

export interface OsmRelation {
  id: string;
  members: readonly OsmMember[];
  tags: OsmTags;
}

/** Degrees, WGS 84, as in the `<bounds>` element. */
export interface OsmBounds {
  minLat: number;
  minLon: number;
  maxLat: number;
  maxLon: number;
}

export interface OsmDocument {
  bounds: OsmBounds | undefined;
  /** The latest `timestamp` of any element (ISO 8601), a stable version stamp for derived data. */
  latestTimestamp: string | undefined;
  nodes: ReadonlyMap<string, OsmNode>;
  ways: ReadonlyMap<string, OsmWay>;
  relations: ReadonlyMap<string, OsmRelation>;
}

const TAG_PATTERN = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[^\s=>/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>/g;
const ATTRIBUTE_PATTERN = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY_PATTERN = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ID_PATTERN = /^-?\d+$/;

/** Parses the text of an `.osm` file. Throws {@link DemoBuildError} naming the line of the first problem. */
export function parseOsmXml(xml: string, sourceName = 'OSM XML'): OsmDocument {
  const nodes = new Map<string, OsmNode>();
  const ways = new Map<string, OsmWay>();
  const relations = new Map<string, OsmRelation>();
  let bounds: OsmBounds | undefined;
  let latestTimestamp: string | undefined;
  let sawOsmRoot = false;

  // The element being filled by <tag>, <nd> and <member> children.
  let open:
    | { type: OsmElementType; attrs: Record<string, string>; at: number; tags: Record<string, string>; refs: string[]; members: OsmMember[] }
    | undefined;

  const fail = (at: number, en: string, vi: string): never => {
    const line = lineOf(xml, at);
    throw new DemoBuildError({ en: `${sourceName}, line ${line}: ${en}`, vi: `${sourceName}, dòng ${line}: ${vi}` });
  };

  const close = (): void => {
    if (!open) return;
    const { type, attrs, at, tags, refs, members } = open;
    open = undefined;
    if (attrs.visible === 'false' || attrs.action === 'delete') return;
    const id = attrs.id;
    if (id === undefined || !ID_PATTERN.test(id)) fail(at, `<${type}> without a numeric id`, `<${type}> thiếu id dạng số`);
    const elementId = id as string;
    if (attrs.timestamp !== undefined && (latestTimestamp === undefined || attrs.timestamp > latestTimestamp)) {
      latestTimestamp = attrs.timestamp;
    }
    if (type === 'node') {
      const lat = Number(attrs.lat);
      const lon = Number(attrs.lon);
      if (attrs.lat === undefined || attrs.lon === undefined || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
        fail(at, `node ${elementId} has no valid lat/lon`, `node ${elementId} không có lat/lon hợp lệ`);
      }
      nodes.set(elementId, { id: elementId, lat, lon, tags });
    } else if (type === 'way') {
      ways.set(elementId, { id: elementId, nodeRefs: refs, tags });
    } else {
      relations.set(elementId, { id: elementId, members, tags });
    }
  };

  for (const match of xml.matchAll(TAG_PATTERN)) {
    const [, slash, name, attrText, selfClosing] = match;
    if (name === undefined) continue; // comment, declaration, CDATA
    const at = match.index;
    if (slash) {
      if (open && name === open.type) close();
      continue;
    }
    const attrs = parseAttributes(attrText ?? '');
    switch (name) {
      case 'osm':
        sawOsmRoot = true;
        break;
      case 'bounds':
        bounds = parseBounds(attrs, (en, vi) => fail(at, en, vi));
        break;
      case 'node':
      case 'way':
      case 'relation':
        close();
        open = { type: name, attrs, at, tags: {}, refs: [], members: [] };
        if (selfClosing) close();
        break;
      case 'tag':
        if (!open) fail(at, '<tag> outside a node, way or relation', '<tag> nằm ngoài node, way hoặc relation');
        if (attrs.k === undefined || attrs.v === undefined) fail(at, '<tag> without k or v', '<tag> thiếu k hoặc v');
        open!.tags[attrs.k!] = attrs.v!;
        break;
      case 'nd':
        if (open?.type !== 'way') fail(at, '<nd> outside a way', '<nd> nằm ngoài way');
        if (attrs.ref === undefined || !ID_PATTERN.test(attrs.ref)) fail(at, '<nd> without a numeric ref', '<nd> thiếu ref dạng số');
        open!.refs.push(attrs.ref!);
        break;
      case 'member': {
        if (open?.type !== 'relation') fail(at, '<member> outside a relation', '<member> nằm ngoài relation');
        const type = attrs.type;
        if (type !== 'node' && type !== 'way' && type !== 'relation') {
          fail(at, `<member> with unknown type "${type ?? ''}"`, `<member> có type lạ "${type ?? ''}"`);
        }
        if (attrs.ref === undefined || !ID_PATTERN.test(attrs.ref)) fail(at, '<member> without a numeric ref', '<member> thiếu ref dạng số');
        open!.members.push({ type: type as OsmElementType, ref: attrs.ref!, role: attrs.role ?? '' });
        break;
      }
      default:
        // Other OSM XML elements (<note>, <meta>, <changeset>) carry nothing the builders use.
        break;
    }
  }
  close();
  if (!sawOsmRoot) {
    throw new DemoBuildError({
      en: `${sourceName} is not OSM XML: no <osm> root element`,
      vi: `${sourceName} không phải OSM XML: thiếu phần tử gốc <osm>`,
    });
  }
  return { bounds, latestTimestamp, nodes, ways, relations };
}

/** Orders OSM ids numerically (they are decimal strings, possibly negative for unsaved JOSM objects). */
export function compareOsmIds(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [, key, doubleQuoted, singleQuoted] of text.matchAll(ATTRIBUTE_PATTERN)) {
    if (key !== undefined) attrs[key] = decodeEntities(doubleQuoted ?? singleQuoted ?? '');
  }
  return attrs;
}

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY_PATTERN, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return NAMED_ENTITIES[entity] ?? '';
  });
}

function parseBounds(attrs: Record<string, string>, fail: (en: string, vi: string) => never): OsmBounds {
  const [minLat, minLon, maxLat, maxLon] = [attrs.minlat, attrs.minlon, attrs.maxlat, attrs.maxlon].map(Number);
  if (
    minLat === undefined || minLon === undefined || maxLat === undefined || maxLon === undefined ||
    !(minLat < maxLat) || !(minLon < maxLon) || Math.abs(minLat) > 90 || Math.abs(maxLat) > 90 ||
    Math.abs(minLon) > 180 || Math.abs(maxLon) > 180
  ) {
    fail('<bounds> is not a valid latitude/longitude box', '<bounds> không phải một hộp kinh/vĩ độ hợp lệ');
  }
  return { minLat: minLat!, minLon: minLon!, maxLat: maxLat!, maxLon: maxLon! };
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
