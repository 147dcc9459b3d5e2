/**
 * `switchyard check -f PATH…`: reads and translates a configuration offline, prints every
 * diagnostic and every owned resource's conditions, and exits non-zero when anything is wrong — a
 * configuration error, or a resource that is not accepted, not programmed or has unresolved refs.
 */
import { CONTROLLER_NAME } from '../api/index.ts';
import { formatDiagnostic } from '../providers/diagnostics.ts';
import { loadManifests } from '../providers/file/load.ts';
import { snapshotOf } from '../store/index.ts';
import { translate } from '../translator/index.ts';
import { conditionsReport } from './conditions-report.ts';

export interface CheckArgs {
  readonly paths: readonly string[];
  readonly bindAddress: string;
}

export interface CheckOutcome {
  readonly text: string;
  readonly exitCode: number;
}

export async function runCheck(args: CheckArgs): Promise<CheckOutcome> {
  const load = await loadManifests(args.paths);
  const out: string[] = [];
  for (const d of [...load.errors, ...load.warnings]) out.push(`${d.severity}: ${formatDiagnostic(d)}`);
  if (out.length) out.push('');
  const result = translate(snapshotOf(load.objects.map((o) => o.object)), {
    controllerName: CONTROLLER_NAME,
    now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    defaultAddresses: [args.bindAddress],
  });
  const report = conditionsReport(result.statuses);
  if (result.statuses.length === 0) out.push(`no resources of a GatewayClass with controllerName ${CONTROLLER_NAME}`);
  out.push(report.text.trimEnd());
  const summary = `${load.objects.length} objects read from ${load.files.length} files: ${load.errors.length} errors, ${load.warnings.length} warnings, ${report.problems} resources with problems`;
  out.push('', summary);
  return { text: out.join('\n') + '\n', exitCode: load.errors.length > 0 || report.problems > 0 ? 1 : 0 };
}
