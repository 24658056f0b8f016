/**
 * web-ifc in the browser worker. The wasm is served by Vite from our own origin (`?url`), single-threaded: the
 * multi-threaded build needs a pthread pool, and one worker per model already keeps the main thread free.
 */
import { IfcAPI, LogLevel } from 'web-ifc';
import wasmUrl from 'web-ifc/web-ifc.wasm?url';

export async function createBrowserIfcApi(): Promise<IfcAPI> {
  const api = new IfcAPI();
  await api.Init((path, prefix) => (path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path), true);
  api.SetLogLevel(LogLevel.LOG_LEVEL_OFF);
  return api;
}
