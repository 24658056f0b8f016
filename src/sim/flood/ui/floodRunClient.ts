/**
 * The app's side of the flood run worker (workers/floodRun): starts one worker per run, routes its messages —
 * frames into the registry, counters and status into the store — and stops it. Cancel asks the worker first
 * (it stops at the next output time) and terminates it if it has not answered within `CANCEL_GRACE_MS`.
 */
import { floodFrames } from '../frameRegistry';
import { useFloodStore } from '../../../state/floodStore';
import type { FloodRunRequest, FloodRunResponse, RunPayload } from '../../../../workers/floodRun/protocol';

const CANCEL_GRACE_MS = 1500;

let worker: Worker | null = null;
let cancelTimer: ReturnType<typeof setTimeout> | undefined;

function stopWorker(): void {
  clearTimeout(cancelTimer);
  worker?.terminate();
  worker = null;
}

function post(request: FloodRunRequest): void {
  worker?.postMessage(request);
}

function receive(message: FloodRunResponse): void {
  const store = useFloodStore.getState();
  if (message.id !== store.runId) return;
  switch (message.type) {
    case 'started': {
      const { backend, backendDetail, threads, cells } = message.payload;
      floodFrames.open(message.id, message.payload);
      store.setBackend({ name: backend, detail: backendDetail, threads, cells });
      break;
    }
    case 'frame': {
      const { index, ...frame } = message.payload;
      store.frameAdded(floodFrames.addFrame(message.id, index, frame));
      break;
    }
    case 'progress': {
      const { t, duration, stepCount, wallSeconds } = message.payload;
      store.setProgress({ t, duration, steps: stepCount, wallSeconds });
      break;
    }
    case 'paused':
      if (store.status === 'running' || store.status === 'paused') store.setStatus(message.payload.paused ? 'paused' : 'running');
      break;
    case 'done': {
      const { summary, maxima, floodedBuildings, floodedRoadMeters, volumeErrorRelative, files } = message.payload;
      floodFrames.setResults(message.id, maxima, files);
      store.finish({
        maxDepth: summary.maxDepth, floodedBuildings: floodedBuildings.length, floodedRoadMeters,
        roadMeters: floodFrames.get(message.id)?.roadMeters ?? 0, wallSeconds: summary.wallSeconds, steps: summary.steps,
        volumeErrorRelative,
      });
      stopWorker();
      break;
    }
    case 'cancelled':
      store.setStatus('cancelled');
      stopWorker();
      break;
    case 'error':
      store.fail({ name: message.payload.name, message: message.payload.message, field: message.payload.field ?? null });
      stopWorker();
      break;
  }
}

export function startFloodRun(payload: RunPayload): string {
  stopWorker();
  const id = `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  useFloodStore.getState().startRun(id);
  const w = new Worker(new URL('../../../../workers/floodRun/worker.ts', import.meta.url), { type: 'module', name: 'sao-flood-run' });
  worker = w;
  w.onmessage = (event: MessageEvent<FloodRunResponse>) => receive(event.data);
  w.onerror = (event) => {
    event.preventDefault();
    useFloodStore.getState().fail({ name: 'WorkerError', message: event.message || 'the flood worker stopped', field: null });
    stopWorker();
  };
  post({ type: 'run', id, payload });
  return id;
}

export function pauseFloodRun(paused: boolean): void {
  const { runId } = useFloodStore.getState();
  if (runId) post({ type: paused ? 'pause' : 'resume', id: runId, payload: null });
}

export function cancelFloodRun(): void {
  const store = useFloodStore.getState();
  if (!worker || !store.runId) return;
  post({ type: 'cancel', id: store.runId, payload: null });
  clearTimeout(cancelTimer);
  cancelTimer = setTimeout(() => {
    if (!worker) return;
    stopWorker();
    useFloodStore.getState().setStatus('cancelled');
  }, CANCEL_GRACE_MS);
}
