import type { asBuiltVi } from './messages.vi';

/** English strings of the as-built layer's status (spread into `app/i18n/en.ts`). */
export const asBuiltEn: Record<keyof typeof asBuiltVi, string> = {
  'asbuilt.title': "The city's as-built layer",
  'asbuilt.converting': 'Converting the model to 3D Tiles — {phase}: {percent} %',
  'asbuilt.progress': 'Conversion progress',
  'asbuilt.phase.properties': 'Element properties',
  'asbuilt.phase.content': 'Writing tiles',
  'asbuilt.added': 'Added to the “As-built buildings” layer: {features} elements, {tiles} tiles, {size}.',
  'asbuilt.showInCity': 'Show in the city',
  'asbuilt.failed': 'Not added to the as-built layer: {message}',
  'asbuilt.retry': 'Retry',
  'asbuilt.pending': 'The submission is accepted but not yet in the as-built layer.',
  'asbuilt.add': 'Add to the as-built layer',
  'asbuilt.restoreFailed': 'The “As-built buildings” layer could not be restored: {detail}',
  'asbuilt.memoryOnly': 'This browser refuses IndexedDB: the as-built layer is kept for this session only.',
};
