/**
 * Gateway addresses: which IPs a Gateway's listeners bind on, and the Accepted/Programmed
 * problems `spec.addresses` can cause.
 *
 * - No `spec.addresses`: the default addresses (options.defaultAddresses).
 * - `IPAddress` (the default type) with a value: that IP, if the data plane can use it; else
 *   Programmed=False/AddressNotUsable and the address is not bound or reported. Not usable: outside
 *   options.usableAddresses, or an address the data plane failed to bind with EADDRNOTAVAIL (no
 *   interface of this host has it; options.unavailableSockets, fed back by the control loop).
 * - `IPAddress` without a value (GatewayAddressEmpty): the default addresses are assigned.
 * - Any other type (Hostname, vendor types) or a value that is not an IP: Accepted=False/UnsupportedAddress.
 */
import type { Gateway } from '../api/index.ts';
import type { TranslateOptions } from './types.ts';

export interface GatewayAddresses {
  /** Canonical IPs to bind and report in status.addresses, deduplicated, in spec order. */
  readonly bound: readonly string[];
  /** Accepted=False/UnsupportedAddress message, when some address is of a type or form we cannot serve. */
  readonly unsupported: string | null;
  /** Programmed=False/AddressNotUsable message, when a requested IP is not usable here. */
  readonly notUsable: string | null;
}

export function resolveGatewayAddresses(gateway: Gateway, options: TranslateOptions): GatewayAddresses {
  const requested = gateway.spec.addresses ?? [];
  const bound: string[] = [];
  const unsupported: string[] = [];
  const notUsable: string[] = [];
  const add = (ip: string) => {
    if (!bound.includes(ip)) bound.push(ip);
  };
  if (requested.length === 0) options.defaultAddresses.map(canonicalIp).forEach((ip) => ip && add(ip));
  for (const address of requested) {
    const type = address.type ?? 'IPAddress';
    const value = address.value ?? '';
    if (type !== 'IPAddress') {
      unsupported.push(`address type "${type}"${value ? ` (${value})` : ''} is not supported; use IPAddress`);
      continue;
    }
    if (value === '') {
      options.defaultAddresses.map(canonicalIp).forEach((ip) => ip && add(ip));
      continue;
    }
    const ip = canonicalIp(value);
    const bindError = ip === null ? null : notAvailableHere(ip, options);
    if (ip === null) unsupported.push(`"${value}" is not a valid IP address`);
    else if (options.usableAddresses && !options.usableAddresses(ip)) notUsable.push(`${ip} cannot be bound by this data plane`);
    else if (bindError !== null) notUsable.push(`${ip} is not an address of this host (${bindError})`);
    else add(ip);
  }
  return {
    bound,
    unsupported: unsupported.length > 0 ? unsupported.join('; ') : null,
    notUsable: notUsable.length > 0 ? notUsable.join('; ') : null,
  };
}

/**
 * The bind error of a socket on `ip` that failed because no interface has the address, or null.
 * Socket ids are `PROTOCOL/ADDRESS:PORT`, reasons Node's `listen EADDRNOTAVAIL: ...`. Other bind
 * errors (EADDRINUSE, EACCES) are about one port, not the address: those listeners are
 * PortUnavailable instead.
 */
function notAvailableHere(ip: string, options: TranslateOptions): string | null {
  for (const [socket, why] of options.unavailableSockets ?? []) {
    const hostPort = socket.slice(socket.indexOf('/') + 1);
    if (hostPort.slice(0, hostPort.lastIndexOf(':')).replace(/^\[(.*)\]$/, '$1') === ip && /\bEADDRNOTAVAIL\b/.test(why)) return why;
  }
  return null;
}

/** The canonical text of an IPv4 or IPv6 address (RFC 5952 for IPv6), or null when it is not one. */
export function canonicalIp(text: string): string | null {
  if (isIpv4(text)) return text;
  const groups = parseIpv6(text.toLowerCase());
  return groups ? formatIpv6(groups) : null;
}

function isIpv4(text: string): boolean {
  const parts = text.split('.');
  // Leading zeros are rejected, as Kubernetes validation does: "010" is ambiguous (octal or decimal).
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** Eight 16-bit groups, or null. Zone indexes (`%eth0`) are not IP addresses a Gateway can bind. */
function parseIpv6(text: string): number[] | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parseSide = (side: string): number[] | null => {
    if (side === '') return [];
    const groups: number[] = [];
    const parts = side.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i === parts.length - 1 && part.includes('.')) {
        if (!isIpv4(part)) return null;
        const [a, b, c, d] = part.split('.').map(Number) as [number, number, number, number];
        groups.push((a << 8) | b, (c << 8) | d);
      } else if (/^[0-9a-f]{1,4}$/.test(part)) {
        groups.push(parseInt(part, 16));
      } else {
        return null;
      }
    }
    return groups;
  };
  const head = parseSide(halves[0]!);
  const tail = halves.length === 2 ? parseSide(halves[1]!) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : null;
}

/** RFC 5952: lower-case hex, no leading zeros, the longest run (≥ 2) of zero groups as `::`. */
function formatIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
