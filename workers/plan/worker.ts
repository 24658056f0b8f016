/** Browser entry of the plan worker: a model against a zoning plan, off the main thread (src/bim/plan). */
import { answerPlanCheck } from './answerPlanCheck';
import type { PlanWorkerRequest } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = async ({ data }: MessageEvent<PlanWorkerRequest>) => scope.postMessage(await answerPlanCheck(data));
