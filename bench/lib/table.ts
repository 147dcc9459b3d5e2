/** Plain-text tables of bench results (also pasted into docs/performance.md). */
import type { ControlPlaneResult } from '../scenarios/control-plane.ts';
import type { ProxyResult } from '../scenarios/data-plane.ts';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

const k = (n: number) => `${(n / 1000).toFixed(1)}k`;
const ms = (n: number) => n.toFixed(2);

export function formatProxyTable(results: readonly ProxyResult[]): string {
  return table(
    ['scenario', 'nginx req/s', 'nginx p50/p99 ms', 'nginx CPU', 'switchyard req/s', 'switchyard p50/p99 ms', 'switchyard CPU', 'req/CPU-s ratio', 'p99 ratio', 'errors'],
    results.map((r) => [
      r.scenario,
      k(r.nginx.rps), `${ms(r.nginx.p50Ms)}/${ms(r.nginx.p99Ms)}`, r.nginx.cpu.toFixed(2),
      k(r.switchyard.rps), `${ms(r.switchyard.p50Ms)}/${ms(r.switchyard.p99Ms)}`, r.switchyard.cpu.toFixed(2),
      `${r.ratioPerCore.toFixed(2)}×`, `${r.p99Ratio.toFixed(2)}×`, String(r.nginx.errors + r.switchyard.errors),
    ]),
  );
}

export function formatControlPlane(c: ControlPlaneResult): string {
  return table(['control plane', 'result'], [
    [`file change → route serving (${c.reload.changes} changes)`, `p50 ${ms(c.reload.p50Ms)} ms, p99 ${ms(c.reload.p99Ms)} ms`],
    [`failed requests during ${c.underLoad.changes} route changes under load`, `${c.underLoad.failed} of ${c.underLoad.requests}`],
    ...c.translation.map((t) => [`translate ${t.routes} routes`, `${ms(t.translateMs)} ms, result heap ${t.resultHeapMiB.toFixed(1)} MiB`]),
    [`${c.accepted.routes} new HTTPRoutes → all Accepted (admin API)`, `${c.accepted.ms.toFixed(0)} ms`],
    [`heap after GC, 1 route → ${c.memory.routes} routes → 1 route`, `${c.memory.start.heapUsedMiB.toFixed(0)} → ${c.memory.grown.heapUsedMiB.toFixed(0)} → ${c.memory.shrunk.heapUsedMiB.toFixed(0)} MiB`],
    [`RSS, 1 route → ${c.memory.routes} routes → 1 route`, `${c.memory.start.rssMiB.toFixed(0)} → ${c.memory.grown.rssMiB.toFixed(0)} → ${c.memory.shrunk.rssMiB.toFixed(0)} MiB`],
  ]);
}
