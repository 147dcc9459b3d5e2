/**
 * Status assertions through the admin API, with the upstream suite's meaning: conditions by type
 * (status and, when given, reason), listeners' attachedRoutes, a route's entry per parent, and the
 * parentRef echoed with the API server's defaults (group and kind), which the suite compares.
 */
import assert from 'node:assert/strict';
import type { StandaloneCluster } from './cluster.ts';
import type { Obj } from './manifests.ts';
import type { NamespacedName, StatusCheck } from './scenario.ts';

interface Condition { type: string; status: string; reason: string; observedGeneration?: number }

function assertConditions(where: string, actual: readonly Condition[] | undefined, wanted: Readonly<Record<string, string>>, generation?: number): void {
  for (const [type, expectation] of Object.entries(wanted)) {
    const [status, reason] = expectation.split('/');
    const c = actual?.find((x) => x.type === type);
    assert.ok(c, `${where}: condition ${type} is missing (have ${JSON.stringify(actual?.map((x) => `${x.type}=${x.status}/${x.reason}`))})`);
    assert.equal(`${c.status}${reason ? `/${c.reason}` : ''}`, `${status}${reason ? `/${reason}` : ''}`, `${where}: condition ${type}`);
    if (generation !== undefined) assert.equal(c.observedGeneration, generation, `${where}: ${type} observedGeneration`);
  }
}

/** The route's status entry for a parent `namespace/name` (and sectionName, when given). */
function parentEntry(route: Obj, parent: NamespacedName, sectionName?: string): Obj | undefined {
  const [ns, name] = parent.split('/');
  return (route.status?.parents ?? []).find((p: Obj) => p.parentRef.name === name
    && (p.parentRef.namespace ?? route.metadata.namespace) === ns
    && (sectionName === undefined || p.parentRef.sectionName === sectionName));
}

export async function checkStatus(cluster: StandaloneCluster, check: StatusCheck, defaultParent: NamespacedName): Promise<void> {
  const object = await cluster.get(check.kind, check.name);
  assert.ok(object, `${check.kind} ${check.name} is loaded`);
  const where = `${check.kind} ${check.name}`;
  const generation = check.observedGenerationCurrent ? object.metadata.generation as number : undefined;
  if (check.kind === 'HTTPRoute') {
    const parent = check.parent ?? defaultParent;
    const entry = parentEntry(object, parent, check.sectionName);
    if (check.noParentStatus) {
      assert.equal(entry, undefined, `${where}: no status entry for parent ${parent}`);
      return;
    }
    assert.ok(entry, `${where}: a status entry for parent ${parent} (have ${JSON.stringify(object.status?.parents?.map((p: Obj) => p.parentRef))})`);
    // The API server defaults parentRef group and kind; the status echo must carry them (the suite compares).
    assert.equal(entry.parentRef.group, 'gateway.networking.k8s.io', `${where}: parentRef.group echoed with its default`);
    assert.ok(['Gateway', 'ListenerSet'].includes(entry.parentRef.kind), `${where}: parentRef.kind echoed with its default`);
    assertConditions(`${where} parent ${parent}`, entry.conditions, check.conditions ?? {}, generation);
    return;
  }
  if (check.observedGenerationCurrent && check.kind !== 'ReferenceGrant') {
    assertConditions(where, object.status?.conditions, Object.fromEntries((object.status?.conditions ?? []).map((c: Condition) => [c.type, c.status])), generation);
  }
  assertConditions(where, object.status?.conditions, check.conditions ?? {});
  for (const [name, wanted] of Object.entries(check.listeners ?? {})) {
    const listener: Obj | undefined = (object.status?.listeners ?? []).find((l: Obj) => l.name === name);
    assert.ok(listener, `${where}: listener ${name} has a status`);
    assertConditions(`${where} listener ${name}`, listener.conditions, wanted.conditions ?? {});
    if (wanted.attachedRoutes !== undefined) assert.equal(listener.attachedRoutes, wanted.attachedRoutes, `${where} listener ${name}: attachedRoutes`);
  }
}

/** The suite's GatewayAndRoutesMustBeAccepted: the Gateway Programmed with an address, each route Accepted with ResolvedRefs on it. */
export function acceptedChecks(gateway: NamespacedName, routes: readonly NamespacedName[]): StatusCheck[] {
  return [
    { kind: 'Gateway', name: gateway, conditions: { Accepted: 'True', Programmed: 'True' } },
    ...routes.map((name): StatusCheck => ({ kind: 'HTTPRoute', name, parent: gateway, conditions: { Accepted: 'True', ResolvedRefs: 'True' } })),
  ];
}
