import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteInvalidBackendRefUnknownKind', 'httproute-invalid-backendref-unknown-kind.go', ['Gateway', 'HTTPRoute'], PENDING.harness);
