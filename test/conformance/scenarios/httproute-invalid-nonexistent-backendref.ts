import { pending, PENDING } from './dsl.ts';

export default pending('HTTPRouteInvalidNonExistentBackendRef', 'httproute-invalid-nonexistent-backendref.go', ['Gateway', 'HTTPRoute'], PENDING.harness);
