/**
 * The upstream conformance manifests, read in place from ../shared/gateway-api (skipped when absent,
 * as in a user's clone), must all be admitted: they are what a cluster with the CRDs installed
 * accepts.
 *
 * The suite fills two template placeholders before applying (`{GATEWAY_CLASS_NAME}`,
 * `{GATEWAY_CONTROLLER_NAME}`); so does this test — unfilled, the controller name is not a valid
 * domain-prefixed path and the GatewayClass is rightly rejected.
 *
 * The manifests their own comments call invalid are invalid for the controller, not for the API
 * server, and are admitted here as a cluster admits them; the translator reports them in status:
 * - gateway-invalid-tls-configuration.yaml: Secret `malformed-certificate` holds base64 of
 *   "Hello world", not PEM, with identical certificate and key (→ listener ResolvedRefs=False).
 * - gateway-invalid-tls-backend-configuration.yaml: a Secret lacking the tls.crt/tls.key keys.
 * - gateway-static-addresses.yaml: address type "test/fake-invalid-type" (a syntactically valid
 *   domain-prefixed type that no implementation supports) and PLACEHOLDER_* address values.
 * Other `*-invalid-*` tests are about references and attachment, again status, not admission.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONTROLLER_NAME } from '../../api/index.ts';
import { formatDiagnostic } from '../diagnostics.ts';
import { loadText } from './load.ts';

const CONFORMANCE = new URL('../../../../shared/gateway-api/conformance/', import.meta.url).pathname;
const present = existsSync(CONFORMANCE);
const skip = !present && 'the upstream conformance manifests (../shared/gateway-api) are not here';

function manifests(): string[] {
  if (!present) return [];
  const dir = (d: string) => readdirSync(join(CONFORMANCE, d)).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(CONFORMANCE, d, f));
  return [join(CONFORMANCE, 'base/manifests.yaml'), join(CONFORMANCE, 'mesh/manifests.yaml'), ...dir('tests'), ...dir('tests/mesh')];
}

const fill = (text: string) => text.replaceAll('{GATEWAY_CLASS_NAME}', 'switchyard').replaceAll('{GATEWAY_CONTROLLER_NAME}', CONTROLLER_NAME);

test('every conformance manifest is admitted (warnings only for workloads)', { skip }, () => {
  let admitted = 0;
  const problems: string[] = [];
  for (const file of manifests()) {
    const load = loadText(file, fill(readFileSync(file, 'utf8')));
    admitted += load.accepted.length;
    for (const d of load.diagnostics) {
      const workload = d.code === 'SY_WARN_CONFIG_UNKNOWN_KIND' && /^(Deployment|Pod|StatefulSet|DaemonSet) /.test(d.message);
      if (!workload) problems.push(formatDiagnostic(d));
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(admitted > 400, `only ${admitted} objects admitted`);
});

test('the GatewayClass template is rejected until its placeholder is filled', { skip }, () => {
  const file = join(CONFORMANCE, 'tests/gatewayclass-observed-generation-bump.yaml');
  const load = loadText(file, readFileSync(file, 'utf8'));
  assert.equal(load.accepted.length, 0);
  assert.match(load.diagnostics.map(formatDiagnostic).join('\n'), /spec\.controllerName: "\{GATEWAY_CONTROLLER_NAME\}" is not a valid controller name/);
});

test('the manifests their comments call invalid are admitted (their problems are for status)', { skip }, () => {
  for (const [name, kinds] of [
    ['gateway-invalid-tls-configuration.yaml', ['Secret/gateway-conformance-infra/malformed-certificate']],
    ['gateway-invalid-tls-backend-configuration.yaml', ['Secret']],
    ['gateway-static-addresses.yaml', ['Gateway/gateway-conformance-infra/gateway-static-addresses']],
  ] as const) {
    const load = loadText(name, fill(readFileSync(join(CONFORMANCE, 'tests', name), 'utf8')));
    const keys = load.accepted.map((a) => a.key);
    for (const wanted of kinds) assert.ok(keys.some((k) => k.startsWith(wanted)), `${name}: ${wanted} not admitted (${keys.join(', ')})`);
    assert.deepEqual(load.diagnostics.filter((d) => d.severity === 'error'), []);
  }
});
