/**
 * The string patterns the Gateway API CRDs and Kubernetes core validation use. The regular
 * expressions are the CRDs' own (their anchoring quirks included, e.g. an unanchored second
 * alternative in the listener protocol pattern): OpenAPI patterns are unanchored searches in Go and
 * in JavaScript alike, so `RegExp.test` accepts exactly what the API server accepts.
 */
import type { Pattern } from './schema.ts';

const SUBDOMAIN = String.raw`[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*`;

export const DNS_SUBDOMAIN: Pattern = {
  re: new RegExp(`^${SUBDOMAIN}$`),
  what: "a valid DNS-1123 subdomain (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit)",
};
export const DNS_LABEL: Pattern = {
  re: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
  what: "a valid DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit)",
};
/** Service names are RFC 1035 labels: they must start with a letter. */
export const DNS_1035_LABEL: Pattern = {
  re: /^[a-z]([-a-z0-9]*[a-z0-9])?$/,
  what: "a valid DNS-1035 label (lowercase letters, digits and '-', starting with a letter)",
};
export const HOSTNAME: Pattern = { re: new RegExp(`^${SUBDOMAIN}$`), what: 'a valid hostname (RFC 1123, no wildcard)' };
export const WILDCARD_HOSTNAME: Pattern = {
  re: new RegExp(String.raw`^(\*\.)?${SUBDOMAIN}$`),
  what: 'a valid hostname (RFC 1123, lowercase, optionally starting with "*.")',
};
export const GROUP: Pattern = { re: new RegExp(`^$|^${SUBDOMAIN}$`), what: 'a valid API group (empty for the core group, else a DNS subdomain)' };
export const KIND: Pattern = { re: /^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/, what: 'a valid kind (letters, digits and -, starting with a letter)' };
export const SECTION_NAME: Pattern = { re: new RegExp(`^${SUBDOMAIN}$`), what: 'a valid section name (DNS-1123 subdomain)' };

export const HEADER_NAME: Pattern = { re: /^[A-Za-z0-9!#$%&'*+\-.^_\x60|~]+$/, what: 'a valid HTTP header name (RFC 7230 token)' };
/** Experimental channel: printable ASCII, single spaces or tabs between words, no leading/trailing blanks. */
export const HEADER_VALUE: Pattern = { re: /^[!-~]+([\t ]?[!-~]+)*$/, what: 'a valid header value (printable ASCII, no leading, trailing or repeated blanks)' };
export const DURATION: Pattern = {
  re: /^([0-9]{1,5}(h|m|s|ms)){1,4}$/,
  what: 'a valid Gateway API duration (1 to 4 groups of up to 5 digits followed by h, m, s or ms, e.g. "1m30s" or "500ms")',
};
export const PATH_CHARACTERS: Pattern = {
  re: /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|[%][0-9a-fA-F]{2})+$/,
  what: "a valid path (RFC 3986 path characters and %-escapes only)",
};
export const CONTROLLER_NAME: Pattern = {
  re: new RegExp(String.raw`^${SUBDOMAIN}\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$`),
  what: 'a valid controller name (a domain-prefixed path such as "example.com/gateway-controller")',
};
export const LISTENER_PROTOCOL: Pattern = {
  re: new RegExp(String.raw`^[a-zA-Z0-9]([-a-zA-Z0-9]*[a-zA-Z0-9])?$|${SUBDOMAIN}\/[A-Za-z0-9]+$`),
  what: 'a valid protocol (HTTP, HTTPS, TLS, TCP, UDP or a domain-prefixed name)',
};
export const ADDRESS_TYPE: Pattern = {
  re: new RegExp(String.raw`^Hostname|IPAddress|NamedAddress|${SUBDOMAIN}\/[A-Za-z0-9\/\-._~%!$&'()*+,;=:]+$`),
  what: 'a valid address type (IPAddress, Hostname, NamedAddress or a domain-prefixed name)',
};
export const CORS_ORIGIN: Pattern = {
  re: /(^\*$)|(^(http(s)?):\/\/(((\*\.)?([a-zA-Z0-9\-]+\.)*[a-zA-Z0-9-]+|\*)(:([0-9]{1,5}))?)$)/,
  what: 'a valid origin ("*" or scheme://host[:port], host optionally starting with "*.")',
};
export const WELL_KNOWN_CA: Pattern = {
  re: new RegExp(String.raw`^(System|(${SUBDOMAIN}/([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]))$`),
  what: 'a valid well-known CA set ("System" or a domain-prefixed name)',
};
export const SAN_URI: Pattern = { re: /^(([^:/?#]+):)(\/\/([^/?#]*))([^?#]*)(\?([^#]*))?(#(.*))?/, what: 'a valid URI (scheme://authority/path)' };

/** Label and annotation keys: an optional DNS subdomain prefix and a name of up to 63 characters. */
export const QUALIFIED_NAME: Pattern = {
  re: new RegExp(String.raw`^(${SUBDOMAIN}/)?([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9]$`),
  what: 'a valid key (optional DNS subdomain prefix and "/", then up to 63 letters, digits, "-", "_" or ".")',
};
export const LABEL_VALUE: Pattern = {
  re: /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/,
  what: 'a valid label value (up to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit)',
};
/** Secret and ConfigMap keys. */
export const CONFIG_KEY: Pattern = { re: /^[-._a-zA-Z0-9]+$/, what: 'a valid key (letters, digits, "-", "_" and ".")' };
/** IANA service names, as a Service's targetPort or an EndpointSlice port name may be. */
export const PORT_NAME: Pattern = { re: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, what: 'a valid port name (DNS-1123 label)' };
export const GRPC_SERVICE: Pattern = { re: /^\.?[a-z_][a-z_0-9]*(\.[a-z_][a-z_0-9]*)*$/i, what: 'a valid gRPC service name' };
export const GRPC_METHOD: Pattern = { re: /^[A-Za-z_][A-Za-z_0-9]*$/, what: 'a valid gRPC method name' };

/** Milliseconds of a Gateway API duration already known to match DURATION. */
export function durationMs(duration: string): number {
  const unit = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const;
  let total = 0;
  for (const [, digits, u] of duration.matchAll(/([0-9]+)(ms|h|m|s)/g)) total += Number(digits) * unit[u as keyof typeof unit];
  return total;
}
