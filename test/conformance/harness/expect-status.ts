/**
 * Status assertions through the admin API, with the upstream suite's meaning: conditions by type
 * (status and, when given, reason), listeners' attachedRoutes, a route's entry per parent, and the
 * parentRef echoed with the API server's defaults (group and kind), which the suite compares.
 */
import assert from 'node:assert/strict';
import type { StandaloneCluster } from './cluster.ts';
import type { Obj } from './manifests.ts';
import type { ListenerCheck, NamespacedName, RouteKind, StatusCheck } from './scenario.ts';

const ROUTE_KINDS: ReadonlySet<string> = new Set<RouteKind>(['HTTPRoute', 'GRPCRoute', 'TLSRoute', 'TCPRoute', 'UDPRoute']);

const GROUP = 'gateway.networking.k8s.io';

interface Condition { type: string; status: string; reason: string; observedGeneration?: number }

function assertConditions(where: string, actual: readonly Condition[] | undefined, wanted: Readonly<Record<string, string>>, generation?: number): void {
  for (const [type, expectation] of Object.entries(wanted)) {
    const [status, reason] = expectation.split('/');
    const c = actual?.find((x) => x.type === type);
    assert.ok(c, `${where}: condition ${type} is missing (have ${JSON.stringify(actual?.map((x) => `${x.type}=${x.status}/${x.reason}`))})`);
    if (status !== '*') assert.equal(`${c.status}${reason ? `/${c.reason}` : ''}`, `${status}${reason ? `/${reason}` : ''}`, `${where}: condition ${type}`);
    if (generation !== undefined) assert.equal(c.observedGeneration, generation, `${where}: ${type} observedGeneration`);
  }
}

/** The route's status entry for a parent `namespace/name` (and sectionName, when given). */
function parentEntry(route: Obj, parent: NamespacedName, sectionName?: string, kind?: string): Obj | undefined {
  const [ns, name] = parent.split('/');
  return (route.status?.parents ?? []).find((p: Obj) => p.parentRef.name === name
    && (p.parentRef.namespace ?? route.metadata.namespace) === ns
    && (kind === undefined || p.parentRef.kind === kind)
    && (sectionName === undefined || p.parentRef.sectionName === sectionName));
}

/** The generation an object has now (for `generationBumped` checks in steps). */
export async function generationOf(cluster: StandaloneCluster, check: StatusCheck): Promise<number | undefined> {
  return (await cluster.get(check.kind, check.name))?.metadata?.generation as number | undefined;
}

export async function checkStatus(cluster: StandaloneCluster, check: StatusCheck, defaultParent: NamespacedName, generationBefore?: number): Promise<void> {
  const object = await cluster.get(check.kind, check.name);
  assert.ok(object, `${check.kind} ${check.name} is loaded`);
  const where = `${check.kind} ${check.name}`;
  const generation = check.observedGenerationCurrent ? object.metadata.generation as number : undefined;
  if (check.generationBumped) assert.notEqual(object.metadata.generation, generationBefore, `${where}: generation changes with the spec`);
  if (ROUTE_KINDS.has(check.kind)) {
    const parents: Obj[] = object.status?.parents ?? [];
    if (check.parentCount !== undefined) assert.equal(parents.length, check.parentCount, `${where}: parent entries ${JSON.stringify(parents.map((p) => p.parentRef))}`);
    if (check.noAcceptedParents) {
      assert.ok(parents.length <= 1, `${where}: at most one parent entry, have ${JSON.stringify(parents.map((p) => p.parentRef))}`);
      for (const p of parents) assertConditions(`${where} parent ${p.parentRef.name}`, p.conditions, { Accepted: 'False' }, object.metadata.generation);
      if (!check.conditions) return;
    }
    const parent = check.parent ?? defaultParent;
    const entry = parentEntry(object, parent, check.sectionName, check.parentKind);
    if (check.noParentStatus) {
      assert.equal(entry, undefined, `${where}: no status entry for parent ${parent}`);
      return;
    }
    assert.ok(entry, `${where}: a status entry for parent ${parent} (have ${JSON.stringify(object.status?.parents?.map((p: Obj) => p.parentRef))})`);
    // The API server defaults parentRef group and kind; the status echo must carry them (the suite compares).
    assert.equal(entry.parentRef.group, 'gateway.networking.k8s.io', `${where}: parentRef.group echoed with its default`);
    assert.ok(['Gateway', 'ListenerSet'].includes(entry.parentRef.kind), `${where}: parentRef.kind echoed with its default`);
    assertConditions(`${where} parent ${parent}`, entry.conditions, check.conditions ?? {}, generation);
    if (generation !== undefined) {
      for (const p of parents) assertConditions(`${where} parent ${p.parentRef.name}`, p.conditions, Object.fromEntries(p.conditions.map((c: Condition) => [c.type, '*'])), generation);
    }
    return;
  }
  if (check.kind === 'BackendTLSPolicy') return checkPolicyAncestor(object, where, check, check.parent ?? defaultParent, generation);
  if (check.observedGenerationCurrent && check.kind !== 'ReferenceGrant') {
    assertConditions(where, object.status?.conditions, Object.fromEntries((object.status?.conditions ?? []).map((c: Condition) => [c.type, c.status])), generation);
  }
  assertConditions(where, object.status?.conditions, check.conditions ?? {});
  const listeners: Obj[] = object.status?.listeners ?? [];
  if (check.exactListeners) {
    assert.deepEqual(listeners.map((l) => l.name).sort(), Object.keys(check.listeners ?? {}).sort(), `${where}: the listeners in the status`);
  }
  for (const [name, wanted] of Object.entries(check.listeners ?? {})) {
    const listener = listeners.find((l) => l.name === name);
    assert.ok(listener, `${where}: listener ${name} has a status`);
    assertListener(`${where} listener ${name}`, listener, wanted);
  }
  for (const l of check.everyListener ? listeners : []) assertConditions(`${where} listener ${l.name}`, l.conditions, check.everyListener!);
  if (check.zeroRoutes) {
    assert.ok(listeners.length === 0 || (listeners.length === 1 && listeners[0]!.attachedRoutes === 0),
      `${where}: no listener, or one with no route attached (have ${JSON.stringify(listeners.map((l) => [l.name, l.attachedRoutes]))})`);
  }
  if (check.attachedListenerSets !== undefined) assert.equal(object.status?.attachedListenerSets ?? 0, check.attachedListenerSets, `${where}: attachedListenerSets`);
  if (check.addresses) assert.deepEqual((object.status?.addresses ?? []).map((a: Obj) => a.value), check.addresses, `${where}: status.addresses`);
}

/** The suite's BackendTLSPolicyMustHaveCondition: the ancestor entry for the Gateway carries the conditions. */
function checkPolicyAncestor(policy: Obj, where: string, check: StatusCheck, gateway: NamespacedName, generation: number | undefined): void {
  const [ns, name] = gateway.split('/');
  const ancestors: Obj[] = policy.status?.ancestors ?? [];
  const entry = ancestors.find((a) => a.ancestorRef?.name === name && (a.ancestorRef?.namespace ?? policy.metadata.namespace) === ns);
  assert.ok(entry, `${where}: an ancestor entry for ${gateway} (have ${JSON.stringify(ancestors.map((a) => a.ancestorRef))})`);
  assertConditions(`${where} ancestor ${gateway}`, entry.conditions, check.conditions ?? {}, generation);
  // The suite's BackendTLSPolicyMustHaveLatestConditions: every condition of every ancestor is current.
  if (generation !== undefined) {
    for (const a of ancestors) assertConditions(`${where} ancestor ${a.ancestorRef?.name}`, a.conditions, Object.fromEntries((a.conditions ?? []).map((c: Condition) => [c.type, '*'])), generation);
  }
}

function assertListener(where: string, listener: Obj, wanted: ListenerCheck): void {
  assertConditions(where, listener.conditions, wanted.conditions ?? {});
  if (wanted.attachedRoutes !== undefined) assert.equal(listener.attachedRoutes, wanted.attachedRoutes, `${where}: attachedRoutes`);
  if (wanted.supportedKinds) {
    const kinds: Obj[] = listener.supportedKinds ?? [];
    if (wanted.supportedKinds.length === 0) assert.deepEqual(kinds, [], `${where}: supportedKinds must be empty`);
    for (const kind of wanted.supportedKinds) {
      assert.ok(kinds.some((k) => (k.group ?? GROUP) === GROUP && k.kind === kind), `${where}: supportedKinds ${JSON.stringify(kinds)} lists ${kind}`);
    }
  }
}

/**
 * The suite's GatewayAndHTTPRoutesMustBeAccepted (+ HTTPRouteMustHaveResolvedRefsConditionsTrue, which
 * nearly every test adds): the Gateway Programmed with an address and every listener Accepted,
 * ResolvedRefs and Programmed; each route Accepted (and, unless `resolved` is false, ResolvedRefs) on it.
 */
export function acceptedChecks(gateway: NamespacedName, routes: readonly NamespacedName[], resolved = true, kind: RouteKind = 'HTTPRoute'): StatusCheck[] {
  return [
    { kind: 'Gateway', name: gateway, conditions: { Accepted: 'True', Programmed: 'True' }, everyListener: { Accepted: 'True', ResolvedRefs: 'True', Programmed: 'True' } },
    ...routes.map((name): StatusCheck => ({ kind, name, parent: gateway, conditions: resolved ? { Accepted: 'True/Accepted', ResolvedRefs: 'True' } : { Accepted: 'True/Accepted' } })),
  ];
}
