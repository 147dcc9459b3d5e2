/**
 * The shape of a conformance scenario: one upstream conformance test (kubernetes-sigs/gateway-api
 * `conformance/tests/<source>`) reproduced against a standalone `switchyard serve`. Scenarios are
 * data; harness/run-group.ts is the one runner that executes them.
 *
 * Field names follow the upstream test helpers' vocabulary (request, expected request as the backend
 * saw it, response, redirect, backend, namespace) so a scenario reads side by side with its Go test.
 */

/** `namespace/name`. */
export type NamespacedName = `${string}/${string}`;

/** Runner groups: every scenario of a group shares one `serve` process and one set of echo backends. */
export type ScenarioGroup = 'core' | 'extended';

export interface Scenario {
  /** The upstream test's ShortName, e.g. `HTTPRouteMatching`. */
  readonly name: string;
  /** The upstream Go file under conformance/tests/, e.g. `httproute-matching.go`. */
  readonly source: string;
  /** The upstream test's `Features` (pkg/features names). */
  readonly features: readonly string[];
  /** Upstream manifests, relative to conformance/, applied after base/manifests.yaml. */
  readonly manifests: readonly string[];
  readonly group: ScenarioGroup;
  /**
   * Not run yet, and why. A feature is claimed only when none of its scenarios is skipped
   * (src/conformance/features.ts). `feature` names what has to land for it to run.
   */
  readonly skip?: { readonly feature: string; readonly reason: string };
  /** The Gateway requests go to, unless an exchange names another. Default: infra/same-namespace. */
  readonly gateway?: NamespacedName;
  /** Routes that must be Accepted with ResolvedRefs on `gateway` (and the Gateway Programmed). */
  readonly acceptedRoutes?: readonly NamespacedName[];
  /** Status conditions to assert, read from the admin API. */
  readonly status?: readonly StatusCheck[];
  /** Requests and what must come back. */
  readonly exchanges?: readonly Exchange[];
  /** Changes applied after the first round of checks, each followed by its own checks. */
  readonly then?: readonly Step[];
}

/** A change to the applied objects and the checks that follow it. */
export interface Step {
  /** Edits the scenario's objects (already rewritten for standalone) in place. */
  readonly edit: (objects: Record<string, unknown>[]) => void;
  readonly status?: readonly StatusCheck[];
  readonly exchanges?: readonly Exchange[];
}

/** `True`, `False`, or with a reason: `False/RefNotPermitted`. */
export type ConditionExpectation = string;

export interface StatusCheck {
  readonly kind: 'GatewayClass' | 'Gateway' | 'ListenerSet' | 'HTTPRoute' | 'ReferenceGrant';
  /** `namespace/name`, or the name alone for cluster-scoped kinds. */
  readonly name: string;
  /** Route parent entry to check (`namespace/name` of the Gateway or ListenerSet); default: the scenario's gateway. */
  readonly parent?: NamespacedName;
  /** Also: the parent's sectionName / port in the route's status, when the parentRef names one. */
  readonly sectionName?: string;
  /** Condition type → expectation, on the object (Gateway/GatewayClass/ListenerSet) or the route's parent entry. */
  readonly conditions?: Readonly<Record<string, ConditionExpectation>>;
  /** Per listener of a Gateway/ListenerSet: conditions and attachedRoutes. */
  readonly listeners?: Readonly<Record<string, { readonly conditions?: Readonly<Record<string, ConditionExpectation>>; readonly attachedRoutes?: number }>>;
  /** For routes: the route has no parent entry for `parent` at all (not ours to report). */
  readonly noParentStatus?: boolean;
  /** `status.observedGeneration` (objects) or the parent's conditions' observedGeneration must equal metadata.generation. */
  readonly observedGenerationCurrent?: boolean;
}

export interface Exchange {
  readonly request: {
    readonly host?: string;
    readonly method?: string;
    readonly path: string;
    readonly headers?: Readonly<Record<string, string>>;
  };
  /** The gateway to send to (default: the scenario's) and the upstream listener port (default 80). */
  readonly gateway?: NamespacedName;
  readonly port?: number;
  /** The request as the backend must see it; default: the request itself (path, method; host when set). */
  readonly expectedRequest?: {
    readonly host?: string;
    readonly method?: string;
    readonly path?: string;
    readonly headers?: Readonly<Record<string, string>>;
    readonly absentHeaders?: readonly string[];
  };
  readonly response?: {
    /** Default 200; any of a list. */
    readonly status?: number | readonly number[];
    readonly headers?: Readonly<Record<string, string>>;
    readonly absentHeaders?: readonly string[];
  };
  /** For 3xx: the parts of Location to compare (unset parts are not compared, as upstream). */
  readonly redirect?: { readonly scheme?: string; readonly host?: string; readonly port?: string; readonly path?: string };
  /** Pod name prefix of the backend that must answer (a 200 only). */
  readonly backend?: string;
  /** Its namespace; default gateway-conformance-infra. */
  readonly namespace?: string;
}
