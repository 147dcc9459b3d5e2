import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectCase } from './check.test-util.ts';

type Rule = Record<string, unknown>;
const route = (rules: Rule[], spec: Record<string, unknown> = {}) => ({
  apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute',
  metadata: { name: 'r', namespace: 'demo' },
  spec: { parentRefs: [{ name: 'gw' }], rules, ...spec },
});
const backend = { name: 'svc', port: 8080 };
const path = (type: string | undefined, value?: string) => ({ matches: [{ path: { ...(type && { type }), ...(value !== undefined && { value }) } }], backendRefs: [backend] });
const filter = (f: Record<string, unknown>, extra: Rule = {}) => ({ filters: [f], backendRefs: [backend], ...extra });
const redirect = { type: 'RequestRedirect', requestRedirect: { statusCode: 301 } };
const rewritePrefix = { type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/v2' } } };
const headers = { set: [{ name: 'x-a', value: 'b' }] };

const CASES: [string, ReturnType<typeof route>, RegExp | undefined][] = [
  ['a plain route', route([{ backendRefs: [backend] }]), undefined],
  ['an explicit empty rules list (the default applies only when rules is absent)', route([]), /spec\.rules: must have at least 1 item/],
  ['Exact path', route([path('Exact', '/a/b')]), undefined],
  ['path without a leading slash', route([path('PathPrefix', 'api')]), /matches\[0\]\.path\.value: must be an absolute path and start with "\/"/],
  ['default type is PathPrefix, so the slash rule applies', route([path(undefined, 'api')]), /must be an absolute path/],
  ['default value "/" is fine', route([path('Exact')]), undefined],
  ['"//" in a path', route([path('PathPrefix', '/a//b')]), /must not contain "\/\/"/],
  ['"/./" in a path', route([path('Exact', '/a/./b')]), /must not contain "\/\.\/"/],
  ['"%2F" in a path', route([path('Exact', '/a%2Fb')]), /must not contain "%2F"/],
  ['"#" in a path', route([path('Exact', '/a#b')]), /must not contain "#"/],
  ['a path ending in "/.."', route([path('PathPrefix', '/a/..')]), /must not end with "\/\.\."/],
  ['a space in a path', route([path('Exact', '/a b')]), /must only contain valid characters/],
  ['regular expressions are not path-checked', route([path('RegularExpression', '^/a+(b|c)$')]), undefined],
  ['an unknown path type', route([path('Regex', '/a')]), /path\.type: "Regex" is not one of/],
  ['a bad header name in a match', route([{ matches: [{ headers: [{ name: 'bad header', value: 'v' }] }] }]), /headers\[0\]\.name: "bad header" is not a valid HTTP header name/],
  ['duplicate header matches', route([{ matches: [{ headers: [{ name: 'a', value: '1' }, { name: 'a', value: '2' }] }] }]), /headers\[1\]: duplicate entry/],
  ['an unknown method', route([{ matches: [{ method: 'FETCH' }] }]), /method: "FETCH" is not one of/],
  ['too many hostnames', route([{}], { hostnames: Array.from({ length: 17 }, (_, i) => `h${i}.example.com`) }), /spec\.hostnames: must have at most 16 items/],
  ['an uppercase hostname', route([{}], { hostnames: ['Example.com'] }), /hostnames\[0\]: "Example\.com" is not a valid hostname/],
  ['a wildcard hostname', route([{}], { hostnames: ['*.example.com'] }), undefined],
  ['a Service backend without a port', route([{ backendRefs: [{ name: 'svc' }] }]), /backendRefs\[0\]\.port: must have port for Service reference/],
  ['a non-Service backend without a port', route([{ backendRefs: [{ group: 'example.com', kind: 'Bucket', name: 'b' }] }]), undefined],
  ['a weight out of range', route([{ backendRefs: [{ ...backend, weight: 1_000_001 }] }]), /weight: must be at most 1000000/],
  ['a port out of range', route([{ backendRefs: [{ name: 'svc', port: 70000 }] }]), /port: must be at most 65535/],
  ['a port written as a string', route([{ backendRefs: [{ name: 'svc', port: '80' }] }]), /port: must be an integer \(got string\)/],
  ['RequestHeaderModifier with its field', route([filter({ type: 'RequestHeaderModifier', requestHeaderModifier: headers })]), undefined],
  ['RequestHeaderModifier without its field', route([filter({ type: 'RequestHeaderModifier' })]), /filters\[0\]\.requestHeaderModifier: requestHeaderModifier must be specified for filter type RequestHeaderModifier/],
  ['a field of another filter type', route([filter({ type: 'ResponseHeaderModifier', responseHeaderModifier: headers, requestHeaderModifier: headers })]), /filters\[0\]\.requestHeaderModifier: requestHeaderModifier must not be set when the filter type is ResponseHeaderModifier/],
  ['RequestHeaderModifier twice', route([{ filters: [{ type: 'RequestHeaderModifier', requestHeaderModifier: headers }, { type: 'RequestHeaderModifier', requestHeaderModifier: headers }] }]), /filters\[1\]: RequestHeaderModifier filter cannot be repeated/],
  ['two mirrors are fine', route([{ filters: [1, 2].map((i) => ({ type: 'RequestMirror', requestMirror: { backendRef: { name: `m${i}`, port: 80 } } })), backendRefs: [backend] }]), undefined],
  ['a mirror with percent and fraction', route([filter({ type: 'RequestMirror', requestMirror: { backendRef: { name: 'm', port: 80 }, percent: 5, fraction: { numerator: 1 } } })]), /only one of percent or fraction/],
  ['a mirror fraction above 1', route([filter({ type: 'RequestMirror', requestMirror: { backendRef: { name: 'm', port: 80 }, fraction: { numerator: 3, denominator: 2 } } })]), /numerator must be less than or equal to denominator/],
  ['RequestRedirect and URLRewrite together', route([{ filters: [redirect, { type: 'URLRewrite', urlRewrite: { hostname: 'a.example.com' } }] }]), /either a RequestRedirect or a URLRewrite filter, but not both/],
  ['RequestRedirect with backendRefs', route([filter(redirect)]), /filters\[0\]: a RequestRedirect filter must not be used together with backendRefs/],
  ['a bad redirect status code', route([{ filters: [{ type: 'RequestRedirect', requestRedirect: { statusCode: 305 } }] }]), /statusCode: 305 is not one of 301, 302, 303, 307, 308/],
  ['ReplacePrefixMatch with one PathPrefix match', route([filter(rewritePrefix, { matches: [{ path: { type: 'PathPrefix', value: '/v1' } }] })]), undefined],
  ['ReplacePrefixMatch with the default match', route([filter(rewritePrefix)]), undefined],
  ['ReplacePrefixMatch with an Exact match', route([filter(rewritePrefix, { matches: [{ path: { type: 'Exact', value: '/v1' } }] })]), /rules\[0\]\.matches: when using a URLRewrite filter with path\.replacePrefixMatch, exactly one PathPrefix match/],
  ['ReplacePrefixMatch in a backend filter with two matches', route([{ matches: [{ path: { value: '/a' } }, { path: { value: '/b' } }], backendRefs: [{ ...backend, filters: [rewritePrefix] }] }]), /URLRewrite filter in backendRefs\[0\] with path\.replacePrefixMatch, exactly one PathPrefix match/],
  ['a redirect path type without its field', route([{ filters: [{ type: 'RequestRedirect', requestRedirect: { path: { type: 'ReplaceFullPath' } } }] }]), /path\.replaceFullPath: replaceFullPath must be specified when type is set to 'ReplaceFullPath'/],
  ['a rewrite path field of the other type', route([filter({ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplaceFullPath', replaceFullPath: '/x', replacePrefixMatch: '/y' } } })]), /type must be 'ReplacePrefixMatch' when replacePrefixMatch is set/],
  ['CORS with "*" and another origin', route([filter({ type: 'CORS', cors: { allowOrigins: ['*', 'https://a.example.com'] } })]), /allowOrigins cannot contain '\*' alongside other values/],
  ['CORS with a bad origin', route([filter({ type: 'CORS', cors: { allowOrigins: ['a.example.com'] } })]), /is not a valid origin/],
  ['ExternalAuth HTTP without http', route([filter({ type: 'ExternalAuth', externalAuth: { protocol: 'HTTP', backendRef: { name: 'auth', port: 80 } } })]), /http must be specified when protocol is set to 'HTTP'/],
  ['timeouts: backendRequest longer than request', route([{ timeouts: { request: '10s', backendRequest: '1m' } }]), /backendRequest timeout cannot be longer than request timeout/],
  ['timeouts: request 0s disables the limit', route([{ timeouts: { request: '0s', backendRequest: '1m' } }]), undefined],
  ['timeouts: a bad duration', route([{ timeouts: { request: '1.5s' } }]), /request: "1\.5s" is not a valid Gateway API duration/],
  ['retry codes out of range', route([{ retry: { codes: [302] } }]), /codes\[0\]: must be at least 400/],
  ['duplicate rule names', route([{ name: 'a' }, { name: 'a' }]), /rules\[1\]\.name: rule name must be unique/],
  ['more than 128 matches in all', route(Array.from({ length: 3 }, () => ({ matches: Array.from({ length: 50 }, () => ({ path: { value: '/' } })) }))), /total number of matches across all rules must be at most 128 \(has 150\)/],
  ['two refs to one parent without sectionName', route([{}], { parentRefs: [{ name: 'gw' }, { name: 'gw', sectionName: 'http' }] }), /parentRefs\[1\]: sectionName or port must be specified/],
  ['two refs to one parent, same sectionName', route([{}], { parentRefs: [{ name: 'gw', sectionName: 'a' }, { name: 'gw', sectionName: 'a' }] }), /parentRefs\[1\]: sectionName or port must be unique/],
  ['two refs to one parent, distinct sections', route([{}], { parentRefs: [{ name: 'gw', sectionName: 'a' }, { name: 'gw', sectionName: 'b' }] }), undefined],
  ['a cookie session without cookie config', route([{ sessionPersistence: { type: 'Cookie' } }]), /cookie must be specified for Cookie type/],
  ['a Permanent cookie without absoluteTimeout', route([{ sessionPersistence: { cookie: { lifetimeType: 'Permanent' } } }]), /absoluteTimeout must be specified/],
  ['a header value with a double space (experimental pattern)', route([filter({ type: 'RequestHeaderModifier', requestHeaderModifier: { add: [{ name: 'a', value: 'x  y' }] } })]), /is not a valid header value/],
  ['a bad object name', { ...route([{}]), metadata: { name: 'Bad_Name', namespace: 'demo' } }, /metadata\.name: "Bad_Name" is not a valid DNS-1123 subdomain/],
];

for (const [name, object, expected] of CASES) {
  test(`HTTPRoute: ${name}`, () => assert.equal(expectCase('HTTPRoute', object, expected), undefined));
}

test('HTTPRoute: unknown fields are warnings, not errors', async () => {
  const { problems } = await import('./check.test-util.ts');
  const object = route([{ backendRef: [backend] }]);
  assert.deepEqual(problems('HTTPRoute', object), []);
  assert.deepEqual(problems('HTTPRoute', object, 'v1', 'warning'), ['spec.rules[0].backendRef: unknown field; ignored']);
});
