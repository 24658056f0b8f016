import { RequestErrorEvent } from '@cesium/engine';
import type { Message } from '../app/i18n';

/** Turns what Cesium rejects with (RequestErrorEvent, Error, string) into a user-facing message. */
export function layerLoadError(error: unknown, url: string): Message {
  if (error instanceof RequestErrorEvent) {
    return error.statusCode
      ? { key: 'error.layer.http', params: { status: error.statusCode, url } }
      : { key: 'error.layer.network', params: { url } };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { key: 'error.layer.format', params: { detail: detail.slice(0, 200) } };
}
