/**
 * The translator's public face: `translate(snapshot, options)` turns a resource snapshot into the
 * IR the data plane serves and the status of every object Switchyard owns. Pure and
 * deterministic: the same snapshot (in any order) and options give the same result.
 */
export { translate } from './translate.ts';
export type { ObjectStatus, TranslateOptions, TranslateResult, Condition } from './types.ts';
/** The conformance features every accepted GatewayClass advertises (for docs generation). */
export { SUPPORTED_FEATURES, type SupportedFeature } from './supported-features.ts';
