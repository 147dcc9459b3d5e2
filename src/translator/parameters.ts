/**
 * parametersRef resolution: GatewayClass `spec.parametersRef` and Gateway
 * `spec.infrastructure.parametersRef`. Switchyard reads one parameters kind, SwitchyardProxy
 * (gateway.switchyard.dev, namespaced). The spec, for both fields: "If the referent cannot be found,
 * refers to an unsupported kind, or when the data within that resource is malformed, the
 * [GatewayClass|Gateway] SHOULD be rejected with the "Accepted" status condition set to "False" and
 * an "InvalidParameters" reason." Each function returns that message, naming the reference, or null
 * when the reference resolves (or there is none).
 *
 * The Kubernetes controller reads the same objects to shape the proxies it provisions
 * (src/controller/provision/parameters.ts); the translator only decides acceptance.
 */
import { SWITCHYARD_GROUP, type Gateway, type GatewayClass } from '../api/index.ts';
import type { SwitchyardProxy } from '../api/switchyard.ts';
import type { TranslationContext } from './context.ts';

/** Switchyard's own parameters kind (`gateway.switchyard.dev/v1alpha1`). */
export const PARAMETERS_KIND = 'SwitchyardProxy';

interface Reference { readonly group: string; readonly kind: string; readonly name: string; readonly namespace?: string }

export function classParametersProblem(ctx: TranslationContext, gatewayClass: GatewayClass): string | null {
  const ref = gatewayClass.spec.parametersRef;
  if (!ref) return null;
  const what = `parametersRef ${describeRef(ref, ref.namespace)}`;
  // A namespaced kind needs the namespace: a GatewayClass is cluster-scoped, so there is no default.
  if (isParametersKind(ref) && !ref.namespace) return `${what}: namespace must be set for the namespaced kind ${PARAMETERS_KIND}`;
  return resolve(ctx, what, ref, ref.namespace ?? '');
}

/** A Gateway's reference is local: the SwitchyardProxy lives in the Gateway's namespace. */
export function gatewayParametersProblem(ctx: TranslationContext, gateway: Gateway): string | null {
  const ref = gateway.spec.infrastructure?.parametersRef;
  if (!ref) return null;
  const namespace = gateway.metadata.namespace;
  return resolve(ctx, `infrastructure.parametersRef ${describeRef(ref, namespace)}`, ref, namespace);
}

function isParametersKind(ref: Reference): boolean {
  return ref.group === SWITCHYARD_GROUP && ref.kind === PARAMETERS_KIND;
}

function describeRef(ref: Reference, namespace: string | undefined): string {
  return `${ref.group ? `${ref.kind}.${ref.group}` : ref.kind} ${namespace ? `${namespace}/` : ''}${ref.name}`;
}

function resolve(ctx: TranslationContext, what: string, ref: Reference, namespace: string): string | null {
  if (!isParametersKind(ref)) return `${what} is not supported: Switchyard reads only ${PARAMETERS_KIND}.${SWITCHYARD_GROUP} parameters`;
  const found = ctx.snapshot.switchyardProxies.find((p) => p.metadata.namespace === namespace && p.metadata.name === ref.name);
  if (!found) return `${what} not found`;
  const malformed = malformedProblem(found);
  return malformed === null ? null : `${what} is malformed: ${malformed}`;
}

/**
 * What the CRD schema cannot express but would make the parameters unusable. (The schema itself is
 * enforced by the API server, or by the loader in standalone mode, before an object gets here.)
 */
function malformedProblem(proxy: SwitchyardProxy): string | null {
  const autoscaling = proxy.spec?.autoscaling;
  if (autoscaling && (autoscaling.minReplicas ?? 1) > autoscaling.maxReplicas) {
    return `autoscaling.minReplicas (${autoscaling.minReplicas}) is greater than maxReplicas (${autoscaling.maxReplicas})`;
  }
  return null;
}
