import type { LocalizedText } from '../../geo';

/** How a source's link stands, as the connection panel shows it. */
export type ConnectionPhase = 'connecting' | 'connected' | 'reconnecting' | 'stopped' | 'error';

export interface ConnectionState {
  sourceId: string;
  phase: ConnectionPhase;
  /** Reconnect attempts since the link was last up. */
  attempt: number;
  /** Delay before the next attempt (ms), while reconnecting. */
  nextRetryMs: number | null;
  /** The broker resumed the persistent session (MQTT CONNACK session present). */
  sessionPresent: boolean;
  /** Why it is down, when known. */
  detail: LocalizedText | null;
  /** ms since epoch of the last change. */
  since: number;
}
