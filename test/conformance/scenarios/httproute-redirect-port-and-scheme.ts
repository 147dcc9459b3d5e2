import type { Exchange, NamespacedName, StatusCheck } from '../harness/scenario.ts';
import { answers, INFRA, LISTENER_READY, scenario } from './dsl.ts';

const ON_8080: NamespacedName = `${INFRA}/same-namespace-with-http-listener-on-8080`;
const ON_443: NamespacedName = `${INFRA}/same-namespace-with-https-listener`;

/** The suite's GatewayAndHTTPRoutesMustBeAccepted + HTTPRouteMustHaveResolvedRefsConditionsTrue for one more Gateway. */
const accepted = (gateway: NamespacedName, route: NamespacedName): StatusCheck[] => [
  { kind: 'Gateway', name: gateway, conditions: { Accepted: 'True', Programmed: 'True' }, everyListener: LISTENER_READY },
  { kind: 'HTTPRoute', name: route, parent: gateway, conditions: { Accepted: 'True/Accepted', ResolvedRefs: 'True' } },
];

/**
 * A 302 to example.org with `scheme` and, when the test expects one, `port`; no port means none or
 * the scheme's default. The path is the request's (the suite's default). Location ports equal to the
 * receiving listener's free port are read as its Gateway spec port (harness/expect-http.ts).
 */
const redirect = (path: string, scheme: string, port?: string, { request, ...extra }: Partial<Exchange> = {}): Exchange =>
  answers(302, { ...request, path }, { ...extra, redirect: { scheme, host: 'example.org', path, ...(port !== undefined && { port }) } });

const on8080 = { gateway: ON_8080, port: 8080 };
const on443 = { gateway: ON_443, port: 443, request: { host: 'example.org', path: '' }, tls: { serverName: 'example.org' } };

export default scenario({
  name: 'HTTPRouteRedirectPortAndScheme', source: 'httproute-redirect-port-and-scheme.go', group: 'extended',
  features: ['Gateway', 'HTTPRoute', 'HTTPRoutePortRedirect', 'GatewayPort8080'],
  acceptedRoutes: [`${INFRA}/http-route-for-listener-on-port-80`],
  status: [
    ...accepted(ON_8080, `${INFRA}/http-route-for-listener-on-port-8080`),
    ...accepted(ON_443, `${INFRA}/http-route-for-listener-on-port-443`),
  ],
  exchanges: [
    // http-listener-on-80
    redirect('/scheme-nil-and-port-nil', 'http'),
    redirect('/scheme-nil-and-port-80', 'http'),
    redirect('/scheme-nil-and-port-8080', 'http', '8080'),
    redirect('/scheme-https-and-port-nil', 'https'),
    redirect('/scheme-https-and-port-443', 'https'),
    redirect('/scheme-https-and-port-8443', 'https', '8443'),
    // http-listener-on-8080
    redirect('/scheme-nil-and-port-nil', 'http', '8080', on8080),
    redirect('/scheme-nil-and-port-80', 'http', undefined, on8080),
    redirect('/scheme-https-and-port-nil', 'https', undefined, on8080),
    // https-listener-on-443 (TLS with tls-validity-checks-certificate, SNI example.org)
    redirect('/scheme-nil-and-port-nil', 'https', undefined, on443),
    redirect('/scheme-nil-and-port-443', 'https', undefined, on443),
    redirect('/scheme-nil-and-port-8443', 'https', '8443', on443),
    redirect('/scheme-http-and-port-nil', 'http', undefined, on443),
    redirect('/scheme-http-and-port-80', 'http', undefined, on443),
    redirect('/scheme-http-and-port-8080', 'http', '8080', on443),
  ],
});
