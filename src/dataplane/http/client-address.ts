/**
 * The client's address for access logs, honouring `xffNumTrustedHops` (SwitchyardProxy limits):
 * with N trusted proxies in front, the client is the N-th X-Forwarded-For entry from the right
 * (the entries after it were appended by those proxies); with 0, only the TCP peer is believed,
 * since any client can write an X-Forwarded-For. The header is always forwarded with the peer
 * appended (forward-headers.ts); this only decides whom the gateway reports.
 */
export function clientAddress(forwardedFor: string | undefined, peer: string, trustedHops: number): string {
  if (trustedHops <= 0 || forwardedFor === undefined) return peer;
  const entries = forwardedFor.split(',');
  const i = entries.length - trustedHops;
  // Fewer entries than trusted hops: the chain is shorter than configured; the left-most is the best guess.
  const entry = entries[Math.max(0, i)]!.trim();
  return entry === '' ? peer : entry;
}
