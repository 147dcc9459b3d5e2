import type { Exchange } from '../harness/scenario.ts';
import { INFRA, scenario, V3 } from './dsl.ts';

/** The suite's assertConsistentRetryBehaviour: the echo's retry simulation, a fresh uuid per request. */
export const retried = (path: string, simulation: Record<string, string>, status: number | readonly number[]): Exchange => ({
  request: { path }, retrySimulation: simulation, response: { status }, ...(status === 200 && { backend: V3 }),
});
const sim = (responseCode: string, succeedAfter: string) => ({ responseCode, succeedAfter });
const A3 = '/retry/code-500-attempts-3';
const ALL2 = '/retry/code-all-attempts-2';

export default scenario({
  name: 'HTTPRouteRetry', source: 'httproute-retry.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteRetry'],
  acceptedRoutes: [`${INFRA}/retries`],
  exchanges: [
    retried(A3, sim('500', '2'), 200),
    retried(A3, sim('500', '4'), 500),
    retried(A3, sim('503', '2'), 503),
    ...['500', '502', '503', '504'].flatMap((code) => [retried(ALL2, sim(code, '1'), 200), retried(ALL2, sim(code, '3'), Number(code))]),
  ],
});
