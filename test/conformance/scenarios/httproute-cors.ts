import type { Exchange } from '../harness/scenario.ts';
import { INFRA, scenario } from './dsl.ts';

const ORIGIN = 'Origin';
const preflight = (path: string, headers: Record<string, string>, response: NonNullable<Exchange['response']>): Exchange => ({
  request: { path, method: 'OPTIONS', headers }, gatewayAnswers: true, response,
});
const actual = (path: string, method: string, headers: Record<string, string>, response: NonNullable<Exchange['response']>): Exchange => ({
  request: { path, method, headers }, response, ...(method !== 'GET' && { expectedRequest: { method } }),
});
const FULL = {
  'access-control-allow-methods': ['GET, OPTIONS', 'OPTIONS, GET'],
  'access-control-allow-headers': ['x-header-1, x-header-2', 'x-header-2, x-header-1'],
  'access-control-expose-headers': ['x-header-3, x-header-4', 'x-header-4, x-header-3'],
  'access-control-max-age': ['3600'],
  'access-control-allow-credentials': ['true'],
};
const ASKS = { 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-header-1, x-header-2' };

export default scenario({
  name: 'HTTPRouteCORS', source: 'httproute-cors.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteCORS'],
  acceptedRoutes: [`${INFRA}/cors-multiple-origins-methods-headers`, `${INFRA}/cors-wildcard-methods`, `${INFRA}/cors-wildcard-origin`, `${INFRA}/cors-wildcard-methods-headers`],
  exchanges: [
    preflight('/cors-1', { [ORIGIN]: 'https://www.foo.com', ...ASKS }, { status: [200, 204], validHeaderValues: { 'access-control-allow-origin': ['https://www.foo.com'], ...FULL } }),
    preflight('/cors-1', { [ORIGIN]: 'https://www.bar.com', ...ASKS }, { status: 200, validHeaderValues: { 'access-control-allow-origin': ['https://www.bar.com'], ...FULL } }),
    preflight('/cors-1', { [ORIGIN]: 'https://xpto.www.bar.com', ...ASKS }, { status: 200, validHeaderValues: { 'access-control-allow-origin': ['https://xpto.www.bar.com'], ...FULL } }),
    preflight('/cors-1', { [ORIGIN]: 'https://foobar.com', 'access-control-request-method': 'GET' }, { status: [200, 204, 403], absentHeaders: ['access-control-allow-origin'] }),
    actual('/cors-1', 'GET', { [ORIGIN]: 'https://www.foo.com', ...ASKS }, { status: [200, 204], headers: { 'access-control-allow-origin': 'https://www.foo.com' } }),
    actual('/cors-1', 'GET', { [ORIGIN]: 'https://www.bar.com', ...ASKS }, { status: [200, 204], headers: { 'access-control-allow-origin': 'https://www.bar.com' } }),
    actual('/cors-1', 'GET', { [ORIGIN]: 'https://foobar.com', 'access-control-request-method': 'GET' }, { absentHeaders: ['access-control-allow-origin'] }),
    preflight('/cors-2', { [ORIGIN]: 'https://www.foo.com', 'access-control-request-method': 'POST' }, {
      status: [200, 204], validHeaderValues: { 'access-control-allow-methods': ['POST', '*'] }, headers: { 'access-control-allow-origin': 'https://www.foo.com' }, absentHeaders: ['access-control-allow-credentials'],
    }),
    preflight('/cors-wildcard-origin', { [ORIGIN]: 'https://foobar.com', 'access-control-request-method': 'PUT' }, {
      status: [200, 204], validHeaderValues: { 'access-control-allow-origin': ['https://foobar.com', '*'], 'access-control-allow-methods': ['PUT'] }, absentHeaders: ['access-control-allow-credentials'],
    }),
    preflight('/cors-wildcard-origin', { [ORIGIN]: 'https://foobar.com:12345', 'access-control-request-method': 'PUT' }, {
      status: [200, 204], validHeaderValues: { 'access-control-allow-origin': ['https://foobar.com:12345', '*'], 'access-control-allow-methods': ['PUT'] }, absentHeaders: ['access-control-allow-credentials'],
    }),
    actual('/cors-wildcard-origin', 'PUT', { [ORIGIN]: 'https://foobar.com:12345' }, { status: 200, validHeaderValues: { 'access-control-allow-origin': ['https://foobar.com:12345', '*'] } }),
    actual('/cors-wildcard-origin', 'PUT', { [ORIGIN]: 'https://foobar.com' }, {
      status: [200, 204], validHeaderValues: { 'access-control-allow-origin': ['https://foobar.com', '*'] }, absentHeaders: ['access-control-allow-credentials'],
    }),
    preflight('/cors-wildcard-methods-headers', { [ORIGIN]: 'https://other.foo.com', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-header-1, x-header-2' }, {
      status: 200, validHeaderValues: {
        'access-control-allow-origin': ['https://other.foo.com'], 'access-control-allow-methods': ['PUT'],
        'access-control-allow-headers': ['x-header-1, x-header-2', 'x-header-2, x-header-1'], 'access-control-allow-credentials': ['true'],
      },
    }),
    preflight('/cors-wildcard-methods-headers-unauth', { [ORIGIN]: 'https://other.foo.com', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'x-header-1, x-header-2' }, {
      status: 200, validHeaderValues: {
        'access-control-allow-origin': ['https://other.foo.com', '*'], 'access-control-allow-methods': ['PUT', '*'],
        'access-control-allow-headers': ['x-header-1, x-header-2', 'x-header-2, x-header-1', '*'],
      },
      absentHeaders: ['access-control-allow-credentials'],
    }),
    actual('/cors-wildcard-methods-headers', 'GET', { [ORIGIN]: 'https://other.foo.com', Authorization: 'Bearer test' }, {
      status: 200, validHeaderValues: { 'access-control-allow-origin': ['https://other.foo.com'], 'access-control-allow-credentials': ['true'] },
    }),
    actual('/cors-wildcard-methods-headers-unauth', 'GET', { [ORIGIN]: 'https://other.foo.com', Authorization: 'Bearer test' }, {
      status: 200, validHeaderValues: { 'access-control-allow-origin': ['https://other.foo.com'] }, absentHeaders: ['access-control-allow-credentials'],
    }),
  ],
});
