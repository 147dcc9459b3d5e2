import { accepted, gw, protocolScenario } from './dsl-protocols.ts';

export default protocolScenario({
  name: 'UDPRoute', source: 'udproute-simple.go', features: ['UDPRoute', 'Gateway'],
  ...accepted('UDPRoute', gw('udp-gateway'), ['udp-coredns']),
  exchanges: [{ request: { path: '/' }, datagram: { dns: 'foo.bar.com.' }, port: 5300 }],
});
