import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../app/useT';
import { useBimStore } from '../../state';
import { selectElement } from './bimSelection';
import { ancestorKeys, visibleRows, type ModelTree, type TreeNode } from './modelTree';

/** Rows are 1.9 rem high (see inspector.css); rows outside the scrolled window plus this many are not rendered. */
const ROW_REM = 1.9;
const OVERSCAN = 12;

function rowPixels(): number {
  return ROW_REM * parseFloat(getComputedStyle(document.documentElement).fontSize || '16');
}

/** The spatial nodes down to the storeys start open: a planner first wants to see the floors. */
function initialExpansion(tree: ModelTree): Set<string> {
  const open = new Set<string>();
  const walk = (node: TreeNode) => {
    if (node.kind !== 'spatial' || node.ifcClass === 'IfcBuildingStorey') return;
    open.add(node.key);
    node.children.forEach(walk);
  };
  walk(tree.root);
  return open;
}

export function useNodeLabel(): (node: TreeNode) => string {
  const t = useT();
  return useCallback(
    (node: TreeNode) => {
      if (node.kind === 'unassigned') return t('inspector.tree.unassigned');
      if (node.kind === 'class') return node.ifcClass ?? '';
      return node.name ? `${node.name}` : (node.ifcClass ?? '');
    },
    [t],
  );
}

/**
 * The model tree as an ARIA tree (focus stays on the tree, `aria-activedescendant` names the active row), rendered
 * as a window over the flat list of visible rows so that a storey with thousands of elements opens at once.
 * Follows the shared selection: an element selected in a 3D view is revealed and scrolled to.
 */
export function TreeView({ tree, modelId }: { tree: ModelTree; modelId: string }) {
  const t = useT();
  const label = useNodeLabel();
  const [expanded, setExpanded] = useState(() => initialExpansion(tree));
  const [activeKey, setActiveKey] = useState(tree.root.key);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(400);
  const scroller = useRef<HTMLDivElement>(null);
  const selected = useBimStore((s) => (s.activeModelId === modelId ? s.selectedElementId : null));
  const rows = useMemo(() => visibleRows(tree, expanded), [tree, expanded]);
  const rowHeight = rowPixels();
  const idOf = (key: string) => `inspector-row-${modelId}-${key}`.replace(/[^\w-]/g, '_');

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const scrollToKey = useCallback(
    (key: string, list = rows) => {
      const element = scroller.current;
      const index = list.findIndex((row) => row.node.key === key);
      if (!element || index < 0) return;
      const top = index * rowHeight;
      if (top < element.scrollTop || top + rowHeight > element.scrollTop + element.clientHeight) {
        element.scrollTop = Math.max(0, top - element.clientHeight / 2);
        setScrollTop(element.scrollTop);
      }
    },
    [rows, rowHeight],
  );

  // Reveal a selection made elsewhere (or here): open its ancestors, make it the active row, scroll to it.
  useEffect(() => {
    const key = selected === null ? undefined : tree.keyOf.get(selected);
    if (!key) return;
    const missing = ancestorKeys(tree, key).filter((k) => !expanded.has(k));
    const next = missing.length > 0 ? new Set([...expanded, ...missing]) : expanded;
    if (next !== expanded) setExpanded(next);
    setActiveKey(key);
    requestAnimationFrame(() => scrollToKey(key, visibleRows(tree, next)));
  }, [selected, tree]); // only when the selection changes, not when the planner collapses a node

  const toggle = (node: TreeNode, open = !expanded.has(node.key)) => {
    if (node.children.length === 0) return;
    const next = new Set(expanded);
    if (open) next.add(node.key);
    else next.delete(node.key);
    setExpanded(next);
  };

  const activate = (node: TreeNode) => {
    setActiveKey(node.key);
    if (node.expressId !== null) selectElement(modelId, node.expressId);
    else toggle(node);
  };

  const move = (key: string) => {
    setActiveKey(key);
    scrollToKey(key);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = Math.max(0, rows.findIndex((row) => row.node.key === activeKey));
    const row = rows[index]!;
    const node = row.node;
    const open = expanded.has(node.key);
    const page = Math.max(1, Math.floor(viewHeight / rowHeight) - 1);
    const go = (i: number) => move(rows[Math.min(rows.length - 1, Math.max(0, i))]!.node.key);
    const actions: Record<string, () => void> = {
      ArrowDown: () => go(index + 1),
      ArrowUp: () => go(index - 1),
      PageDown: () => go(index + page),
      PageUp: () => go(index - page),
      Home: () => go(0),
      End: () => go(rows.length - 1),
      ArrowRight: () => (node.children.length > 0 && !open ? toggle(node, true) : open ? go(index + 1) : undefined),
      ArrowLeft: () => (open ? toggle(node, false) : node.parent ? move(node.parent.key) : undefined),
      Enter: () => activate(node),
      ' ': () => activate(node),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewHeight) / rowHeight) + OVERSCAN);
  // The active row is always in the page, scrolled away or not: `aria-activedescendant` must name an element.
  const activeIndex = rows.findIndex((row) => row.node.key === activeKey);
  const shown = Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
  if (activeIndex >= 0 && (activeIndex < first || activeIndex >= last)) shown.push(activeIndex);
  return (
    <div className="inspector-tree-scroll" ref={scroller} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <div
        role="tree"
        tabIndex={0}
        aria-label={t('inspector.tree.label')}
        aria-activedescendant={activeIndex >= 0 ? idOf(activeKey) : undefined}
        className="inspector-tree"
        data-testid="inspector-tree"
        style={{ height: rows.length * rowHeight }}
        onKeyDown={onKeyDown}
      >
        {shown.map((index) => {
          const row = rows[index]!;
          const { node } = row;
          const hasChildren = node.children.length > 0;
          const isSelected = node.expressId !== null && node.expressId === selected;
          return (
            <div
              key={node.key}
              id={idOf(node.key)}
              role="treeitem"
              aria-level={row.level}
              aria-posinset={row.posInSet}
              aria-setsize={row.setSize}
              aria-expanded={hasChildren ? expanded.has(node.key) : undefined}
              aria-selected={isSelected}
              className={`inspector-tree-row${node.key === activeKey ? ' active' : ''}${isSelected ? ' selected' : ''}`}
              style={{ top: index * rowHeight, paddingLeft: `${0.3 + (row.level - 1) * 0.9}rem` }}
              data-key={node.key}
              data-kind={node.kind}
              data-express-id={node.expressId ?? undefined}
              onClick={() => activate(node)}
            >
              <span
                className="inspector-tree-twisty"
                aria-hidden="true"
                onClick={(event) => {
                  event.stopPropagation();
                  setActiveKey(node.key);
                  toggle(node);
                }}
              >
                {hasChildren ? (expanded.has(node.key) ? '▾' : '▸') : ''}
              </span>
              <span className="inspector-tree-label">{label(node)}</span>
              {node.kind === 'spatial' && <span className="inspector-tree-class">{node.ifcClass}</span>}
              {node.kind !== 'element' && (
                <span className="inspector-tree-count" title={t('inspector.tree.count', { count: node.count })} data-testid="inspector-tree-count">
                  {node.count}
                </span>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
