/**
 * Heap after a full GC and RSS of a running Node process, read through its inspector (`node
 * --inspect=127.0.0.1:0`): HeapProfiler.collectGarbage, then `process.memoryUsage()` evaluated in
 * the process. No code in Switchyard exists for this (no debug endpoint, no signal handler); the
 * inspector is idle until the bench connects at the two measurement points.
 */
export interface MemorySample { readonly rssMiB: number; readonly heapUsedMiB: number; readonly heapTotalMiB: number; readonly externalMiB: number }

export async function sampleMemory(url: string): Promise<MemorySample> {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
  let id = 0;
  const pending = new Map<number, (r: unknown) => void>();
  ws.onmessage = (e: MessageEvent) => {
    const msg = JSON.parse(String(e.data)) as { id?: number; result?: unknown };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.result);
  };
  const call = (method: string, params: object = {}) => new Promise<unknown>((resolve) => {
    pending.set(++id, resolve);
    ws.send(JSON.stringify({ id, method, params }));
  });
  try {
    await call('HeapProfiler.collectGarbage');
    const r = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true }) as { result: { value: string } };
    const m = JSON.parse(r.result.value) as NodeJS.MemoryUsage;
    const mib = (n: number) => n / 2 ** 20;
    return { rssMiB: mib(m.rss), heapUsedMiB: mib(m.heapUsed), heapTotalMiB: mib(m.heapTotal), externalMiB: mib(m.external + m.arrayBuffers) };
  } finally {
    ws.close();
  }
}
