/**
 * The one data-driven runner: every scenario of a group against one shared `switchyard serve` and
 * one set of echo backends, scenario after scenario, as the upstream suite runs its tests one after
 * another against one cluster (apply a test's manifests, check, remove them). A group's test file
 * only calls runGroup(name). Skipped when the upstream manifests (../shared/gateway-api) are absent.
 */
import { after, before, test } from 'node:test';
import { holdFreePort } from '../../helpers/ports.ts';
import { startBackends, type Backends } from './backends.ts';
import { StandaloneCluster } from './cluster.ts';
import { expectExchange } from './expect-http.ts';
import { expectProtocolExchange, isProtocolExchange } from './expect-protocols.ts';
import { programmaticObjects } from './programmatic.ts';
import { acceptedChecks, checkStatus, generationOf } from './expect-status.ts';
import {
  backendsOf, forStandalone, GATEWAY_CLASS_OBJECT, listenerPorts, portKey, readUpstream, UPSTREAM_PRESENT,
  type BackendSpec, type Obj, type PortMap,
} from './manifests.ts';
import type { EditContext, Exchange, NamespacedName, Scenario, ScenarioGroup, StatusCheck } from './scenario.ts';
import { SCENARIOS } from '../scenarios/index.ts';

const DEFAULT_GATEWAY: NamespacedName = 'gateway-conformance-infra/same-namespace';


interface World { cluster: StandaloneCluster; backends: Backends; ports: PortMap; specs: BackendSpec[] }

export function runGroup(group: ScenarioGroup): void {
  const scenarios = SCENARIOS.filter((s) => s.group === group);
  const runnable = scenarios.filter((s) => !s.skip);
  let world: World | null = null;

  before(async () => {
    if (!UPSTREAM_PRESENT || runnable.length === 0) return;
    const base = readUpstream('base/manifests.yaml');
    const all = [...base, ...runnable.flatMap((s) => s.manifests.flatMap(readUpstream))];
    const specs = backendsOf(all);
    const backends = await startBackends(specs);
    const ports = await allocatePorts([...new Set([...listenerPorts(all), ...runnable.flatMap((s) => s.stepPorts ?? [])])]);
    const cluster = await StandaloneCluster.start([GATEWAY_CLASS_OBJECT, ...await programmaticObjects(), ...forStandalone(base, ports, backends.ports, specs)])
      .catch(async (err: unknown) => { await backends.stop(); throw err; });
    world = { cluster, backends, ports, specs };
  });

  after(async () => {
    await world?.cluster.stop();
    await world?.backends.stop();
  });

  for (const scenario of scenarios) {
    const skip = scenario.skip ? `${scenario.skip.feature}: ${scenario.skip.reason}`
      : !UPSTREAM_PRESENT && 'the upstream conformance manifests (../shared/gateway-api) are not here';
    test(`${scenario.name} (conformance/tests/${scenario.source})`, { skip }, async () => runScenario(world!, scenario));
  }
}

async function runScenario(world: World, scenario: Scenario): Promise<void> {
  const objects = forStandalone(scenario.manifests.flatMap(readUpstream), world.ports, world.backends.ports, world.specs);
  await world.cluster.apply(objects);
  const gateway = scenario.gateway ?? DEFAULT_GATEWAY;
  const accepted = scenario.acceptedRoutes ? acceptedChecks(gateway, scenario.acceptedRoutes, scenario.routesResolveRefs ?? true, scenario.routeKind) : [];
  await checks(world, gateway, [...accepted, ...scenario.status ?? []], scenario.exchanges ?? []);
  const context: EditContext = {
    port: (gw, upstreamPort) => required(world.ports.get(portKey(gw, upstreamPort)), `a port for ${gw}:${upstreamPort}`),
    backendPort: (deployment) => required(world.backends.ports.get(deployment), `an echo backend for ${deployment}`),
  };
  for (const step of scenario.then ?? []) {
    const before = await Promise.all((step.status ?? []).map((c) => (c.generationBumped ? generationOf(world.cluster, c) : undefined)));
    step.edit(objects as Obj[], context);
    await world.cluster.apply(objects);
    await checks(world, gateway, step.status ?? [], step.exchanges ?? [], before);
  }
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the harness has no ${what}`);
  return value;
}

async function checks(world: World, gateway: NamespacedName, status: readonly StatusCheck[], exchanges: readonly Exchange[], generations: readonly (number | undefined)[] = []): Promise<void> {
  for (const [i, check] of status.entries()) await checkStatus(world.cluster, check, gateway, generations[i]);
  for (const exchange of exchanges) {
    const target = exchange.gateway ?? gateway;
    const gw = await world.cluster.get('Gateway', target);
    const address = gw?.status?.addresses?.[0]?.value as string | undefined;
    if (!address) throw new Error(`Gateway ${target} has no address in its status`);
    const port = world.ports.get(portKey(target, exchange.port ?? 80));
    if (port === undefined) throw new Error(`Gateway ${target} has no listener on upstream port ${exchange.port ?? 80}`);
    if (isProtocolExchange(exchange)) await expectProtocolExchange(exchange, { address, port });
    else await expectExchange(exchange, { address, port, upstreamPort: exchange.port ?? 80 }, world.backends.received);
  }
}

/** One free loopback port per key, all held at once so no two keys get the same port. */
async function allocatePorts(keys: readonly string[]): Promise<PortMap> {
  const held = await Promise.all(keys.map(() => holdFreePort()));
  await Promise.all(held.map((h) => h.close()));
  return new Map(keys.map((k, i) => [k, held[i]!.port]));
}
