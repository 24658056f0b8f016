/**
 * SensorThings API 1.1 over HTTP (OGC 18-088 §9): reads the Things with their Locations and Datastreams in one
 * expanded request, and a Datastream's Observations after a time, following `@iot.nextLink` server-driven paging
 * (§9.3.3.5) at the top level and inside expanded collections (`Datastreams@iot.nextLink`).
 */
import { SourceError } from '../../SourceError';
import type { Observation } from '../../types';
import { isRecord, type MessageContext } from '../malformed';
import type { ObservationSink } from '../sink';
import { datastreamIdOf, datastreamOf, entityPath, observationOf } from './entities';

/** GET a URL and parse its JSON body; the worker passes `fetch`, tests pass recorded responses. */
export type FetchJson = (url: string) => Promise<unknown>;

/** Stops a runaway server that keeps sending nextLinks. */
const MAX_PAGES = 1000;

export function httpFetchJson(fetchImpl: typeof fetch = fetch): FetchJson {
  return async (url) => {
    let response: Response;
    try {
      response = await fetchImpl(url, { headers: { Accept: 'application/json' } });
    } catch (error) {
      throw new SourceError({ vi: `không kết nối được tới ${url}`, en: `cannot reach ${url}` }, { cause: error });
    }
    if (!response.ok) {
      throw new SourceError({ vi: `${url} trả về HTTP ${response.status}`, en: `${url} answered HTTP ${response.status}` });
    }
    try {
      return (await response.json()) as unknown;
    } catch (error) {
      throw new SourceError({ vi: `${url} không trả về JSON`, en: `${url} did not answer JSON` }, { cause: error });
    }
  };
}

/** Every entity of a collection, page after page; `url` may be relative to the page that linked it. */
export async function* collection(url: string, fetchJson: FetchJson): AsyncGenerator<unknown> {
  let next: string | null = url;
  for (let n = 0; next !== null && n < MAX_PAGES; n++) {
    const page = await fetchJson(next);
    if (!isRecord(page) || !Array.isArray(page.value)) {
      throw new SourceError({ vi: `${next} không phải tập thực thể SensorThings (thiếu \`value\`)`, en: `${next} is not a SensorThings collection (no \`value\`)` });
    }
    yield* page.value;
    const link: unknown = page['@iot.nextLink'];
    next = typeof link === 'string' ? new URL(link, next).href : null;
  }
}

/** An expanded collection inside an entity (`Thing.Datastreams`), with its own nextLink when the server paged it. */
async function* expanded(entity: Record<string, unknown>, name: string, baseUrl: string, fetchJson: FetchJson): AsyncGenerator<unknown> {
  const inline = entity[name];
  if (Array.isArray(inline)) yield* inline;
  const link = entity[`${name}@iot.nextLink`];
  if (typeof link === 'string') yield* collection(new URL(link, baseUrl).href, fetchJson);
}

const trimSlash = (url: string): string => url.replace(/\/+$/, '');

/** Reads every Datastream of the service (via its Things) into the sink; returns the source ids by Sao id. */
export async function readDatastreams(serviceRoot: string, fetchJson: FetchJson, sink: ObservationSink, now: () => number = Date.now): Promise<Map<string, string | number>> {
  const root = trimSlash(serviceRoot);
  const url = `${root}/Things?$expand=${encodeURIComponent('Locations,Datastreams($expand=ObservedProperty)')}`;
  const iotIds = new Map<string, string | number>();
  for await (const thing of collection(url, fetchJson)) {
    if (!isRecord(thing)) continue;
    for await (const datastream of expanded(thing, 'Datastreams', url, fetchJson)) {
      const context: MessageContext = { protocol: 'sensorthings-http', source: `${root}/Things`, receivedAt: now() };
      const parsed = datastreamOf(datastream, root, context, thing);
      if (!parsed.ok) {
        sink.malformed(parsed.malformed);
        continue;
      }
      sink.datastream(parsed.value);
      iotIds.set(parsed.value.id, (datastream as Record<string, unknown>)['@iot.id'] as string | number);
    }
  }
  return iotIds;
}

/**
 * The Observations of one Datastream with phenomenonTime after `afterMs` (all when null), oldest first, into the
 * sink; returns how many arrived. Used for polling and to fill the gap a disconnect left.
 */
export async function readObservations(
  serviceRoot: string,
  iotId: string | number,
  afterMs: number | null,
  fetchJson: FetchJson,
  sink: ObservationSink,
  now: () => number = Date.now,
): Promise<Observation[]> {
  const root = trimSlash(serviceRoot);
  const query = [`$orderby=${encodeURIComponent('phenomenonTime asc')}`, '$top=1000'];
  if (afterMs !== null) query.push(`$filter=${encodeURIComponent(`phenomenonTime gt ${new Date(afterMs).toISOString()}`)}`);
  const path = `${entityPath('Datastreams', iotId)}/Observations`;
  const url = `${root}/${path}?${query.join('&')}`;
  const datastreamId = datastreamIdOf(root, iotId);
  const arrived: Observation[] = [];
  for await (const entity of collection(url, fetchJson)) {
    const parsed = observationOf(entity, datastreamId, { protocol: 'sensorthings-http', source: `${root}/${path}`, receivedAt: now() });
    if (!parsed.ok) {
      sink.malformed(parsed.malformed);
      continue;
    }
    // Servers that ignore $filter (or round times) must not replay what Sao already has.
    if (afterMs !== null && parsed.value.phenomenonTime <= afterMs) continue;
    sink.observation(parsed.value);
    arrived.push(parsed.value);
  }
  return arrived;
}
