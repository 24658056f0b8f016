/**
 * web-ifc in Node (CLI, benchmark, tests, worker_threads): the package's Node build finds its own
 * `web-ifc-node.wasm`. Single-threaded, like the browser worker, so figures from Node and the app compare.
 */
import { IfcAPI, LogLevel } from 'web-ifc';

export async function createNodeIfcApi(): Promise<IfcAPI> {
  const api = new IfcAPI();
  await api.Init(undefined, true);
  // web-ifc logs every geometry it cannot build; the load reports what matters through its stats.
  api.SetLogLevel(LogLevel.LOG_LEVEL_OFF);
  return api;
}
