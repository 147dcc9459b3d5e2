// Upstream conformance scenarios of the GATEWAY-GRPC, -TLS, -TCP and -UDP profiles (see docs/conformance.md), one shared serve.
import { runGroup } from './harness/run-group.ts';

runGroup('protocols');
