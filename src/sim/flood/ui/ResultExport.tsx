import { useEffect, useMemo } from 'react';
import { useT } from '../../../app/useT';
import { useFloodStore } from '../../../state/floodStore';
import { floodFrames } from '../frameRegistry';

/**
 * The run's results in open formats, one link each (Decree 269/2025 Art. 2.5, 38.4: every datum leaves in an open
 * format): maxima as GeoTIFF and ESRI ASCII on the DEM's grid, gauges as CSV, and the scenario JSON that reproduces
 * the run with the same input files.
 */
export function ResultExport() {
  const t = useT();
  const runId = useFloodStore((s) => s.runId);
  const done = useFloodStore((s) => s.status === 'done');
  const links = useMemo(() => {
    const files = done ? floodFrames.get(runId)?.files ?? [] : [];
    return files.map((file) => ({
      name: file.name,
      href: URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mediaType })),
    }));
  }, [done, runId]);
  useEffect(() => () => links.forEach((link) => URL.revokeObjectURL(link.href)), [links]);
  if (links.length === 0) return null;
  return (
    <section className="flood-export" aria-labelledby="flood-export-title" data-testid="flood-export">
      <h3 id="flood-export-title">{t('flood.export')}</h3>
      <ul>
        {links.map((link) => (
          <li key={link.name}>
            <a href={link.href} download={link.name} data-testid={`flood-export-${link.name}`}>
              {link.name}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
