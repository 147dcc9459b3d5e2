/**
 * SwitchyardProxy `spec.limits` → IrSocket.limits. The parameters are found as for provisioning
 * (a Gateway's own infrastructure.parametersRef wins over its class's, whole object). Sockets shared
 * by Gateways with different limits get the strictest value of each field: a Gateway can only make
 * the shared socket safer, never looser, for its neighbours.
 */
import { SWITCHYARD_GROUP } from '../api/index.ts';
import type { SwitchyardProxy } from '../api/switchyard.ts';
import type { IrSocketLimits } from '../ir/index.ts';
import type { GatewayContext, TranslationContext } from './context.ts';
import { PARAMETERS_KIND } from './parameters.ts';
import { parseDuration } from './routes/durations.ts';

type LimitKey = keyof IrSocketLimits;

/** The Gateway's limits, or null when its parameters set none. */
export function gatewayLimits(ctx: TranslationContext, gateway: GatewayContext): IrSocketLimits | null {
  const spec = parametersOf(ctx, gateway)?.spec?.limits;
  if (spec === undefined) return null;
  const ms = (text: string | undefined) => (text === undefined ? null : parseDuration(text));
  const limits: IrSocketLimits = {
    requestMs: ms(spec.requestTimeout),
    streamIdleMs: ms(spec.streamIdleTimeout),
    connectMs: ms(spec.connectTimeout),
    routeTimeoutMs: ms(spec.routeTimeout),
    downstreamIdleMs: ms(spec.downstreamIdleTimeout),
    maxConnections: spec.maxConnections ?? null,
    xffNumTrustedHops: spec.xffNumTrustedHops ?? null,
  };
  return Object.values(limits).every((v) => v === null) ? null : limits;
}

/** Field by field, the smaller non-null value (null: neither sets it). */
export function strictest(a: IrSocketLimits | null, b: IrSocketLimits | null): IrSocketLimits | null {
  if (a === null) return b;
  if (b === null) return a;
  const out = { ...a } as Record<LimitKey, number | null>;
  for (const key of Object.keys(a) as LimitKey[]) {
    const x = a[key];
    const y = b[key];
    out[key] = x === null ? y : y === null ? x : Math.min(x, y);
  }
  return out as unknown as IrSocketLimits;
}

function parametersOf(ctx: TranslationContext, gateway: GatewayContext): SwitchyardProxy | undefined {
  const find = (namespace: string | undefined, name: string) =>
    ctx.snapshot.switchyardProxies.find((p) => p.metadata.namespace === namespace && p.metadata.name === name);
  const own = gateway.gateway.spec.infrastructure?.parametersRef;
  if (own && own.group === SWITCHYARD_GROUP && own.kind === PARAMETERS_KIND) return find(gateway.gateway.metadata.namespace, own.name);
  const ref = gateway.gatewayClass.spec.parametersRef;
  if (ref && ref.group === SWITCHYARD_GROUP && ref.kind === PARAMETERS_KIND) return find(ref.namespace, ref.name);
  return undefined;
}

