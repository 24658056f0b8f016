import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_DRAFT, loadDraft, saveDraft, useFloodStore } from '../../../src/state/floodStore';

/** A Storage stand-in (Node has no localStorage). */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (n) => [...items.keys()][n] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('flood store', () => {
  beforeEach(() => {
    useFloodStore.getState().startRun('r1');
  });

  it('follows the newest frame while running, until the user picks one', () => {
    const store = useFloodStore.getState();
    store.frameAdded(1);
    store.frameAdded(2);
    expect(useFloodStore.getState().frameIndex).toBe(1);
    store.setFrameIndex(0);
    store.frameAdded(3);
    expect(useFloodStore.getState()).toMatchObject({ frameIndex: 0, frameCount: 3, followLatest: false });
    store.setFrameIndex(99);
    expect(useFloodStore.getState().frameIndex).toBe(2);
  });

  it('starts a run from a clean slate: no frames, no summary, no error', () => {
    const store = useFloodStore.getState();
    store.frameAdded(5);
    store.fail({ name: 'ScenarioError', message: 'x', field: 'durationSeconds' });
    store.startRun('r2');
    expect(useFloodStore.getState()).toMatchObject({ runId: 'r2', status: 'preparing', frameCount: 0, frameIndex: 0, error: null, summary: null });
  });

  it('plays from the start when play is pressed on the last frame', () => {
    const store = useFloodStore.getState();
    store.frameAdded(4);
    store.setPlaying(true);
    expect(useFloodStore.getState()).toMatchObject({ playing: true, frameIndex: 0 });
  });

  it('saves the draft so that an edit survives a reload, and fills fields an old save lacks', () => {
    const storage = memoryStorage();
    saveDraft({ ...DEFAULT_DRAFT, returnPeriodYears: 50 }, storage);
    expect(loadDraft(storage).returnPeriodYears).toBe(50);
    storage.setItem('sao.flood.draft', JSON.stringify({ drainageMmPerHour: 25 }));
    expect(loadDraft(storage)).toEqual({ ...DEFAULT_DRAFT, drainageMmPerHour: 25 });
    storage.setItem('sao.flood.draft', '{not json');
    expect(loadDraft(storage)).toEqual(DEFAULT_DRAFT);
    expect(loadDraft(undefined)).toEqual(DEFAULT_DRAFT);
  });
});
