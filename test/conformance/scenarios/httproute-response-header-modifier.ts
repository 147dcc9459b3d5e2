import type { Exchange } from '../harness/scenario.ts';
import { INFRA, reaches, scenario, V1 } from './dsl.ts';

/** The backend answers with `set` headers; the client must see `headers` and not `absent`. */
const returns = (path: string, set: Record<string, string>, headers: Record<string, string>, absentHeaders: string[] = [], extra: Partial<Exchange> = {}) =>
  reaches(V1, path, { backendSetResponseHeaders: set, response: { headers, absentHeaders }, ...extra });

export default scenario({
  name: 'HTTPRouteResponseHeaderModifier', source: 'httproute-response-header-modifier.go', features: ['Gateway', 'HTTPRoute', 'HTTPRouteResponseHeaderModification'],
  acceptedRoutes: [`${INFRA}/response-header-modifier`],
  exchanges: [
    returns('/set', { 'Some-Other-Header': 'val' }, { 'Some-Other-Header': 'val', 'X-Header-Set': 'set-overwrites-values' }),
    returns('/set', { 'Some-Other-Header': 'val', 'X-Header-Set': 'some-other-value' }, { 'Some-Other-Header': 'val', 'X-Header-Set': 'set-overwrites-values' }),
    returns('/add', { 'Some-Other-Header': 'val' }, { 'Some-Other-Header': 'val', 'X-Header-Add': 'add-appends-values' }),
    returns('/add', { 'Some-Other-Header': 'val', 'X-Header-Add': 'some-other-value' }, { 'Some-Other-Header': 'val', 'X-Header-Add': 'some-other-value,add-appends-values' }),
    returns('/remove', { 'X-Header-Remove': 'val' }, {}, ['X-Header-Remove']),
    returns('/multiple', {
      'X-Header-Set-2': 'set-val-2', 'X-Header-Add-2': 'add-val-2', 'X-Header-Remove-2': 'remove-val-2', 'Another-Header': 'another-header-val', 'X-Header-Remove-1': 'val',
    }, {
      'X-Header-Set-1': 'header-set-1', 'X-Header-Set-2': 'header-set-2', 'X-Header-Add-1': 'header-add-1',
      'X-Header-Add-2': 'add-val-2,header-add-2', 'X-Header-Add-3': 'header-add-3', 'Another-Header': 'another-header-val',
    }, ['X-Header-Remove-1', 'X-Header-Remove-2']),
    returns('/case-insensitivity', {
      'x-header-set': 'original-val-set', 'x-header-add': 'original-val-add', 'x-header-remove': 'original-val-remove', 'Another-Header': 'another-header-val',
    }, {
      'X-Header-Set': 'header-set', 'X-Header-Add': 'original-val-add,header-add', 'X-Lowercase-Add': 'lowercase-add',
      'X-Mixedcase-Add-1': 'mixedcase-add-1', 'X-Mixedcase-Add-2': 'mixedcase-add-2', 'X-Uppercase-Add': 'uppercase-add', 'Another-Header': 'another-header-val',
    }, ['x-header-remove', 'X-Header-Remove']),
    returns('/response-and-request-header-modifiers', {
      'X-Header-Set-2': 'set-val-2', 'X-Header-Add-2': 'add-val-2', 'X-Header-Remove-2': 'remove-val-2', 'Another-Header': 'another-header-val',
      'X-Header-Remove-1': 'remove-val-1', 'X-Header-Echo': 'echo',
    }, {
      'X-Header-Set-1': 'header-set-1', 'X-Header-Set-2': 'header-set-2', 'X-Header-Add-1': 'header-add-1',
      'X-Header-Add-2': 'add-val-2,header-add-2', 'Another-Header': 'another-header-val', 'X-Header-Echo': 'echo',
    }, ['X-Header-Remove-1', 'X-Header-Remove-2'], {
      request: { path: '/response-and-request-header-modifiers', headers: { 'X-Header-Remove': 'remove-val', 'X-Header-Add-Append': 'append-val-1', 'X-Header-Echo': 'echo' } },
      expectedRequest: {
        path: '/response-and-request-header-modifiers',
        headers: { 'X-Header-Add': 'header-val-1', 'X-Header-Set': 'set-overwrites-values', 'X-Header-Add-Append': 'append-val-1,header-val-2', 'X-Header-Echo': 'echo' },
        absentHeaders: ['X-Header-Remove'],
      },
    }),
  ],
});
