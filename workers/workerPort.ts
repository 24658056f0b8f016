/**
 * How the page drives a worker that answers one request and is ended: a port over a browser Worker (or an
 * in-process stand-in in Node tests) and `askWorker`, which posts the request, hands every answer with the
 * request's id to `settle`, and terminates the worker once settled, when it dies, or when the signal aborts.
 * The `new Worker(new URL(…, import.meta.url))` stays in each client: Vite finds workers by that literal form.
 */

export interface WorkerPort<Request, Response> {
  post(request: Request, transfer: ArrayBuffer[]): void;
  onMessage(listener: (response: Response) => void): void;
  /** The worker died (an uncaught error, a script that would not load). */
  onError(listener: (message: string) => void): void;
  terminate(): void;
}

export function browserWorkerPort<Request, Response>(worker: Worker): WorkerPort<Request, Response> {
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    onMessage: (listener) => worker.addEventListener('message', (event: MessageEvent<Response>) => listener(event.data)),
    onError: (listener) => worker.addEventListener('error', (event) => listener(event.message || 'error')),
    terminate: () => worker.terminate(),
  };
}

export interface AskOptions {
  /** Named in the error when the worker dies: `<label>: <what the browser said>`. */
  label: string;
  /** Ends the worker and rejects with the signal's reason. */
  signal?: AbortSignal;
}

type Settle<T> = (resolve: (value: T) => void, reject: (error: unknown) => void) => void;

/** One request in a fresh worker; `settle(response)` returns how to end the promise, or null for a progress message. */
export function askWorker<Request extends { id: unknown }, Response extends { id: unknown }, T>(
  spawn: () => WorkerPort<Request, Response>,
  request: Request,
  transfer: ArrayBuffer[],
  settle: (response: Response) => Settle<T> | null,
  { label, signal }: AskOptions,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const port = spawn();
    const abort = (): void => {
      port.terminate();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', abort, { once: true });
    const end = (): void => {
      signal?.removeEventListener('abort', abort);
      port.terminate();
    };
    port.onMessage((response) => {
      if (response.id !== request.id) return;
      const outcome = settle(response);
      if (!outcome) return;
      end();
      outcome(resolve, reject);
    });
    port.onError((message) => {
      end();
      reject(new Error(`${label}: ${message}`));
    });
    port.post(request, transfer);
  });
}
