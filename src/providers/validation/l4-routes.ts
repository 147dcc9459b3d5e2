/**
 * TLSRoute, TCPRoute and UDPRoute. v1 (and TLSRoute v1alpha3) allow a single rule; v1alpha2, still
 * served by the experimental channel, allows 16 (with unique names), and v1alpha2 TLSRoute makes
 * hostnames optional and unchecked for IPs.
 */
import { isIP } from 'node:net';
import * as F from './fields.ts';
import * as P from './patterns.ts';
import { resource } from './resource.ts';
import { arr, obj, str, type Rule } from './schema.ts';

const rules = (version: string) => arr(
  obj({ name: F.ruleName(), backendRefs: arr(F.backendRef(), { minItems: 1, maxItems: 16 }) }, { required: ['backendRefs'] }),
  version !== 'v1alpha2' ? { minItems: 1, maxItems: 1 } : { minItems: 1, maxItems: 16, rules: [F.uniqueRuleNames] },
);

const noIpHostnames: Rule<string[]> = (hostnames, report) => {
  hostnames.forEach((h, i) => { if (isIP(h)) report(i, 'hostnames cannot be IP addresses'); });
};

export const tlsRoute = (version: string) => {
  const v1alpha2 = version === 'v1alpha2';
  return resource({
    spec: obj({
      parentRefs: F.parentRefs(),
      hostnames: arr(str({ pattern: P.WILDCARD_HOSTNAME, minLength: 1, maxLength: 253 }),
        v1alpha2 ? { maxItems: 1024 } : { minItems: 1, maxItems: 1024, rules: [noIpHostnames] }),
      rules: rules(version),
      useDefaultGateways: str({ enum: ['All', 'None'] }),
    }, { required: v1alpha2 ? ['rules'] : ['hostnames', 'rules'] }),
  }, ['spec']);
};

/** TCPRoute and UDPRoute have the same schema. */
export const l4Route = (version: string) => resource({
  spec: obj({
    parentRefs: F.parentRefs(),
    rules: rules(version),
    useDefaultGateways: str({ enum: ['All', 'None'] }),
  }, { required: ['rules'] }),
}, ['spec']);
