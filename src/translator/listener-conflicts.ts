/**
 * Listener conflicts (the spec's "distinct listeners", Gateway `spec.listeners` docs and GEP-1713).
 *
 * Two accepted listeners on the same port and transport conflict when
 * - their protocol families differ (HTTP vs HTTPS/TLS vs TCP): ProtocolConflict — HTTPS and TLS
 *   share a family, as both are told apart by SNI on one TLS socket;
 * - or they are of one family and not distinct: the same hostname for HTTP/HTTPS/TLS, or simply
 *   the same port for TCP and UDP: HostnameConflict.
 * TCP and UDP on the same port number never conflict: they are different transports.
 *
 * Precedence: within one object (a Gateway's own listeners, or one ListenerSet's) no conflicting
 * listener wins — all are rejected, as the spec requires. Across objects the merge order decides
 * (Gateway first, then ListenerSets oldest first, then by namespace/name): a listener that
 * conflicts with an accepted listener of an earlier object is rejected and the earlier one stays.
 * Across Gateways sharing an address the older Gateway keeps the port (PortUnavailable for the other).
 */
import { Reason } from './conditions.ts';
import type { ListenerDraft } from './listeners.ts';

type Conflict = 'ProtocolConflict' | 'HostnameConflict';

function conflictBetween(a: ListenerDraft, b: ListenerDraft): Conflict | null {
  if (a.port !== b.port || transport(a) !== transport(b)) return null;
  if (a.family !== b.family) return 'ProtocolConflict';
  if (a.family === 'TCP' || a.family === 'UDP' || a.hostname === b.hostname) return 'HostnameConflict';
  return null;
}

function transport(d: ListenerDraft): 'tcp' | 'udp' {
  return d.family === 'UDP' ? 'udp' : 'tcp';
}

function hostText(d: ListenerDraft): string {
  return d.hostname === null ? 'any hostname' : `hostname "${d.hostname}"`;
}

function reject(d: ListenerDraft, conflict: Conflict, message: string, acceptedReason: string = conflict): void {
  d.conflict = { reason: conflict, message };
  d.notAccepted = { reason: acceptedReason, message, programmedReason: acceptedReason };
}

function participates(d: ListenerDraft): boolean {
  return d.family !== null && d.notAccepted === null;
}

/**
 * Conflicts among one Gateway's listeners and those of its attached ListenerSets. `groups` is in
 * precedence order: the Gateway's own listeners first, then each ListenerSet's.
 */
export function resolveListenerConflicts(groups: readonly (readonly ListenerDraft[])[]): void {
  const kept: ListenerDraft[] = [];
  for (const group of groups) {
    const candidates = group.filter(participates);
    for (const d of candidates) {
      // Protocol conflicts are reported before hostname ones: they are the more fundamental.
      const against = kept.map((k) => ({ k, c: conflictBetween(d, k) })).filter((x) => x.c !== null);
      const worst = against.find((x) => x.c === 'ProtocolConflict') ?? against[0];
      if (!worst) continue;
      reject(d, worst.c!, worst.c === 'ProtocolConflict'
        ? `port ${d.port} is already used by a ${worst.k.protocol} listener of higher precedence`
        : `${hostText(d)} on port ${d.port} is already served by a ${worst.k.protocol} listener of higher precedence`);
    }
    const remaining = candidates.filter(participates);
    const found = new Map<ListenerDraft, { c: Conflict; other: ListenerDraft }>();
    for (const a of remaining) {
      for (const b of remaining) {
        if (a === b) continue;
        const c = conflictBetween(a, b);
        if (c && (!found.has(a) || (c === 'ProtocolConflict' && found.get(a)!.c !== c))) found.set(a, { c, other: b });
      }
    }
    for (const [d, { c, other }] of found) {
      reject(d, c, c === 'ProtocolConflict'
        ? `port ${d.port} is also used by listener "${other.name}" with protocol ${other.protocol}; ${d.protocol} cannot share a port with it`
        : `listener "${other.name}" also serves ${hostText(d)} on port ${d.port} with protocol ${other.protocol}`);
    }
    kept.push(...remaining.filter(participates));
  }
}

/**
 * OverlappingTLSConfig (a MUST for overlapping hostnames): HTTPS listeners on one port whose
 * hostnames overlap — one matches names the other matches — invite HTTP/2 connection coalescing
 * across listeners. A listener without hostname overlaps every other.
 */
export function markOverlappingTls(drafts: readonly ListenerDraft[]): void {
  const https = drafts.filter((d) => participates(d) && d.protocol === 'HTTPS');
  for (const a of https) {
    const others = https.filter((b) => b !== a && b.port === a.port && hostnamesOverlap(a.hostname, b.hostname));
    if (others.length > 0) a.overlappingTls = `hostname overlaps with another HTTPS listener on port ${a.port}`;
  }
}

function hostnamesOverlap(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a === b) return true;
  return coveredBy(a, b) || coveredBy(b, a);
}

/** Whether wildcard `pattern` (`*.example.com`) matches every name `name` matches. */
function coveredBy(name: string, pattern: string): boolean {
  return pattern.startsWith('*.') && name.endsWith(pattern.slice(1)) && name.length > pattern.length - 1;
}

/** One Gateway as seen by the cross-Gateway check, in precedence order (oldest first). */
export interface GatewayPortClaim {
  readonly label: string;
  readonly addresses: readonly string[];
  readonly listeners: readonly ListenerDraft[];
}

/**
 * Gateways that bind the same address share its sockets (one data plane serves them all), so
 * their listeners must be distinct across Gateways too. The older Gateway keeps what it has.
 */
export function resolveCrossGatewayConflicts(gateways: readonly GatewayPortClaim[]): void {
  const claimed = new Map<string, { d: ListenerDraft; label: string }[]>();
  for (const gateway of gateways) {
    for (const d of gateway.listeners.filter(participates)) {
      for (const address of gateway.addresses) {
        const taken = claimed.get(`${address}/${transport(d)}/${d.port}`) ?? [];
        const hit = taken.map((t) => ({ t, c: conflictBetween(d, t.d) })).find((x) => x.c !== null);
        if (!hit) continue;
        const where = `${address}:${d.port}`;
        if (hit.c === 'ProtocolConflict') {
          reject(d, 'ProtocolConflict', `${where} is already used by Gateway ${hit.t.label} with protocol ${hit.t.d.protocol}`, Reason.PortUnavailable);
        } else {
          reject(d, 'HostnameConflict', `${hostText(d)} on ${where} is already served by Gateway ${hit.t.label}`);
        }
        break;
      }
      if (!participates(d)) continue;
      for (const address of gateway.addresses) {
        const key = `${address}/${transport(d)}/${d.port}`;
        claimed.set(key, [...(claimed.get(key) ?? []), { d, label: gateway.label }]);
      }
    }
  }
}
