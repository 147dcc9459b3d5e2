/**
 * Core kinds, checked lightly: what the translator relies on (Service ports, EndpointSlice
 * addresses, Secret data) and what the API server would refuse outright (names, base64, keys).
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { EndpointSlice, Service, ServicePort } from '../../api/index.ts';
import * as F from './fields.ts';
import { metadata } from './metadata.ts';
import * as P from './patterns.ts';
import { resource } from './resource.ts';
import { any, arr, bool, intOrString, map, obj, str, type Pattern, type Rule } from './schema.ts';

const PROTOCOL = () => str({ enum: ['TCP', 'UDP', 'SCTP'] });
/** An IANA service name: at most 15 characters, at least one letter, no "--". */
const IANA_SVC_NAME: Pattern = { re: /^(?=.*[a-z])(?!.*--)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, what: 'a valid port name (IANA service name: lowercase letters, digits and "-", at least one letter)' };

const servicePorts: Rule<ServicePort[]> = (ports, report) => {
  const names = new Set<string>();
  const combos = new Set<string>();
  ports.forEach((p, i) => {
    if (ports.length > 1 && p.name === undefined) report([i, 'name'], 'name is required when a Service has more than one port');
    if (p.name !== undefined) {
      if (names.has(p.name)) report([i, 'name'], `duplicate port name ${JSON.stringify(p.name)}`);
      names.add(p.name);
    }
    const combo = `${p.port}/${p.protocol ?? 'TCP'}`;
    if (combos.has(combo)) report(i, `duplicate port ${combo}`);
    combos.add(combo);
  });
};

export const service = () => resource({
  spec: obj<Service['spec'] & { ports?: ServicePort[] }>({
    type: str({ enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] }),
    clusterIP: str(), clusterIPs: arr(str()), externalName: str(), selector: map(str()),
    ports: arr(obj({
      name: str({ pattern: P.DNS_LABEL, maxLength: 63 }),
      protocol: PROTOCOL(),
      appProtocol: str(),
      port: F.port(),
      targetPort: intOrString(F.port(), str({ pattern: IANA_SVC_NAME, maxLength: 15 })),
      nodePort: F.port(),
    }, { required: ['port'] }), { rules: [servicePorts] }),
    // Fields that only matter to kube-proxy or a cloud: accepted, unused.
    sessionAffinity: any(), sessionAffinityConfig: any(), ipFamilies: any(), ipFamilyPolicy: any(),
    externalTrafficPolicy: any(), internalTrafficPolicy: any(), publishNotReadyAddresses: any(), externalIPs: any(),
    loadBalancerIP: any(), loadBalancerClass: any(), loadBalancerSourceRanges: any(), healthCheckNodePort: any(),
    allocateLoadBalancerNodePorts: any(), trafficDistribution: any(),
  }, {
    rules: [(spec, report) => {
      const headless = spec.clusterIP === 'None';
      if (spec.type !== 'ExternalName' && !headless && (spec.ports ?? []).length === 0) report('ports', 'at least one port is required (except for headless and ExternalName Services)');
      if (spec.type === 'ExternalName' && spec.externalName === undefined) report('externalName', 'required for type ExternalName');
    }],
  }),
}, ['spec'], metadata(P.DNS_1035_LABEL));

const addressesMatchType: Rule<EndpointSlice> = (slice, report) => {
  const valid = { IPv4: isIPv4, IPv6: isIPv6, FQDN: (a: string) => P.DNS_SUBDOMAIN.re.test(a) }[slice.addressType];
  (slice.endpoints ?? []).forEach((e, i) => e.addresses.forEach((a, j) => {
    if (!valid(a)) report(['endpoints', i, 'addresses', j], `${JSON.stringify(a)} is not a valid ${slice.addressType} address`);
  }));
};

export const endpointSlice = () => resource({
  addressType: str({ enum: ['IPv4', 'IPv6', 'FQDN'] }),
  endpoints: arr(obj({
    addresses: arr(str(), { minItems: 1, maxItems: 100 }),
    conditions: obj({ ready: bool(), serving: bool(), terminating: bool() }),
    hostname: str({ pattern: P.DNS_LABEL, maxLength: 63 }),
    nodeName: str(), zone: str(), targetRef: any(), hints: any(), deprecatedTopology: any(),
  }, { required: ['addresses'] }), { maxItems: 1000 }),
  ports: arr(obj({
    name: str({ pattern: { re: /^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, what: P.PORT_NAME.what }, maxLength: 63 }),
    port: F.port(),
    protocol: PROTOCOL(),
    appProtocol: str(),
  }), { maxItems: 100, unique: ['name'] }),
}, ['addressType'], metadata(), [addressesMatchType]);

const BASE64: Pattern = { re: /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, what: 'valid base64 (data values are base64-encoded; put plain text under stringData)' };
const keysAreConfigKeys: Rule<Record<string, unknown>> = (entries, report) => {
  for (const key of Object.keys(entries)) if (!P.CONFIG_KEY.re.test(key)) report(key, `${JSON.stringify(key)} is not ${P.CONFIG_KEY.what}`);
};
const configMap = <T>(values: Pattern | undefined) => map(values ? str({ pattern: values }) : str(), { rules: [keysAreConfigKeys] as Rule<T>[] });

export const secret = () => resource({
  type: str({ maxLength: 253 }),
  data: configMap(BASE64),
  stringData: configMap(undefined),
  immutable: bool(),
}, []);

export const configMapKind = () => resource({
  data: configMap(undefined),
  binaryData: configMap(BASE64),
  immutable: bool(),
}, []);

export const namespaceKind = () => resource({ spec: any() }, [], metadata(P.DNS_LABEL));

