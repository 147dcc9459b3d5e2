// Upstream conformance scenarios of the core group (see docs/conformance.md), one shared serve.
import { runGroup } from './harness/run-group.ts';

runGroup('core');
