import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Namespace } from '../api/index.ts';
import { compileLabelSelector, compileNamespacePolicy, namespaceLabelsOf } from './namespaces.ts';

const ns = (name: string, labels?: Record<string, string>): Namespace => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(labels ? { labels } : {}) } });
const labels = namespaceLabelsOf([ns('web', { tier: 'web', team: 'a' }), ns('db', { tier: 'db' })]);

test('namespace labels: Namespace objects carry their name label; namespaces without an object carry only that', () => {
  assert.deepEqual(labels('web'), { 'kubernetes.io/metadata.name': 'web', tier: 'web', team: 'a' });
  assert.deepEqual(labels('nowhere'), { 'kubernetes.io/metadata.name': 'nowhere' });
});

test('label selector: matchLabels and every matchExpressions operator', () => {
  const match = (selector: Parameters<typeof compileLabelSelector>[0], l: Record<string, string>) => {
    const m = compileLabelSelector(selector);
    assert.equal(typeof m, 'function');
    return (m as (l: Record<string, string>) => boolean)(l);
  };
  assert.equal(match({}, {}), true, 'an empty selector selects everything');
  assert.equal(match({ matchLabels: { tier: 'web' } }, { tier: 'web' }), true);
  assert.equal(match({ matchLabels: { tier: 'web' } }, { tier: 'db' }), false);
  assert.equal(match({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'edge'] }] }, { tier: 'edge' }), true);
  assert.equal(match({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] }, {}), false);
  assert.equal(match({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] }, {}), true, 'NotIn holds when the key is absent');
  assert.equal(match({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] }, { tier: 'db' }), false);
  assert.equal(match({ matchExpressions: [{ key: 'team', operator: 'Exists' }] }, { team: '' }), true);
  assert.equal(match({ matchExpressions: [{ key: 'team', operator: 'DoesNotExist' }] }, { team: 'a' }), false);
  assert.equal(match({ matchLabels: { tier: 'web' }, matchExpressions: [{ key: 'team', operator: 'Exists' }] }, { tier: 'web' }), false, 'all requirements must hold');
});

test('label selector: invalid requirements are errors', () => {
  assert.ok('error' in (compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] }) as object));
  assert.ok('error' in (compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }) as object));
  assert.ok('error' in (compileLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Like' as 'In', values: ['x'] }] }) as object));
});

test('namespace policy: Same, All, None, Selector, and the defaults', () => {
  const policy = (p: Parameters<typeof compileNamespacePolicy>[0], defaultFrom: 'Same' | 'None') => {
    const f = compileNamespacePolicy(p, defaultFrom, 'web', labels);
    assert.equal(typeof f, 'function');
    return f as (namespace: string) => boolean;
  };
  assert.deepEqual(['web', 'db'].map(policy(undefined, 'Same')), [true, false], 'allowedRoutes defaults to Same');
  assert.deepEqual(['web', 'db'].map(policy(undefined, 'None')), [false, false], 'allowedListeners defaults to None');
  assert.deepEqual(['web', 'db'].map(policy({ from: 'All' }, 'Same')), [true, true]);
  assert.deepEqual(['web', 'db'].map(policy({ from: 'None' }, 'Same')), [false, false]);
  assert.deepEqual(['web', 'db', 'nowhere'].map(policy({ from: 'Selector', selector: { matchLabels: { tier: 'db' } } }, 'Same')), [false, true, false]);
  assert.deepEqual(['web', 'db'].map(policy({ from: 'Selector' }, 'Same')), [false, false], 'Selector without a selector selects nothing');
  assert.deepEqual(['web', 'nowhere'].map(policy({ from: 'Selector', selector: {} }, 'Same')), [true, true], 'an empty selector selects every namespace');
  assert.ok('error' in (compileNamespacePolicy({ from: 'Elsewhere' }, 'Same', 'web', labels) as object));
});
