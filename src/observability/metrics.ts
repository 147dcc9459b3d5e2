/**
 * The metrics registry shared by the control loop, the data plane and the admin API
 * (Prometheus text format at the admin API's /metrics).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export { Registry };

export interface ControlPlaneMetrics {
  readonly registry: Registry;
  readonly translations: Counter<'result'>;
  readonly translationSeconds: Histogram;
  readonly configErrors: Gauge;
  readonly resources: Gauge<'kind'>;
  readonly applySeconds: Histogram;
}

export function createControlPlaneMetrics(registry = new Registry(), withDefaults = true): ControlPlaneMetrics {
  if (withDefaults) collectDefaultMetrics({ register: registry, prefix: 'switchyard_process_' });
  return {
    registry,
    translations: new Counter({ name: 'switchyard_translations_total', help: 'Configuration translations by result', labelNames: ['result'], registers: [registry] }),
    translationSeconds: new Histogram({ name: 'switchyard_translation_duration_seconds', help: 'Time to translate a snapshot into the IR and statuses', buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5], registers: [registry] }),
    configErrors: new Gauge({ name: 'switchyard_config_errors', help: 'Configuration errors in the last load', registers: [registry] }),
    resources: new Gauge({ name: 'switchyard_resources', help: 'Loaded resources by kind', labelNames: ['kind'], registers: [registry] }),
    applySeconds: new Histogram({ name: 'switchyard_config_apply_duration_seconds', help: 'Time from a configuration change being seen to the data plane serving it', buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry] }),
  };
}
