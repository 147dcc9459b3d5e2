// Admission defaults first and validates the defaulted object, as the API server does; these check
// that the diagnostics still point at the lines as written, and that defaulting copes with
// malformed input the validator then reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDiagnostic } from '../diagnostics.ts';
import { loadText } from './load.ts';

const errors = (text: string) => loadText('x.yaml', text).diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);

test('admit: a CEL rule sees the defaulted tls.mode (Terminate) and is reported at the tls line', () => {
  assert.deepEqual(errors([
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: Gateway',
    'metadata: {name: g}',
    'spec:',
    '  gatewayClassName: c',
    '  listeners:',
    '  - name: https',
    '    port: 443',
    '    protocol: HTTPS',
    '    tls: {}',
  ].join('\n')), ['x.yaml:10: Gateway default/g: spec.listeners[0].tls: certificateRefs or options must be specified when mode is Terminate']);
});

test('admit: a Secret key written under stringData is reported at its stringData line, not as data', () => {
  assert.deepEqual(errors('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {a: YQ==}\nstringData:\n  ok: x\n  a/b: z\n'), [
    'x.yaml:7: Secret default/s: stringData["a/b"]: "a/b" is not a valid key (letters, digits, "-", "_" and ".")',
  ]);
});

test('admit: malformed fields that defaulting would merge are left for the validator', () => {
  assert.deepEqual(errors('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\nstringData:\n  a: 1\n'), [
    'x.yaml:5: Secret default/s: stringData.a: must be a string (got integer)',
  ]);
  assert.deepEqual(errors('apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: plain\nstringData: {a: x}\n'), [
    'x.yaml:4: Secret default/s: data: must be an object (got string)',
  ]);
  assert.deepEqual(errors('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n  labels: gold\n'), [
    'x.yaml:5: Namespace team: metadata.labels: must be an object (got string)',
  ]);
});

test('admit: a field the defaults created is reported at its nearest written parent', () => {
  // spec.rules[0].matches[0].path.type is defaulted to PathPrefix; the value is then checked against it.
  assert.deepEqual(errors([
    'apiVersion: gateway.networking.k8s.io/v1',
    'kind: HTTPRoute',
    'metadata: {name: r}',
    'spec:',
    '  rules:',
    '  - matches:',
    '    - path:',
    '        value: relative',
  ].join('\n')), ['x.yaml:8: HTTPRoute default/r: spec.rules[0].matches[0].path.value: must be an absolute path and start with "/" when type is PathPrefix']);
});
