/** Listener lists, shared by Gateway.spec.listeners and ListenerSet.spec.listeners. */
import type { Listener } from '../../api/index.ts';
import * as F from './fields.ts';
import * as P from './patterns.ts';
import { arr, obj, str, type Rule } from './schema.ts';

const tls = () => obj<NonNullable<Listener['tls']>>({
  mode: str({ enum: ['Terminate', 'Passthrough'] }),
  certificateRefs: arr(F.secretRef(), { maxItems: 64 }),
  options: F.stringMap(16),
}, {
  rules: [(t, report) => {
    // mode defaults to Terminate before CEL runs, so an empty `tls: {}` needs a certificate too.
    if ((t.mode ?? 'Terminate') === 'Terminate' && (t.certificateRefs ?? []).length === 0 && Object.keys(t.options ?? {}).length === 0) {
      report([], 'certificateRefs or options must be specified when mode is Terminate');
    }
  }],
});

const allowedRoutes = () => obj({
  namespaces: obj({ from: str({ enum: ['All', 'Selector', 'Same'] }), selector: F.labelSelector() }),
  kinds: arr(obj({ group: F.group(), kind: F.kind() }, { required: ['kind'] }), { maxItems: 8 }),
});

export const listener = () => obj<Listener>({
  name: F.sectionName(),
  hostname: F.wildcardHostname(),
  port: F.port(),
  protocol: str({ pattern: P.LISTENER_PROTOCOL, minLength: 1, maxLength: 255 }),
  tls: tls(),
  allowedRoutes: allowedRoutes(),
}, { required: ['name', 'port', 'protocol'] });

/** The CEL rules on a listener list, one message per offending listener. */
const listenerRules: Rule<Listener[]> = (listeners, report) => {
  const names = new Map<string, number>();
  const combos = new Map<string, number>();
  listeners.forEach((l, i) => {
    if (['HTTP', 'TCP', 'UDP'].includes(l.protocol) && l.tls !== undefined) report([i, 'tls'], `tls must not be specified for protocol ${l.protocol}`);
    if (l.protocol === 'HTTPS' && l.tls && (l.tls.mode ?? 'Terminate') !== 'Terminate') report([i, 'tls', 'mode'], 'tls mode must be Terminate for protocol HTTPS');
    if (l.protocol === 'TLS' && l.tls === undefined) report(i, 'tls (with a mode) must be set for protocol TLS');
    if (['TCP', 'UDP'].includes(l.protocol) && (l.hostname ?? '') !== '') report([i, 'hostname'], `hostname must not be specified for protocol ${l.protocol}`);
    const first = names.get(l.name);
    if (first !== undefined) report([i, 'name'], `listener name must be unique (also used by listeners[${first}])`);
    else names.set(l.name, i);
    // CEL tells an absent hostname from an empty one (has()), so this key does too.
    const combo = JSON.stringify([l.port, l.protocol, l.hostname ?? null]);
    const same = combos.get(combo);
    if (same !== undefined) report(i, `combination of port, protocol and hostname must be unique for each listener (same as listeners[${same}])`);
    else combos.set(combo, i);
  });
};

export const listeners = () => arr(listener(), { minItems: 1, maxItems: 64, rules: [listenerRules] });
