import { INFRA, scenario } from './dsl.ts';
import { retried } from './httproute-retry.ts';

const PATH = '/retry/no-status-code-attempts-3';

export default scenario({
  name: 'HTTPRouteRetryConnectionError', source: 'httproute-retry-connection-error.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteRetry', 'HTTPRouteRetryConnectionError'],
  acceptedRoutes: [`${INFRA}/retries-connection-error`],
  exchanges: [
    retried(PATH, { succeedAfter: '2' }, 200),
    retried(PATH, { succeedAfter: '4' }, [500, 503]),
  ],
});
