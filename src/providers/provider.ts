/**
 * The Provider contract: a configuration source (files, a Kubernetes API server) that hands the
 * control loop complete object sets and, optionally, takes status back.
 *
 * Level-triggered, latest wins: every update is the whole configuration as the source sees it now,
 * never a delta, so a consumer that falls behind simply takes the newest and drops the rest.
 */
import type { KubeObject } from '../api/index.ts';
import type { SourcePosition } from '../store/index.ts';
import type { Diagnostic } from './diagnostics.ts';

/** An object and, when the source has files, where it was read. */
export interface SourcedObject {
  readonly object: KubeObject;
  readonly source?: SourcePosition;
}

/** What one file (or other unit of a source) contributed to an update. */
export interface SourceReport {
  readonly path: string;
  /** `failed`: unreadable or not valid YAML/JSON, so none of its objects could be read this time. */
  readonly status: 'loaded' | 'failed';
  /** Objects served from it (last-good versions included). */
  readonly objects: number;
  /** Objects of it rejected by this load (invalid, or duplicates of earlier ones). */
  readonly rejected: number;
  /** True when some objects served are last-good versions kept from an earlier load. */
  readonly lastGood: boolean;
}

/** One complete configuration. Objects are deeply frozen. */
export interface ConfigUpdate {
  readonly objects: readonly SourcedObject[];
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  readonly files: readonly SourceReport[];
}

/** Receives each new configuration; must not throw, and should return quickly (hand off, don't translate inline). */
export type ConfigSink = (update: ConfigUpdate) => void;

/** One object's computed status, for sources that store status (Kubernetes: the status subresource). */
export interface StatusWrite {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly status: Readonly<Record<string, unknown>>;
}

export interface Provider {
  readonly name: string;
  /**
   * Starts delivering configurations to `sink`. Resolves once the first one has been delivered;
   * keeps watching until `signal` aborts, then releases everything it holds.
   */
  start(sink: ConfigSink, signal: AbortSignal): Promise<void>;
  /** Publishes statuses, for sources that keep them; absent when the source has nowhere to write. */
  writeStatus?(batch: readonly StatusWrite[]): Promise<void>;
}
