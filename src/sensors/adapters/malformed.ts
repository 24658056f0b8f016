/**
 * Building blocks every adapter shares: the payload size limit, JSON parsing that reports instead of throwing, and
 * typed field readers whose failures name the field and what was found (issue 5 §5: counted, shown, never fatal).
 */
import type { MalformedMessage, MalformedReason, SensorProtocol } from '../types';

/** Payloads above this are refused before parsing (a 10 MB message must not stall the worker). */
export const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/** Where a message came from, as the adapter reports it. */
export interface MessageContext {
  protocol: SensorProtocol;
  /** Broker URL + topic, service URL, … (becomes `provenance.source` and `MalformedMessage.source`). */
  source: string;
  receivedAt: number;
}

export function malformed(context: MessageContext, reason: MalformedReason, vi: string, en: string): MalformedMessage {
  return { reason, protocol: context.protocol, source: context.source, detail: { vi, en }, receivedAt: context.receivedAt };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; malformed: MalformedMessage };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Decodes and parses a JSON payload; too large, not UTF-8 or not JSON become a `MalformedMessage`. */
export function parseJsonPayload(payload: Uint8Array | string, context: MessageContext): Parsed<unknown> {
  const size = typeof payload === 'string' ? payload.length : payload.byteLength;
  if (size > MAX_PAYLOAD_BYTES) {
    const mb = (size / 1024 / 1024).toFixed(1);
    return {
      ok: false,
      malformed: malformed(context, 'tooLarge', `tin nhắn ${mb} MB, vượt giới hạn 10 MB`, `message of ${mb} MB exceeds the 10 MB limit`),
    };
  }
  let text: string;
  try {
    text = typeof payload === 'string' ? payload : decoder.decode(payload);
  } catch {
    return { ok: false, malformed: malformed(context, 'badJson', 'nội dung không phải UTF-8', 'payload is not UTF-8 text') };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, malformed: malformed(context, 'badJson', `JSON không hợp lệ: ${why}`, `invalid JSON: ${why}`) };
  }
}

/** A short, safe rendering of a wrong value for a message ("a string \"abc\""). */
export function describeValue(value: unknown): { vi: string; en: string } {
  if (value === null) return { vi: 'null', en: 'null' };
  if (Array.isArray(value)) return { vi: 'một mảng', en: 'an array' };
  if (typeof value === 'string') {
    const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    return { vi: `chuỗi ${shown}`, en: `a string ${shown}` };
  }
  if (typeof value === 'object') return { vi: 'một đối tượng', en: 'an object' };
  if (typeof value === 'boolean') return { vi: `boolean ${value}`, en: `a boolean ${value}` };
  return { vi: String(value), en: String(value) };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A finite number at `field`, or the malformed message saying what was there instead. `undefined` is
 * `missingField`; anything else that is not a finite number is `wrongType`.
 */
export function readNumber(value: unknown, field: string, context: MessageContext): Parsed<number> {
  if (value === undefined) {
    return { ok: false, malformed: malformed(context, 'missingField', `thiếu trường \`${field}\``, `field \`${field}\` is missing`) };
  }
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
  const found = describeValue(value);
  return {
    ok: false,
    malformed: malformed(context, 'wrongType', `trường \`${field}\` là ${found.vi}, cần một số`, `field \`${field}\` is ${found.en}, expected a number`),
  };
}

/** A time (ISO 8601 text or ms since epoch) at `field` → ms since epoch; an ISO interval gives its end. */
export function readTime(value: unknown, field: string, context: MessageContext): Parsed<number> {
  if (value === undefined) {
    return { ok: false, malformed: malformed(context, 'missingField', `thiếu trường \`${field}\``, `field \`${field}\` is missing`) };
  }
  if (typeof value === 'number' && Number.isFinite(value)) return { ok: true, value };
  if (typeof value === 'string') {
    // SensorThings phenomenonTime may be an interval "start/end"; the observation stands at its end.
    const instant = value.includes('/') ? value.slice(value.indexOf('/') + 1) : value;
    const ms = Date.parse(instant);
    if (Number.isFinite(ms)) return { ok: true, value: ms };
  }
  const found = describeValue(value);
  return {
    ok: false,
    malformed: malformed(context, 'wrongType', `trường \`${field}\` là ${found.vi}, cần thời điểm ISO 8601`, `field \`${field}\` is ${found.en}, expected an ISO 8601 time`),
  };
}
