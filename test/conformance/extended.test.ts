// Upstream conformance scenarios of the extended group (see docs/conformance.md), one shared serve.
import { runGroup } from './harness/run-group.ts';

runGroup('extended');
