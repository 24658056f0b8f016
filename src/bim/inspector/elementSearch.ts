/**
 * Search the model by GlobalId, name or IFC class, the three ways a planner refers to an element (a GlobalId from
 * a BCF issue or an IDS report, a name from the drawings, a class to review). Case-insensitive; best matches
 * first: an exact GlobalId, then GlobalId prefixes, exact classes, names that start with the query, names that
 * contain it, classes that contain it.
 */
import { naturalOrder, type TreeNode } from './modelTree';

export type SearchField = 'globalId' | 'name' | 'class';

export interface SearchResult {
  node: TreeNode;
  field: SearchField;
}

export interface SearchOutcome {
  results: SearchResult[];
  /** Matches in all, of which `results` holds the best `limit`. */
  total: number;
}

function rank(node: TreeNode, query: string): { score: number; field: SearchField } | null {
  const globalId = node.globalId?.toLowerCase() ?? '';
  const name = node.name?.toLowerCase() ?? '';
  const ifcClass = node.ifcClass?.toLowerCase() ?? '';
  if (globalId === query) return { score: 0, field: 'globalId' };
  if (globalId.startsWith(query)) return { score: 1, field: 'globalId' };
  if (ifcClass === query || ifcClass === `ifc${query}`) return { score: 2, field: 'class' };
  if (name.startsWith(query)) return { score: 3, field: 'name' };
  if (name.includes(query)) return { score: 4, field: 'name' };
  if (ifcClass.includes(query)) return { score: 5, field: 'class' };
  return null;
}

/** Searches element and spatial nodes (not groups). */
export function searchNodes(nodes: Iterable<TreeNode>, query: string, limit = 50): SearchOutcome {
  const q = query.trim().toLowerCase();
  if (q === '') return { results: [], total: 0 };
  const matches: { node: TreeNode; score: number; field: SearchField }[] = [];
  for (const node of nodes) {
    if (node.kind !== 'element' && node.kind !== 'spatial') continue;
    const match = rank(node, q);
    if (match) matches.push({ node, ...match });
  }
  matches.sort((a, b) => a.score - b.score || naturalOrder(a.node.name ?? '', b.node.name ?? ''));
  return { results: matches.slice(0, limit).map(({ node, field }) => ({ node, field })), total: matches.length };
}
