/** Gateway, GatewayClass and ListenerSet. */
import type { GatewaySpecAddress } from '../../api/index.ts';
import * as F from './fields.ts';
import { listeners } from './listeners.ts';
import * as P from './patterns.ts';
import { resource } from './resource.ts';
import { arr, map, obj, str, type Rule } from './schema.ts';

export const gatewayClass = () => resource({
  spec: obj({
    controllerName: str({ pattern: P.CONTROLLER_NAME, minLength: 1, maxLength: 253 }),
    description: str({ maxLength: 64 }),
    parametersRef: F.namespacedRef(),
  }, { required: ['controllerName'] }),
}, ['spec']);

const uniqueAddresses: Rule<GatewaySpecAddress[]> = (addresses, report) => {
  const seen = new Set<string>();
  addresses.forEach((a, i) => {
    const type = a.type ?? 'IPAddress';
    if ((type !== 'IPAddress' && type !== 'Hostname') || a.value === undefined) return;
    const key = `${type}/${a.value}`;
    if (seen.has(key)) report(i, `${type} values must be unique`);
    seen.add(key);
  });
};

const address = () => obj<GatewaySpecAddress>({
  type: str({ pattern: P.ADDRESS_TYPE, minLength: 1, maxLength: 253 }),
  value: str({ maxLength: 253 }),
}, {
  rules: [(a, report) => {
    if (a.type === 'Hostname' && a.value !== undefined && a.value !== '' && !P.WILDCARD_HOSTNAME.re.test(a.value)) {
      report('value', `Hostname value must be empty or ${P.WILDCARD_HOSTNAME.what}`);
    }
  }],
});

const qualifiedKeys: Rule<Record<string, string>> = (entries, report) => {
  for (const key of Object.keys(entries)) {
    if (!P.QUALIFIED_NAME.re.test(key)) report(key, `${JSON.stringify(key)} is not ${P.QUALIFIED_NAME.what}`);
    else if (key.split('/')[0]!.length >= 253) report(key, 'the key prefix must be a DNS subdomain shorter than 253 characters');
  }
};

const frontendValidation = () => obj({
  caCertificateRefs: arr(F.namespacedRef(), { minItems: 1, maxItems: 16 }),
  mode: str({ enum: ['AllowValidOnly', 'AllowInsecureFallback'] }),
}, { required: ['caCertificateRefs'] });

const uniquePorts: Rule<{ port: number }[]> = (entries, report) => {
  const seen = new Set<number>();
  entries.forEach((e, i) => {
    if (seen.has(e.port)) report([i, 'port'], 'port for TLS configuration must be unique within the Gateway');
    seen.add(e.port);
  });
};

const namespacesFrom = (values: string[]) => obj({ from: str({ enum: values }), selector: F.labelSelector() });

export const gateway = () => resource({
  spec: obj({
    gatewayClassName: F.name253(),
    listeners: listeners(),
    addresses: arr(address(), { maxItems: 16, rules: [uniqueAddresses] }),
    infrastructure: obj({
      labels: map(str({ pattern: P.LABEL_VALUE, maxLength: 63 }), { maxProperties: 8, rules: [qualifiedKeys] }),
      annotations: map(str({ maxLength: 4096 }), { maxProperties: 16, rules: [qualifiedKeys] }),
      parametersRef: F.localRef(),
    }),
    allowedListeners: obj({ namespaces: namespacesFrom(['All', 'Selector', 'Same', 'None']) }),
    tls: obj({
      backend: obj({ clientCertificateRef: F.secretRef() }),
      frontend: obj({
        default: obj({ validation: frontendValidation() }),
        perPort: arr(obj({ port: F.port(), tls: obj({ validation: frontendValidation() }) }, { required: ['port', 'tls'] }),
          { maxItems: 64, rules: [uniquePorts] }),
      }, { required: ['default'] }),
    }),
    defaultScope: str({ enum: ['All', 'None'] }),
  }, { required: ['gatewayClassName', 'listeners'] }),
}, ['spec']);

export const listenerSet = () => resource({
  spec: obj({
    parentRef: obj({ group: F.group(), kind: F.kind(), name: F.name253(), namespace: F.namespace() }, { required: ['name'] }),
    listeners: listeners(),
  }, { required: ['parentRef', 'listeners'] }),
}, ['spec']);

