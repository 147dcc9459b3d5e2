/**
 * The suite's TestWeightedDistribution, shared by every exchange kind: 500 requests from 10
 * workers, each answer naming the pod that served it; each backend's share must be within ±5 % of
 * its weight (a weight-0 backend must get nothing), retried up to 3 times.
 */

/** One request's result: the pod that answered, or what was wrong with the answer. */
export type Outcome = { pod?: string; problem: string | null };

const TOTAL = 500;
const CONCURRENCY = 10;
const TOLERANCE = 0.05;
const ATTEMPTS = 3;

export async function expectWeights(weights: Readonly<Record<string, number>>, once: () => Promise<Outcome>): Promise<void> {
  const backends = Object.keys(weights);
  let last = '';
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const seen = new Map<string, number>();
    let sent = 0;
    const worker = async () => {
      while (sent < TOTAL) {
        sent++;
        const { pod, problem } = await once();
        if (problem !== null || pod === undefined) throw new Error(`weighted exchange: ${problem ?? 'no pod named'}`);
        const backend = backends.filter((b) => pod.startsWith(`${b}-`)).sort((a, b) => b.length - a.length)[0];
        if (!backend) throw new Error(`weighted exchange answered by unexpected pod ${pod}`);
        seen.set(backend, (seen.get(backend) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const off = backends.filter((b) => (weights[b] === 0 ? seen.has(b) : Math.abs((seen.get(b) ?? 0) / TOTAL - weights[b]!) > TOLERANCE));
    if (off.length === 0) return;
    last = backends.map((b) => `${b}: ${seen.get(b) ?? 0}/${TOTAL} (want ${weights[b]})`).join(', ');
  }
  throw new Error(`distribution not within ±${TOLERANCE} of the weights after ${ATTEMPTS} attempts: ${last}`);
}
