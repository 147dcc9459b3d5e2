/** The translator's contract: a snapshot and options in; the IR and every owned object's status out. */
import type { Ir } from '../ir/index.ts';
import type { Condition } from '../api/index.ts';

export interface TranslateOptions {
  /** GatewayClasses with this `spec.controllerName` are ours. */
  readonly controllerName: string;
  /** The injected clock: RFC 3339 time used as lastTransitionTime for conditions that change now. */
  readonly now: string;
  /** Addresses a Gateway without `spec.addresses` binds on and reports (standalone: 127.0.0.1). */
  readonly defaultAddresses: readonly string[];
  /**
   * Addresses this data plane can bind. A Gateway's static IPAddress outside this set is reported
   * unusable (Programmed=False/AddressNotUsable). Undefined: any syntactically valid IP is usable.
   */
  readonly usableAddresses?: (address: string) => boolean;
  /**
   * The status last published for each object, by `objectKey`, so that conditions whose status,
   * reason and message did not change keep their lastTransitionTime. Kubernetes mode passes the
   * objects' current `.status`; standalone mode the previous translation's.
   */
  readonly previousStatuses?: ReadonlyMap<string, unknown>;
  /**
   * Sockets the data plane could not bind, by IR socket id (`HTTP/127.0.0.1:80`) → the reason
   * (e.g. "EACCES: permission denied"). Listeners on them are reported Accepted=False/PortUnavailable
   * and left out of the IR. The loop learns these from the data plane and translates again.
   */
  readonly unavailableSockets?: ReadonlyMap<string, string>;
  /**
   * Problems the data plane found serving a listener, by IR listener id → messages (a certificate
   * whose key does not match, a chain OpenSSL refuses). Reported as ResolvedRefs=False/
   * InvalidCertificateRef; the listener stays in the IR (its usable certificates keep serving).
   */
  readonly listenerProblems?: ReadonlyMap<string, readonly string[]>;
}

/** The computed status of one object Switchyard owns (or of its own parent entries in a route). */
export interface ObjectStatus {
  /** `objectKey` of the object. */
  readonly key: string;
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly generation: number;
  /** The whole `.status` as Kubernetes would hold it (routes: only Switchyard's parent entries). */
  readonly status: Record<string, unknown>;
}

export interface TranslateResult {
  readonly ir: Ir;
  /** Sorted by key. Objects of other controllers are absent. */
  readonly statuses: readonly ObjectStatus[];
}

export type { Condition };
