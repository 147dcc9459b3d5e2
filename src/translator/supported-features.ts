/**
 * The Gateway API conformance features Switchyard claims, published in every accepted
 * GatewayClass's `status.supportedFeatures` (the conformance suite runs the tests of each one).
 *
 * Not typed by hand: the list is generated (supported-features.generated.ts, by
 * `npm run conformance:table`) from the conformance table in src/conformance/features.ts over the
 * conformance scenario registry. A feature is claimed only when every upstream conformance
 * scenario that tests it exists and runs (so passes) against the real data plane; a drift test
 * fails when the generated list is stale. The README "Conformance" table comes from the same data.
 */
import { GENERATED_SUPPORTED_FEATURES } from './supported-features.generated.ts';

export interface SupportedFeature {
  /** The feature name as the conformance suite spells it (`pkg/features`). */
  readonly name: string;
  /** Core features every implementation must support; Extended ones are claimed one by one. */
  readonly support: 'Core' | 'Extended';
  /** One line for the README table. */
  readonly description: string;
}

export const SUPPORTED_FEATURES: readonly SupportedFeature[] = GENERATED_SUPPORTED_FEATURES;

/** `status.supportedFeatures`: objects `{name}`, sorted by name as the specification requires. */
export function supportedFeaturesStatus(): { name: string }[] {
  return SUPPORTED_FEATURES.map((f) => ({ name: f.name })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
