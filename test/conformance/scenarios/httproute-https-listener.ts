import { answers, INFRA, reaches, scenario, V1, V2 } from './dsl.ts';

const tls = (serverName: string) => ({ port: 443, tls: { serverName } });

// The upstream table sends each request with SNI equal to its Host.
export default scenario({
  name: 'HTTPRouteHTTPSListener', source: 'httproute-https-listener.go', features: ['Gateway', 'HTTPRoute'],
  gateway: `${INFRA}/same-namespace-with-https-listener`,
  acceptedRoutes: [`${INFRA}/httproute-https-test`, `${INFRA}/httproute-https-test-no-hostname`],
  exchanges: [
    reaches(V1, { host: 'example.org', path: '/' }, tls('example.org')),
    answers(404, { host: 'unknown-example.org', path: '/' }, tls('unknown-example.org')),
    reaches(V2, { host: 'second-example.org', path: '/' }, tls('second-example.org')),
  ],
});
