/**
 * The scenario registry: the upstream GATEWAY-HTTP conformance tests, one file each, named after
 * its upstream Go file (a file may export the several tests its Go file declares).
 * src/conformance/features.ts computes which features Switchyard supports from this list.
 */
import type { Scenario } from '../harness/scenario.ts';
import httproute303Redirect from './httproute-303-redirect.ts';
import httproute307Redirect from './httproute-307-redirect.ts';
import httproute308Redirect from './httproute-308-redirect.ts';
import httprouteCrossNamespace from './httproute-cross-namespace.ts';
import httprouteExactPathMatching from './httproute-exact-path-matching.ts';
import httprouteHeaderMatching from './httproute-header-matching.ts';
import httprouteListenerHostnameMatching from './httproute-listener-hostname-matching.ts';
import httprouteMatchingAcrossRoutes from './httproute-matching-across-routes.ts';
import httprouteMatching from './httproute-matching.ts';
import httprouteMethodMatching from './httproute-method-matching.ts';
import httprouteOmittedBackendrefs from './httproute-omitted-backendrefs.ts';
import httproutePathMatchOrder from './httproute-path-match-order.ts';
import httprouteQueryParamMatching from './httproute-query-param-matching.ts';
import httprouteRedirectHostAndStatus from './httproute-redirect-host-and-status.ts';
import httprouteRedirectPath from './httproute-redirect-path.ts';
import httprouteRedirectPort from './httproute-redirect-port.ts';
import httprouteRedirectScheme from './httproute-redirect-scheme.ts';
import httprouteRequestHeaderModifier from './httproute-request-header-modifier.ts';
import httprouteRewriteHost from './httproute-rewrite-host.ts';
import httprouteRewritePath from './httproute-rewrite-path.ts';
import httprouteSimpleSameNamespace from './httproute-simple-same-namespace.ts';

export const SCENARIOS: readonly Scenario[] = [
  httproute303Redirect,
  httproute307Redirect,
  httproute308Redirect,
  httprouteCrossNamespace,
  httprouteExactPathMatching,
  httprouteHeaderMatching,
  httprouteListenerHostnameMatching,
  httprouteMatchingAcrossRoutes,
  httprouteMatching,
  httprouteMethodMatching,
  httprouteOmittedBackendrefs,
  httproutePathMatchOrder,
  httprouteQueryParamMatching,
  httprouteRedirectHostAndStatus,
  httprouteRedirectPath,
  httprouteRedirectPort,
  httprouteRedirectScheme,
  httprouteRequestHeaderModifier,
  httprouteRewriteHost,
  httprouteRewritePath,
  httprouteSimpleSameNamespace,
].flat();
