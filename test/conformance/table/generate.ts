/**
 * `npm run conformance:table`: rewrites the README "Conformance" table and the supported-features
 * module from the conformance table and the scenario registry. Run it after adding, enabling or
 * skipping a scenario; table.test.ts fails until it has been run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../../helpers/switchyard.ts';
import { renderReadmeTable, renderSupportedModule, statuses, SUPPORTED_MODULE, withReadmeTable } from './render.ts';

const all = statuses();
const readmePath = join(REPO, 'README.md');
writeFileSync(readmePath, withReadmeTable(readFileSync(readmePath, 'utf8'), renderReadmeTable(all)));
writeFileSync(join(REPO, SUPPORTED_MODULE), renderSupportedModule(all));
process.stdout.write(`conformance table: ${all.filter((s) => s.supported).length} of ${all.length} features supported\n`);
