/** Shorthands that keep scenario files close to the upstream tests' tables. */
import { FEATURES } from '../../../src/conformance/features.ts';
import type { Exchange, NamespacedName, Scenario, StatusCheck } from '../harness/scenario.ts';

export const INFRA = 'gateway-conformance-infra';
export const APP = 'gateway-conformance-app-backend';
export const WEB = 'gateway-conformance-web-backend';
export const V1 = 'infra-backend-v1';
export const V2 = 'infra-backend-v2';
export const V3 = 'infra-backend-v3';
export const SAME_NAMESPACE: NamespacedName = `${INFRA}/same-namespace`;

type Request = Exchange['request'];
const asRequest = (r: Request | string): Request => (typeof r === 'string' ? { path: r } : r);

/** A request that `backend` must answer with 200, seeing the request unchanged unless `extra` says otherwise. */
export function reaches(backend: string, request: Request | string, extra: Partial<Exchange> = {}): Exchange {
  return { request: asRequest(request), backend, ...extra };
}

/** A request answered with `status` (or any of a list) by the gateway itself (404, 500, 3xx …). */
export function answers(status: number | readonly number[], request: Request | string, extra: Partial<Exchange> = {}): Exchange {
  return { request: asRequest(request), response: { status }, ...extra };
}

const CORE = new Set(FEATURES.filter((f) => f.support === 'Core').map((f) => f.name));

/** The common case: one test manifest; group `core` when the test needs Core features only, else `extended`. */
export function scenario(s: Omit<Scenario, 'manifests' | 'group'> & { manifests?: readonly string[]; group?: Scenario['group'] }): Scenario {
  const group = s.features.every((f) => CORE.has(f)) ? 'core' : 'extended';
  return { group, manifests: [`tests/${s.source.replace(/\.go$/, '.yaml')}`], ...s };
}

/** The suite's generateAcceptedListenerConditions: a listener that is fully up. */
export const LISTENER_READY = { ResolvedRefs: 'True', Accepted: 'True', Programmed: 'True' } as const;

/** A listener of ListenerSet/Gateway status that is up, lists HTTPRoute, with `attachedRoutes` routes. */
export const readyListener = (attachedRoutes: number) => ({ supportedKinds: ['HTTPRoute'], conditions: LISTENER_READY, attachedRoutes });

/** The suite's RoutesAndParentMustBeAccepted for a ListenerSet parent: each route Accepted on it, every listener up. */
export function acceptedOnListenerSet(listenerSet: NamespacedName, routes: readonly NamespacedName[]): StatusCheck[] {
  return [
    { kind: 'ListenerSet', name: listenerSet, everyListener: LISTENER_READY },
    ...routes.map((name): StatusCheck => ({ kind: 'HTTPRoute', name, parent: listenerSet, parentKind: 'ListenerSet', conditions: { Accepted: 'True/Accepted' } })),
  ];
}

/** A ListenerSet refused by its Gateway: Accepted and Programmed False with `reason`. */
export const listenerSetRefused = (name: NamespacedName, reason: string): StatusCheck => ({
  kind: 'ListenerSet', name, conditions: { Accepted: `False/${reason}`, Programmed: `False/${reason}` },
});
