/**
 * The conformance table: every Gateway API feature (the upstream `pkg/features` names), its
 * profiles and support level, and — computed, never typed — whether Switchyard supports it.
 *
 * A feature is supported when every upstream conformance scenario that tests it exists in the
 * scenario registry (test/conformance/scenarios) and is not skipped; `npm test` runs every
 * scenario that is not skipped, so a supported feature is one whose scenarios all pass. A scenario
 * tests an Extended feature when it lists it, and a Core feature (Gateway, HTTPRoute,
 * ReferenceGrant) when it needs Core features only — as the upstream suite attributes them.
 *
 * `npm run conformance:table` turns this into the README table and the module behind the
 * GatewayClass `status.supportedFeatures` (src/translator/supported-features.generated.ts); tests
 * fail when either is stale. This module is pure data plus one function: no I/O.
 */

export type Profile = 'GATEWAY-HTTP' | 'GATEWAY-GRPC' | 'GATEWAY-TLS' | 'GATEWAY-TCP' | 'GATEWAY-UDP';

export interface Feature {
  readonly name: string;
  readonly support: 'Core' | 'Extended';
  readonly profiles: readonly Profile[];
  /** One line for the README table. */
  readonly description: string;
}

/** What the table needs of a scenario. */
export interface ScenarioSummary {
  readonly name: string;
  readonly features: readonly string[];
  readonly skip?: { readonly feature: string; readonly reason: string };
}

const HTTP: readonly Profile[] = ['GATEWAY-HTTP'];
const ALL_GATEWAY: readonly Profile[] = ['GATEWAY-HTTP', 'GATEWAY-GRPC', 'GATEWAY-TLS', 'GATEWAY-TCP', 'GATEWAY-UDP'];
const ext = (name: string, description: string, profiles: readonly Profile[] = HTTP): Feature => ({ name, support: 'Extended', profiles, description });

export const FEATURES: readonly Feature[] = [
  { name: 'Gateway', support: 'Core', profiles: ALL_GATEWAY, description: 'Gateways, listeners, addresses and their status' },
  { name: 'HTTPRoute', support: 'Core', profiles: HTTP, description: 'HTTP routing by host, path and header; filters of the core' },
  { name: 'ReferenceGrant', support: 'Core', profiles: ALL_GATEWAY, description: 'Cross-namespace references allowed by ReferenceGrants' },
  { name: 'GRPCRoute', support: 'Core', profiles: ['GATEWAY-GRPC'], description: 'gRPC routing' },
  { name: 'TLSRoute', support: 'Core', profiles: ['GATEWAY-TLS'], description: 'TLS passthrough routing by SNI' },
  { name: 'TCPRoute', support: 'Core', profiles: ['GATEWAY-TCP'], description: 'TCP forwarding' },
  { name: 'UDPRoute', support: 'Core', profiles: ['GATEWAY-UDP'], description: 'UDP forwarding' },
  ext('GatewayPort8080', 'Listeners on port 8080', ALL_GATEWAY),
  ext('GatewayStaticAddresses', 'spec.addresses honoured', ALL_GATEWAY),
  ext('GatewayHTTPListenerIsolation', 'Requests stay on the most specific listener', ALL_GATEWAY),
  ext('GatewayHTTPSListenerDetectMisdirectedRequests', '421 for requests whose Host does not match the TLS connection', ALL_GATEWAY),
  ext('GatewayInfrastructurePropagation', 'spec.infrastructure labels and annotations propagated', ALL_GATEWAY),
  ext('GatewayAddressEmpty', 'Addresses with a type and no value', ALL_GATEWAY),
  ext('GatewayBackendClientCertificate', 'Client certificate presented to TLS backends', ALL_GATEWAY),
  ext('GatewayFrontendClientCertificateValidation', 'Client certificates validated on HTTPS listeners', ALL_GATEWAY),
  ext('GatewayFrontendClientCertificateValidationInsecureFallback', 'AllowInsecureFallback validation mode', ALL_GATEWAY),
  ext('ListenerSet', 'ListenerSets attached to Gateways', ALL_GATEWAY),
  ext('HTTPRouteDestinationPortMatching', 'parentRef port selects the listener'),
  ext('HTTPRouteBackendRequestHeaderModification', 'RequestHeaderModifier on backendRefs'),
  ext('HTTPRouteQueryParamMatching', 'Query parameter matches'),
  ext('HTTPRouteMethodMatching', 'Method matches'),
  ext('HTTPRouteResponseHeaderModification', 'ResponseHeaderModifier'),
  ext('HTTPRoutePortRedirect', 'RequestRedirect port'),
  ext('HTTPRouteSchemeRedirect', 'RequestRedirect scheme'),
  ext('HTTPRoutePathRedirect', 'RequestRedirect path'),
  ext('HTTPRouteHostRewrite', 'URLRewrite hostname'),
  ext('HTTPRoutePathRewrite', 'URLRewrite path'),
  ext('HTTPRouteRequestMirror', 'RequestMirror'),
  ext('HTTPRouteRequestMultipleMirrors', 'Several RequestMirrors on one rule'),
  ext('HTTPRouteRequestPercentageMirror', 'RequestMirror percent and fraction'),
  ext('HTTPRouteRequestTimeout', 'timeouts.request'),
  ext('HTTPRouteBackendTimeout', 'timeouts.backendRequest'),
  ext('HTTPRouteParentRefPort', 'parentRef port'),
  ext('HTTPRouteBackendProtocolH2C', 'h2c backends (appProtocol kubernetes.io/h2c)'),
  ext('HTTPRouteBackendProtocolWebSocket', 'WebSocket backends (appProtocol kubernetes.io/ws)'),
  ext('HTTPRouteNamedRouteRule', 'Named route rules'),
  ext('HTTPRouteCORS', 'CORS filter'),
  ext('HTTPRoute303RedirectStatusCode', 'Redirect status 303'),
  ext('HTTPRoute307RedirectStatusCode', 'Redirect status 307'),
  ext('HTTPRoute308RedirectStatusCode', 'Redirect status 308'),
  ext('HTTPRouteRetry', 'Retries'),
  ext('HTTPRouteRetryBackendTimeout', 'Retries after backend timeouts'),
  ext('HTTPRouteRetryConnectionError', 'Retries after connection errors'),
  ext('HTTPRouteBackendURLRewrite', 'URLRewrite on backendRefs'),
  ext('HTTPRouteBackendRequestRedirect', 'RequestRedirect on backendRefs'),
  ext('BackendTLSPolicy', 'TLS to backends', ['GATEWAY-HTTP', 'GATEWAY-GRPC', 'GATEWAY-TLS']),
  ext('BackendTLSPolicySANValidation', 'subjectAltNames validation', ['GATEWAY-HTTP', 'GATEWAY-GRPC', 'GATEWAY-TLS']),
  ext('GRPCRouteNamedRouteRule', 'Named gRPC route rules', ['GATEWAY-GRPC']),
  ext('GRPCRouteRequestHeaderModifier', 'RequestHeaderModifier on gRPC routes', ['GATEWAY-GRPC']),
  ext('TLSRouteModeTerminate', 'TLSRoutes on Terminate listeners', ['GATEWAY-TLS']),
  ext('TLSRouteModeMixed', 'Passthrough and Terminate on one port', ['GATEWAY-TLS']),
];

const CORE = new Set(FEATURES.filter((f) => f.support === 'Core').map((f) => f.name));

export interface FeatureStatus {
  readonly feature: Feature;
  /** Scenarios that test it, by name. */
  readonly scenarios: readonly string[];
  /** Scenarios that test it and are skipped, with the reason. */
  readonly skipped: readonly { readonly name: string; readonly why: string }[];
  readonly supported: boolean;
}

/** Which scenarios test which feature, and whether the feature is supported (see the header). */
export function featureStatuses(scenarios: readonly ScenarioSummary[]): FeatureStatus[] {
  return FEATURES.map((feature) => {
    const testing = scenarios.filter((s) => s.features.includes(feature.name)
      && (feature.support === 'Extended' || s.features.every((f) => CORE.has(f))));
    const skipped = testing.filter((s) => s.skip).map((s) => ({ name: s.name, why: `${s.skip!.feature}: ${s.skip!.reason}` }));
    return { feature, scenarios: testing.map((s) => s.name), skipped, supported: testing.length > 0 && skipped.length === 0 };
  });
}
