/**
 * The scenario registry: the upstream GATEWAY-HTTP conformance tests, one file each, named after
 * its upstream Go file (a file may export the several tests its Go file declares).
 * src/conformance/features.ts computes which features Switchyard supports from this list.
 */
import type { Scenario } from '../harness/scenario.ts';
import backendtlspolicyConflictResolution from './backendtlspolicy-conflict-resolution.ts';
import backendtlspolicyGrpcroute from './backendtlspolicy-grpcroute.ts';
import backendtlspolicyInvalidCaCertificateRef from './backendtlspolicy-invalid-ca-certificate-ref.ts';
import backendtlspolicyInvalidKind from './backendtlspolicy-invalid-kind.ts';
import backendtlspolicyObservedGenerationBump from './backendtlspolicy-observed-generation-bump.ts';
import backendtlspolicySan from './backendtlspolicy-san.ts';
import backendtlspolicyTlsrouteTerminate from './backendtlspolicy-tlsroute-terminate.ts';
import backendtlspolicy from './backendtlspolicy.ts';
import gatewayHttpListenerIsolation from './gateway-http-listener-isolation.ts';
import gatewayInfrastructure from './gateway-infrastructure.ts';
import gatewayInvalidDefaultFrontendClientCertificateValidation from './gateway-invalid-default-frontend-client-certificate-validation.ts';
import gatewayInvalidListenersUnsupportedProtocol from './gateway-invalid-listeners-unsupported-protocol.ts';
import gatewayInvalidParametersRef from './gateway-invalid-parameters-ref.ts';
import gatewayInvalidRouteKind from './gateway-invalid-route-kind.ts';
import gatewayInvalidTlsBackendConfiguration from './gateway-invalid-tls-backend-configuration.ts';
import gatewayInvalidTlsConfiguration from './gateway-invalid-tls-configuration.ts';
import gatewayModifyListeners from './gateway-modify-listeners.ts';
import gatewayNameMaximumLength from './gateway-name-maximum-length.ts';
import gatewayObservedGenerationBump from './gateway-observed-generation-bump.ts';
import gatewayOptionalAddressValue from './gateway-optional-address-value.ts';
import gatewaySecretInvalidReferenceGrant from './gateway-secret-invalid-reference-grant.ts';
import gatewaySecretMissingReferenceGrant from './gateway-secret-missing-reference-grant.ts';
import gatewaySecretReferenceGrantAllInNamespace from './gateway-secret-reference-grant-all-in-namespace.ts';
import gatewaySecretReferenceGrantSpecific from './gateway-secret-reference-grant-specific.ts';
import gatewayStaticAddresses from './gateway-static-addresses.ts';
import gatewayTlsBackendClientCertificate from './gateway-tls-backend-client-certificate.ts';
import gatewayWithAttachedRoutes from './gateway-with-attached-routes.ts';
import gatewayWithClientcertificateValidationInsecureFallback from './gateway-with-clientcertificate-validation-insecure-fallback.ts';
import gatewayWithClientcertificateValidation from './gateway-with-clientcertificate-validation.ts';
import gatewayWithInvalidClientcertificateValidation from './gateway-with-invalid-clientcertificate-validation.ts';
import gatewayclassObservedGenerationBump from './gatewayclass-observed-generation-bump.ts';
import httproute303Redirect from './httproute-303-redirect.ts';
import httproute307Redirect from './httproute-307-redirect.ts';
import httproute308Redirect from './httproute-308-redirect.ts';
import httprouteBackendProtocolH2c from './httproute-backend-protocol-h2c.ts';
import httprouteBackendProtocolWebsocket from './httproute-backend-protocol-websocket.ts';
import httprouteBackendRequestRedirect from './httproute-backend-request-redirect.ts';
import httprouteBackendUrlRewrite from './httproute-backend-url-rewrite.ts';
import httprouteCors from './httproute-cors.ts';
import httprouteCrossNamespace from './httproute-cross-namespace.ts';
import httprouteExactPathMatching from './httproute-exact-path-matching.ts';
import httprouteHeaderMatching from './httproute-header-matching.ts';
import httprouteHostnameIntersection from './httproute-hostname-intersection.ts';
import httprouteHttpsListenerDetectMisdirectedRequests from './httproute-https-listener-detect-misdirected-requests.ts';
import httprouteHttpsListener from './httproute-https-listener.ts';
import httprouteInvalidBackendrefUnknownKind from './httproute-invalid-backendref-unknown-kind.ts';
import httprouteInvalidCrossNamespaceBackendRef from './httproute-invalid-cross-namespace-backend-ref.ts';
import httprouteInvalidCrossNamespaceParentRef from './httproute-invalid-cross-namespace-parent-ref.ts';
import httprouteInvalidNonexistentBackendref from './httproute-invalid-nonexistent-backendref.ts';
import httprouteInvalidParentrefNotMatchingListenerPort from './httproute-invalid-parentref-not-matching-listener-port.ts';
import httprouteInvalidParentrefNotMatchingSectionName from './httproute-invalid-parentref-not-matching-section-name.ts';
import httprouteInvalidParentrefSectionNameNotMatchingPort from './httproute-invalid-parentref-section-name-not-matching-port.ts';
import httprouteInvalidReferenceGrant from './httproute-invalid-reference-grant.ts';
import httprouteListenerHostnameMatching from './httproute-listener-hostname-matching.ts';
import httprouteListenerPortMatching from './httproute-listener-port-matching.ts';
import httprouteMatchingAcrossRoutes from './httproute-matching-across-routes.ts';
import httprouteMatching from './httproute-matching.ts';
import httprouteMethodMatching from './httproute-method-matching.ts';
import httprouteMultipleGateways from './httproute-multiple-gateways.ts';
import httprouteNamedRule from './httproute-named-rule.ts';
import httprouteObservedGenerationBump from './httproute-observed-generation-bump.ts';
import httprouteOmittedBackendrefs from './httproute-omitted-backendrefs.ts';
import httproutePartiallyInvalidViaInvalidReferenceGrant from './httproute-partially-invalid-via-invalid-reference-grant.ts';
import httproutePathMatchOrder from './httproute-path-match-order.ts';
import httprouteQueryParamMatching from './httproute-query-param-matching.ts';
import httprouteRedirectHostAndStatus from './httproute-redirect-host-and-status.ts';
import httprouteRedirectPath from './httproute-redirect-path.ts';
import httprouteRedirectPortAndScheme from './httproute-redirect-port-and-scheme.ts';
import httprouteRedirectPort from './httproute-redirect-port.ts';
import httprouteRedirectScheme from './httproute-redirect-scheme.ts';
import httprouteReferenceGrant from './httproute-reference-grant.ts';
import httprouteRequestHeaderModifierBackendWeights from './httproute-request-header-modifier-backend-weights.ts';
import httprouteRequestHeaderModifier from './httproute-request-header-modifier.ts';
import httprouteRequestMirror from './httproute-request-mirror.ts';
import httprouteRequestMultipleMirrors from './httproute-request-multiple-mirrors.ts';
import httprouteRequestPercentageMirror from './httproute-request-percentage-mirror.ts';
import httprouteResponseHeaderModifier from './httproute-response-header-modifier.ts';
import httprouteRetryConnectionError from './httproute-retry-connection-error.ts';
import httprouteRetryWithTimeouts from './httproute-retry-with-timeouts.ts';
import httprouteRetry from './httproute-retry.ts';
import httprouteRewriteHost from './httproute-rewrite-host.ts';
import httprouteRewritePath from './httproute-rewrite-path.ts';
import httprouteServiceTypes from './httproute-service-types.ts';
import httprouteSimpleSameNamespace from './httproute-simple-same-namespace.ts';
import httprouteTimeoutBackendRequest from './httproute-timeout-backend-request.ts';
import httprouteTimeoutRequest from './httproute-timeout-request.ts';
import httprouteWeight from './httproute-weight.ts';
import listenersetAllowedNamespaceNone from './listenerset-allowed-namespace-none.ts';
import listenersetAllowedNamespaceSame from './listenerset-allowed-namespace-same.ts';
import listenersetAllowedNamespaceSelector from './listenerset-allowed-namespace-selector.ts';
import listenersetAllowedRoutesNamespaces from './listenerset-allowed-routes-namespaces.ts';
import listenersetDefaultNotAllowed from './listenerset-default-not-allowed.ts';
import listenersetDualParentrefIndependence from './listenerset-dual-parentref-independence.ts';
import listenersetGatewayParentSectionNameNotFound from './listenerset-gateway-parent-section-name-not-found.ts';
import listenersetHostnameConflict from './listenerset-hostname-conflict.ts';
import listenersetHttpRouting from './listenerset-http-routing.ts';
import listenersetProtocolConflict from './listenerset-protocol-conflict.ts';
import listenersetReferenceGrant from './listenerset-reference-grant.ts';
import listenersetRouteStatusScopedToParentref from './listenerset-route-status-scoped-to-parentref.ts';
import grpcrouteExactMethodMatching from './grpcroute-exact-method-matching.ts';
import grpcrouteHeaderMatching from './grpcroute-header-matching.ts';
import grpcrouteListenerHostnameMatching from './grpcroute-listener-hostname-matching.ts';
import grpcrouteNamedRule from './grpcroute-named-rule.ts';
import grpcrouteRequestHeaderModifier from './grpcroute-request-header-modifier.ts';
import grpcrouteWeight from './grpcroute-weight.ts';
import tcprouteInvalidBackendrefNonexistent from './tcproute-invalid-backendref-nonexistent.ts';
import tcprouteInvalidCrossNamespaceBackendRef from './tcproute-invalid-cross-namespace-backend-ref.ts';
import tcprouteInvalidNonTcpListener from './tcproute-invalid-non-tcp-listener.ts';
import tcprouteMultipleRoutesAttachment from './tcproute-multiple-routes-attachment.ts';
import tcprouteParentrefAttachAll from './tcproute-parentref-attach-all.ts';
import tcprouteParentrefPortAndSectionName from './tcproute-parentref-port-and-section-name.ts';
import tcprouteReferenceGrant from './tcproute-reference-grant.ts';
import tcprouteWeightedRouting from './tcproute-weighted-routing.ts';
import tlsrouteHostnameIntersection from './tlsroute-hostname-intersection.ts';
import tlsrouteInvalidBackendrefNonexistent from './tlsroute-invalid-backendref-nonexistent.ts';
import tlsrouteInvalidBackendrefUnknownKind from './tlsroute-invalid-backendref-unknown-kind.ts';
import tlsrouteInvalidNoMatchingListener from './tlsroute-invalid-no-matching-listener.ts';
import tlsrouteInvalidNoMatchingListenerHostname from './tlsroute-invalid-no-matching-listener-hostname.ts';
import tlsrouteInvalidReferenceGrant from './tlsroute-invalid-reference-grant.ts';
import tlsrouteListenerMixedTerminationNotSupported from './tlsroute-listener-mixed-termination-not-supported.ts';
import tlsrouteListenerPassthroughSupportedKinds from './tlsroute-listener-passthrough-supported-kinds.ts';
import tlsrouteListenerTerminateNotSupported from './tlsroute-listener-terminate-not-supported.ts';
import tlsrouteListenerTerminateSupportedKinds from './tlsroute-listener-terminate-supported-kinds.ts';
import tlsrouteMixedTerminationSameNamespace from './tlsroute-mixed-termination-same-namespace.ts';
import tlsrouteSimpleSameNamespace from './tlsroute-simple-same-namespace.ts';
import tlsrouteTerminateSimpleSameNamespace from './tlsroute-terminate-simple-same-namespace.ts';
import udprouteInvalidBackendrefNonexistent from './udproute-invalid-backendref-nonexistent.ts';
import udprouteInvalidCrossNamespaceBackendRef from './udproute-invalid-cross-namespace-backend-ref.ts';
import udprouteMultipleRoutesAttachment from './udproute-multiple-routes-attachment.ts';
import udprouteNotAllowedByListeners from './udproute-not-allowed-by-listeners.ts';
import udprouteParentrefAttachAllListeners from './udproute-parentref-attach-all-listeners.ts';
import udprouteParentrefPortAndSectionName from './udproute-parentref-port-and-section-name.ts';
import udprouteReferenceGrant from './udproute-reference-grant.ts';
import udprouteSimple from './udproute-simple.ts';
import udprouteWeightedRouting from './udproute-weighted-routing.ts';

export const SCENARIOS: readonly Scenario[] = [
  backendtlspolicyConflictResolution,
  backendtlspolicyGrpcroute,
  backendtlspolicyInvalidCaCertificateRef,
  backendtlspolicyInvalidKind,
  backendtlspolicyObservedGenerationBump,
  backendtlspolicySan,
  backendtlspolicyTlsrouteTerminate,
  backendtlspolicy,
  gatewayHttpListenerIsolation,
  gatewayInfrastructure,
  gatewayInvalidDefaultFrontendClientCertificateValidation,
  gatewayInvalidListenersUnsupportedProtocol,
  gatewayInvalidParametersRef,
  gatewayInvalidRouteKind,
  gatewayInvalidTlsBackendConfiguration,
  gatewayInvalidTlsConfiguration,
  gatewayModifyListeners,
  gatewayNameMaximumLength,
  gatewayObservedGenerationBump,
  gatewayOptionalAddressValue,
  gatewaySecretInvalidReferenceGrant,
  gatewaySecretMissingReferenceGrant,
  gatewaySecretReferenceGrantAllInNamespace,
  gatewaySecretReferenceGrantSpecific,
  gatewayStaticAddresses,
  gatewayTlsBackendClientCertificate,
  gatewayWithAttachedRoutes,
  gatewayWithClientcertificateValidationInsecureFallback,
  gatewayWithClientcertificateValidation,
  gatewayWithInvalidClientcertificateValidation,
  gatewayclassObservedGenerationBump,
  httproute303Redirect,
  httproute307Redirect,
  httproute308Redirect,
  httprouteBackendProtocolH2c,
  httprouteBackendProtocolWebsocket,
  httprouteBackendRequestRedirect,
  httprouteBackendUrlRewrite,
  httprouteCors,
  httprouteCrossNamespace,
  httprouteExactPathMatching,
  httprouteHeaderMatching,
  httprouteHostnameIntersection,
  httprouteHttpsListenerDetectMisdirectedRequests,
  httprouteHttpsListener,
  httprouteInvalidBackendrefUnknownKind,
  httprouteInvalidCrossNamespaceBackendRef,
  httprouteInvalidCrossNamespaceParentRef,
  httprouteInvalidNonexistentBackendref,
  httprouteInvalidParentrefNotMatchingListenerPort,
  httprouteInvalidParentrefNotMatchingSectionName,
  httprouteInvalidParentrefSectionNameNotMatchingPort,
  httprouteInvalidReferenceGrant,
  httprouteListenerHostnameMatching,
  httprouteListenerPortMatching,
  httprouteMatchingAcrossRoutes,
  httprouteMatching,
  httprouteMethodMatching,
  httprouteMultipleGateways,
  httprouteNamedRule,
  httprouteObservedGenerationBump,
  httprouteOmittedBackendrefs,
  httproutePartiallyInvalidViaInvalidReferenceGrant,
  httproutePathMatchOrder,
  httprouteQueryParamMatching,
  httprouteRedirectHostAndStatus,
  httprouteRedirectPath,
  httprouteRedirectPortAndScheme,
  httprouteRedirectPort,
  httprouteRedirectScheme,
  httprouteReferenceGrant,
  httprouteRequestHeaderModifierBackendWeights,
  httprouteRequestHeaderModifier,
  httprouteRequestMirror,
  httprouteRequestMultipleMirrors,
  httprouteRequestPercentageMirror,
  httprouteResponseHeaderModifier,
  httprouteRetryConnectionError,
  httprouteRetryWithTimeouts,
  httprouteRetry,
  httprouteRewriteHost,
  httprouteRewritePath,
  httprouteServiceTypes,
  httprouteSimpleSameNamespace,
  httprouteTimeoutBackendRequest,
  httprouteTimeoutRequest,
  httprouteWeight,
  listenersetAllowedNamespaceNone,
  listenersetAllowedNamespaceSame,
  listenersetAllowedNamespaceSelector,
  listenersetAllowedRoutesNamespaces,
  listenersetDefaultNotAllowed,
  listenersetDualParentrefIndependence,
  listenersetGatewayParentSectionNameNotFound,
  listenersetHostnameConflict,
  listenersetHttpRouting,
  listenersetProtocolConflict,
  listenersetReferenceGrant,
  listenersetRouteStatusScopedToParentref,
  grpcrouteExactMethodMatching,
  grpcrouteHeaderMatching,
  grpcrouteListenerHostnameMatching,
  grpcrouteNamedRule,
  grpcrouteRequestHeaderModifier,
  grpcrouteWeight,
  tcprouteInvalidBackendrefNonexistent,
  tcprouteInvalidCrossNamespaceBackendRef,
  tcprouteInvalidNonTcpListener,
  tcprouteMultipleRoutesAttachment,
  tcprouteParentrefAttachAll,
  tcprouteParentrefPortAndSectionName,
  tcprouteReferenceGrant,
  tcprouteWeightedRouting,
  tlsrouteHostnameIntersection,
  tlsrouteInvalidBackendrefNonexistent,
  tlsrouteInvalidBackendrefUnknownKind,
  tlsrouteInvalidNoMatchingListener,
  tlsrouteInvalidNoMatchingListenerHostname,
  tlsrouteInvalidReferenceGrant,
  tlsrouteListenerMixedTerminationNotSupported,
  tlsrouteListenerPassthroughSupportedKinds,
  tlsrouteListenerTerminateNotSupported,
  tlsrouteListenerTerminateSupportedKinds,
  tlsrouteMixedTerminationSameNamespace,
  tlsrouteSimpleSameNamespace,
  tlsrouteTerminateSimpleSameNamespace,
  udprouteInvalidBackendrefNonexistent,
  udprouteInvalidCrossNamespaceBackendRef,
  udprouteMultipleRoutesAttachment,
  udprouteNotAllowedByListeners,
  udprouteParentrefAttachAllListeners,
  udprouteParentrefPortAndSectionName,
  udprouteReferenceGrant,
  udprouteSimple,
  udprouteWeightedRouting,
].flat();
