import { useEffect, useState } from 'react';
import type { BcfSnapshot } from '../../../bcf/types';

/** A viewpoint's snapshot as an image, from its bytes (an object URL, revoked when the bytes change or it unmounts). */
export function SnapshotThumbnail({ snapshot, alt }: { snapshot: BcfSnapshot; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const next = URL.createObjectURL(new Blob([snapshot.bytes as Uint8Array<ArrayBuffer>], { type: snapshot.format === 'png' ? 'image/png' : 'image/jpeg' }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [snapshot]);
  return url ? <img className="review-topic-snapshot" src={url} alt={alt} data-testid="review-topic-snapshot" /> : null;
}
