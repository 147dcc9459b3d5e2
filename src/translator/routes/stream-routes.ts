/**
 * TLSRoute, TCPRoute and UDPRoute: rules of weighted backends, no matching beyond the listener (and
 * SNI for TLS). A TLSRoute rule becomes an IrTlsRoute on a TLS listener; a TCPRoute rule an IrL4Route
 * on a TCP listener, or an IrTlsRoute for every SNI (the listener's hostname) when a TLS listener
 * accepts TCPRoutes; a UDPRoute rule an IrL4Route on a UDP listener.
 */
import type { BackendRef, TcpRoute, TlsRoute, UdpRoute } from '../../api/index.ts';
import type { IrRouteSource, IrWeightedBackend } from '../../ir/index.ts';
import { objectKey } from '../../store/index.ts';
import type { StatusError } from '../conditions.ts';
import type { ListenerContext } from '../context.ts';
import type { ListenerTables } from './listener-tables.ts';
import type { PreparedRoute, RouteEnv } from './types.ts';

interface StreamRule {
  readonly id: string;
  readonly source: IrRouteSource;
  readonly backends: IrWeightedBackend[];
}

export function prepareStreamRoute(route: TlsRoute | TcpRoute | UdpRoute, env: RouteEnv): PreparedRoute {
  const { namespace, name } = route.metadata;
  const kind = route.kind;
  const origin = { kind, namespace, key: objectKey(route) };
  const usage = kind === 'UDPRoute' ? 'UDP' : 'TCP';
  const refProblems: StatusError[] = [];
  const rules: StreamRule[] = (route.spec.rules ?? []).map((rule, ruleIndex) => {
    const backends = (rule.backendRefs ?? []).map((ref: BackendRef) => {
      const resolved = env.backends.resolve(ref, origin, usage);
      if (resolved.problem) refProblems.push(resolved.problem);
      return { weight: resolved.weight, clusterId: resolved.clusterId, filters: [] };
    });
    return {
      id: `${kind.toLowerCase()}/${namespace}/${name}/rule/${ruleIndex}`,
      source: { kind, namespace, name, ruleIndex, ruleName: rule.name ?? null, matchIndex: 0 },
      backends,
    };
  });

  return {
    route,
    hostnames: kind === 'TLSRoute' ? (route.spec.hostnames ?? []).map((h) => h.toLowerCase()) : null,
    ruleCount: rules.length,
    invalidRules: [],
    refProblems,
    contribute(listener: ListenerContext, hostnames: readonly string[], tables: ListenerTables) {
      for (const rule of rules) {
        if (listener.protocol === 'TLS' && kind !== 'UDPRoute') {
          tables.addTls(listener, { route, ir: { ...rule, hostnames: [...hostnames] } });
        } else if ((listener.protocol === 'TCP' && kind === 'TCPRoute') || (listener.protocol === 'UDP' && kind === 'UDPRoute')) {
          tables.addL4(listener, { route, ir: rule });
        }
      }
    },
  };
}
