import { INFRA, scenario } from './dsl.ts';
import { retried } from './httproute-retry.ts';

const BACKEND = '/retry/backend-request-timeout-200ms';
const REQUEST = '/retry/request-timeout-200ms';

export default scenario({
  name: 'HTTPRouteRetryWithTimeouts', source: 'httproute-retry-with-timeouts.go',
  features: ['Gateway', 'HTTPRoute', 'HTTPRouteRetry', 'HTTPRouteRetryBackendTimeout', 'HTTPRouteRequestTimeout', 'HTTPRouteBackendTimeout'],
  acceptedRoutes: [`${INFRA}/retries-with-timeouts`],
  exchanges: [
    retried(BACKEND, { responseCode: '500', succeedAfter: '2', delayRetry: '1s' }, 200),
    retried(BACKEND, { responseCode: '500', succeedAfter: '3', delayRetry: '1s' }, 504),
    retried(REQUEST, { responseCode: '500', succeedAfter: '4' }, 200),
    retried(REQUEST, { responseCode: '500', succeedAfter: '4', delayRetry: '100ms' }, 504),
  ],
});
