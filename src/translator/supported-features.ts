/**
 * The Gateway API conformance features Switchyard claims, published in every accepted
 * GatewayClass's `status.supportedFeatures` (the conformance suite runs the tests of each one).
 *
 * Keep this list honest: a feature goes in only when the translator and the data plane both serve
 * it end to end. The foundation serves the core of the Gateway API; later work adds extended
 * features as they land. A README table can be generated from this list.
 */

export interface SupportedFeature {
  /** The feature name as the conformance suite spells it (`pkg/features`). */
  readonly name: string;
  /** Core features every implementation must support; Extended ones are claimed one by one. */
  readonly support: 'Core' | 'Extended';
  /** One line for the README table. */
  readonly description: string;
}

export const SUPPORTED_FEATURES: readonly SupportedFeature[] = [
  { name: 'Gateway', support: 'Core', description: 'Gateways with HTTP, HTTPS, TLS, TCP and UDP listeners' },
  { name: 'HTTPRoute', support: 'Core', description: 'HTTP routing by host, path, header and query' },
  { name: 'ReferenceGrant', support: 'Core', description: 'Cross-namespace references allowed by ReferenceGrants' },
];

/** `status.supportedFeatures`: objects `{name}`, sorted by name as the specification requires. */
export function supportedFeaturesStatus(): { name: string }[] {
  return SUPPORTED_FEATURES.map((f) => ({ name: f.name })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
