import { answers, INFRA, reaches, scenario, V1, V2, V3 } from './dsl.ts';

const GATEWAY = `${INFRA}/httproute-listener-port-matching` as const;

export default scenario({
  name: 'HTTPRouteListenerPortMatching', source: 'httproute-listener-port-matching.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteParentRefPort'],
  gateway: GATEWAY,
  acceptedRoutes: [`${INFRA}/backend-v1`, `${INFRA}/backend-v2`, `${INFRA}/backend-v3`],
  // Host carries the upstream port, as sent; the request goes to the listener of that port.
  exchanges: [
    reaches(V1, { host: 'foo.com', path: '/' }),
    reaches(V2, { host: 'foo.com:8080', path: '/' }, { port: 8080 }),
    reaches(V2, { host: 'bar.com:8080', path: '/' }, { port: 8080 }),
    reaches(V3, { host: 'foo.com:8090', path: '/' }, { port: 8090 }),
    answers(404, { host: 'bar.com:8090', path: '/' }, { port: 8090 }),
  ],
});
