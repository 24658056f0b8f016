/**
 * Mutated sample files through the app's loader client and the real IFC worker (worker_threads, the app's
 * watchdog): every case must end loaded or with a coded, bilingual failure — never crash the test process,
 * never hang. Deterministic: a fixed seed drives every mutation.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openIfc } from '../../../src/bim/ifcLoaderClient';
import { useBimStore } from '../../../src/state/bimStore';
import type { IfcLoadErrorCode } from '../../../src/bim/types';
import { spawnNodeIfcWorker } from '../../../workers/ifc/nodeSpawn';
import { sampleBytes } from './ifcSamples';

const SAMPLES = [
  'ifc/georef/bsi-ifc4.3-sample-models/placements-and-gis-referencing/geographic-referencing-utm/geographic-referencing-utm.ifc',
  'ifc/georef/bsi-ifc4.3-sample-models/placements-and-gis-referencing/geographic-referencing-rigid-operation/geographic-referencing-rigid-operation.ifc',
  'ifc/georef/bsi-ifc4.3-sample-models/placements-and-gis-referencing/grid-placement/grid-placement.ifc',
  'ifc/web-ifc/IfcOpenHouse_IFC4.ifc',
  'ifc/georef/bsi-ifc4.3-sample-models/linear-placement-of-signal/linear-placement-of-signal.ifc',
  'ifc/web-ifc/example.ifc',
  'ifc/web-ifc/KIT-Simple-Road-Test-Web-IFC4x3_RC2.ifc',
];

const CODES: readonly IfcLoadErrorCode[] = [
  'EMPTY_FILE', 'NOT_IFC', 'TRUNCATED', 'UNSUPPORTED_SCHEMA', 'TOO_LARGE', 'PARSE_FAILED', 'GEOMETRY_FAILED',
  'WORKER_UNRESPONSIVE', 'WORKER_CRASHED',
];

/** mulberry32: small, fast, deterministic. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (bytes: Uint8Array, rand: () => number) => Uint8Array;
const pick = (rand: () => number, n: number) => Math.floor(rand() * n);
const lines = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes).split('\n');
const encode = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);

const MUTATIONS: Record<string, Mutation> = {
  'bit flips': (bytes, rand) => {
    const out = bytes.slice();
    for (let i = 1 + pick(rand, 40); i > 0; i--) out[pick(rand, out.length)]! ^= 1 << pick(rand, 8);
    return out;
  },
  truncation: (bytes, rand) => bytes.slice(0, pick(rand, bytes.length)),
  'deleted lines': (bytes, rand) => {
    const text = lines(bytes);
    for (let i = 1 + pick(rand, 8); i > 0; i--) text.splice(pick(rand, text.length), 1 + pick(rand, 3));
    return encode(text.join('\n'));
  },
  'duplicated lines': (bytes, rand) => {
    const text = lines(bytes);
    for (let i = 1 + pick(rand, 8); i > 0; i--) {
      const at = pick(rand, text.length);
      text.splice(at, 0, ...text.slice(at, at + 1 + pick(rand, 3)));
    }
    return encode(text.join('\n'));
  },
  'random bytes in entity arguments': (bytes, rand) => {
    const text = lines(bytes);
    const entities = text.flatMap((line, index) => (/^#\d+\s*=.*\(/.test(line) ? [index] : []));
    for (let i = 1 + pick(rand, 6); i > 0 && entities.length > 0; i--) {
      const index = entities[pick(rand, entities.length)]!;
      const line = text[index]!;
      const open = line.indexOf('(');
      const start = open + 1 + pick(rand, Math.max(1, line.length - open - 2));
      const garbage = Array.from({ length: 1 + pick(rand, 12) }, () => String.fromCharCode(pick(rand, 256))).join('');
      text[index] = line.slice(0, start) + garbage + line.slice(start + pick(rand, 8));
    }
    return encode(text.join('\n'));
  },
  'rewired references': (bytes, rand) => {
    const text = new TextDecoder('latin1').decode(bytes);
    const ids = [...text.matchAll(/#(\d+)\s*=/g)].map((match) => match[1]!);
    let count = 0;
    return encode(text.replace(/#(\d+)(?!\s*=)/g, (reference) => (rand() < 0.05 && count++ < 200 ? `#${ids[pick(rand, ids.length)] ?? 0}` : reference)));
  },
};

const rand = random(20_250_311);
const CASES = SAMPLES.flatMap((file) =>
  Object.entries(MUTATIONS).map(([name, mutate]) => ({ name: `${file.split('/').pop()} · ${name}`, bytes: mutate(sampleBytes(file), rand) })),
);

const outcomes = new Map<string, number>();
afterAll(() => {
  console.log(`fuzz outcomes over ${CASES.length} cases:`, Object.fromEntries(outcomes));
});

describe.concurrent(`fuzz: ${CASES.length} mutated samples through the IFC worker`, () => {
  it.each(CASES.map((testCase) => [testCase.name, testCase.bytes] as const))('%s', { timeout: 60_000 }, async (name, bytes) => {
    const handle = openIfc({ name, bytes: bytes.slice().buffer }, { spawn: () => spawnNodeIfcWorker(), watchdogMs: 15_000 });
    const status = await handle.settled;
    const model = useBimStore.getState().models[handle.id]!;
    const outcome = status === 'failed' ? model.failure!.code : status;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    if (status === 'failed') {
      expect(CODES).toContain(model.failure!.code);
      expect(model.failure!.message.vi.length).toBeGreaterThan(10);
      expect(model.failure!.message.en.length).toBeGreaterThan(10);
    } else {
      expect(status).toBe('ready');
      expect(model.stats!.elements).toBeGreaterThanOrEqual(0);
    }
    handle.close();
  });
});
