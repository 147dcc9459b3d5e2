import type { Scenario } from '../harness/scenario.ts';
import { INFRA, reaches, scenario, V1 } from './dsl.ts';

const sees = (path: string, sent: Record<string, string>, headers: Record<string, string>, absentHeaders: string[] = []) =>
  reaches(V1, { path, headers: sent }, { expectedRequest: { path, headers, absentHeaders } });

const requestHeaderModifier = scenario({
  name: 'HTTPRouteRequestHeaderModifier', source: 'httproute-request-header-modifier.go', features: ['Gateway', 'HTTPRoute'],
  acceptedRoutes: [`${INFRA}/request-header-modifier`],
  exchanges: [
    sees('/set', { 'Some-Other-Header': 'val' }, { 'Some-Other-Header': 'val', 'X-Header-Set': 'set-overwrites-values' }),
    sees('/set', { 'Some-Other-Header': 'val', 'X-Header-Set': 'some-other-value' }, { 'Some-Other-Header': 'val', 'X-Header-Set': 'set-overwrites-values' }),
    sees('/add', { 'Some-Other-Header': 'val' }, { 'Some-Other-Header': 'val', 'X-Header-Add': 'add-appends-values' }),
    sees('/add', { 'Some-Other-Header': 'val', 'X-Header-Add': 'some-other-value' }, { 'Some-Other-Header': 'val', 'X-Header-Add': 'some-other-value,add-appends-values' }),
    sees('/remove', { 'X-Header-Remove': 'val' }, {}, ['X-Header-Remove']),
    sees('/multiple', { 'X-Header-Set-2': 'set-val-2', 'X-Header-Add-2': 'add-val-2', 'X-Header-Remove-2': 'remove-val-2', 'Another-Header': 'another-header-val' }, {
      'X-Header-Set-1': 'header-set-1', 'X-Header-Set-2': 'header-set-2', 'X-Header-Add-1': 'header-add-1',
      'X-Header-Add-2': 'add-val-2,header-add-2', 'X-Header-Add-3': 'header-add-3', 'Another-Header': 'another-header-val',
    }, ['X-Header-Remove-1', 'X-Header-Remove-2']),
    sees('/case-insensitivity', { 'x-header-set': 'original-val-set', 'x-header-add': 'original-val-add', 'x-header-remove': 'original-val-remove', 'Another-Header': 'another-header-val' },
      { 'X-Header-Set': 'header-set', 'X-Header-Add': 'original-val-add,header-add', 'Another-Header': 'another-header-val' }, ['x-header-remove', 'X-Header-Remove']),
  ],
});

/** The same Go file's second test: the filter on backendRefs instead of the rule. */
const backendRequestHeaderModifier: Scenario = {
  ...requestHeaderModifier, name: 'HTTPRouteBackendRequestHeaderModifier', group: 'extended',
  features: ['Gateway', 'HTTPRoute', 'HTTPRouteBackendRequestHeaderModification'],
  manifests: ['tests/httproute-request-header-modifier-backend.yaml'],
  acceptedRoutes: [`${INFRA}/request-header-modifier`],
};

export default [requestHeaderModifier, backendRequestHeaderModifier];
