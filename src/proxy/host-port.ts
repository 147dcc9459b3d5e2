/** HOST:PORT flag values (IPv6 hosts in brackets). */
export function splitHostPort(value: string, flag: string): { host: string; port: number } {
  const colon = value.lastIndexOf(':');
  const port = Number(value.slice(colon + 1));
  if (colon < 0 || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${flag} takes HOST:PORT, got "${value}"`);
  return { host: value.slice(0, colon).replace(/^\[|\]$/g, ''), port };
}
