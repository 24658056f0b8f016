/**
 * The JSON of an explicit 3D Tiles 1.1 tileset (3D Tiles 1.1 §"Tileset JSON"), and the layout of a tile tree into
 * it: boxes computed bottom-up so that every parent's box encloses its content's box and its children's boxes
 * (each rounded outward, never inward), content URIs numbered in depth-first order.
 */
import type { Bounds } from './bounds';
import { boundsOfBox, boxEnclosing, emptyBounds, isEmpty, unionInto } from './bounds';
import type { TileItem, TileNode } from './tileTree';

export interface BoundingVolumeJson {
  box?: number[];
  region?: number[];
  sphere?: number[];
}

export interface TileContentJson {
  uri: string;
  boundingVolume?: BoundingVolumeJson;
}

export interface TileJson {
  boundingVolume: BoundingVolumeJson;
  geometricError: number;
  refine?: 'ADD' | 'REPLACE';
  transform?: number[];
  content?: TileContentJson;
  children?: TileJson[];
}

export type MetadataValue = string | number | boolean;

export interface TilesetJson {
  asset: { version: string; tilesetVersion?: string; extras?: Record<string, unknown> };
  schema?: object;
  metadata?: { class: string; properties: Record<string, MetadataValue> };
  geometricError: number;
  root: TileJson;
  extras?: Record<string, unknown>;
}

export interface TileLayout<T extends TileItem> {
  root: TileJson;
  /** The tiles that have content, with the URI their tile JSON names. */
  contents: { uri: string; node: TileNode<T> }[];
}

/**
 * Lays the tree out as tile JSON (refine ADD on the root, inherited below). `contentUri(i)` names the i-th content
 * in depth-first order. A tile with children also gets a content bounding volume, tighter than its tile's box,
 * so a viewer culls the parent's parts on their own.
 */
export function layoutTiles<T extends TileItem>(tree: TileNode<T>, contentUri: (index: number) => string): TileLayout<T> {
  const contents: TileLayout<T>['contents'] = [];
  const visit = (node: TileNode<T>): TileJson => {
    let content: TileContentJson | undefined;
    if (node.content.length > 0) {
      const uri = contentUri(contents.length);
      contents.push({ uri, node });
      content = node.children.length > 0 ? { uri, boundingVolume: { box: boxEnclosing(node.contentBounds) } } : { uri };
    }
    const children = node.children.map(visit);
    const extent: Bounds = emptyBounds();
    if (content) unionInto(extent, content.boundingVolume ? boundsOfBox(content.boundingVolume.box!) : node.contentBounds);
    for (const child of children) unionInto(extent, boundsOfBox(child.boundingVolume.box!));
    if (isEmpty(extent)) unionInto(extent, node.bounds);
    return {
      boundingVolume: { box: boxEnclosing(extent) },
      geometricError: node.geometricError,
      ...(content ? { content } : {}),
      ...(children.length > 0 ? { children } : {}),
    };
  };
  const root = visit(tree);
  return { root: { ...root, refine: 'ADD' }, contents };
}
