import assert from 'node:assert/strict';
import { it } from 'node:test';
import { WeightedPicker } from './weighted.ts';

it('never picks weight 0 and splits by weight', () => {
  const picker = new WeightedPicker([[0, 'never'], [80, 'a'], [20, 'b']]);
  const counts: Record<string, number> = {};
  for (let i = 0; i < 1000; i++) {
    const k = picker.pick(i / 1000)!;
    counts[k] = (counts[k] ?? 0) + 1;
  }
  assert.deepEqual(counts, { a: 800, b: 200 });
});

it('picks nothing when every weight is 0', () => {
  assert.equal(new WeightedPicker([[0, 'x']]).pick(), undefined);
});
