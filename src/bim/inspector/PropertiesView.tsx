import { useEffect, useState } from 'react';
import { useT } from '../../app/useT';
import { useBimStore } from '../../state';
import { elementProperties } from '../ui/openModels';
import type { IfcPropertySetInfo } from '../types';
import type { ModelTree } from './modelTree';

const KIND_ORDER: readonly IfcPropertySetInfo['kind'][] = ['attributes', 'pset', 'qto', 'type'];

type Loaded = { expressId: number; sets: IfcPropertySetInfo[] } | { expressId: number; error: string };

/** The selected element's attributes, property sets, quantities and type properties, grouped, read on demand. */
export function PropertiesView({ tree, modelId }: { tree: ModelTree; modelId: string }) {
  const t = useT();
  const selected = useBimStore((s) => (s.activeModelId === modelId ? s.selectedElementId : null));
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (selected === null) return;
    let live = true;
    elementProperties(modelId, selected).then(
      (sets) => live && setLoaded({ expressId: selected, sets }),
      (error: unknown) => live && setLoaded({ expressId: selected, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [modelId, selected]);

  const node = selected === null ? undefined : tree.byKey.get(tree.keyOf.get(selected) ?? '');
  const current = loaded && loaded.expressId === selected ? loaded : null;
  return (
    <section className="inspector-properties" aria-labelledby="inspector-props-title" data-testid="inspector-properties" aria-busy={selected !== null && !current}>
      <h4 id="inspector-props-title">{t('inspector.props.title')}</h4>
      {selected === null ? (
        <p className="inspector-hint">{t('inspector.props.none')}</p>
      ) : (
        <>
          {node && (
            <dl className="inspector-summary">
              <dt>{t('inspector.props.class')}</dt>
              <dd>{node.ifcClass}</dd>
              <dt>{t('inspector.props.name')}</dt>
              <dd>{node.name ?? '—'}</dd>
              <dt>{t('inspector.search.field.globalId')}</dt>
              <dd data-testid="inspector-selected-globalid">{node.globalId}</dd>
            </dl>
          )}
          {!current && <p className="inspector-hint">{t('inspector.props.loading')}</p>}
          {current && 'error' in current && (
            <p className="inspector-error" role="alert">
              {t('inspector.props.error', { detail: current.error })}
            </p>
          )}
          {current && 'sets' in current && current.sets.length === 0 && <p className="inspector-hint">{t('inspector.props.empty')}</p>}
          {current && 'sets' in current && <PropertyGroups sets={current.sets} />}
        </>
      )}
    </section>
  );
}

function PropertyGroups({ sets }: { sets: IfcPropertySetInfo[] }) {
  const t = useT();
  return KIND_ORDER.map((kind) => {
    const ofKind = sets.filter((set) => set.kind === kind);
    if (ofKind.length === 0) return null;
    return (
      <div key={kind} className="inspector-prop-group" data-kind={kind}>
        <h5>{t(`inspector.props.kind.${kind}`)}</h5>
        {ofKind.map((set, i) => (
          <details key={`${set.name}-${i}`} open={kind !== 'type'} className="inspector-pset" data-name={set.name}>
            <summary>{set.name}</summary>
            <table>
              <thead className="inspector-visually-hidden">
                <tr>
                  <th scope="col">{t('inspector.props.property')}</th>
                  <th scope="col">{t('inspector.props.value')}</th>
                </tr>
              </thead>
              <tbody>
                {set.properties.map((property, j) => (
                  <tr key={`${property.name}-${j}`}>
                    <th scope="row">{property.name}</th>
                    <td title={property.type ?? undefined}>{property.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ))}
      </div>
    );
  });
}
