import type { StatusCheck } from '../harness/scenario.ts';
import { tlsChecks } from '../harness/tls-checks.ts';
import { answers, INFRA, reaches, scenario, SAME_NAMESPACE } from './dsl.ts';

const HTTPS_GATEWAY = `${INFRA}/same-namespace-with-https-listener` as const;
const { caPem } = await tlsChecks();
const ACCEPTED = { Accepted: 'True/Accepted', ResolvedRefs: 'True/ResolvedRefs' };
const NO_VALID_CA = { Accepted: 'False/NoValidCACertificate', ResolvedRefs: 'False/InvalidCACertificateRef' };
const policy = (name: string, conditions: NonNullable<StatusCheck['conditions']>, parent = SAME_NAMESPACE): StatusCheck => ({ kind: 'BackendTLSPolicy', name: `${INFRA}/${name}`, parent, conditions });
const RECONCILE_CM = 'tls-checks-ca-certificate-reconcile-test';
type Objects = Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
const reconcileCm = (objects: Objects) => objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === RECONCILE_CM)!;

export default scenario({
  name: 'BackendTLSPolicy', source: 'backendtlspolicy.go', features: ['Gateway', 'HTTPRoute', 'BackendTLSPolicy'],
  acceptedRoutes: [`${INFRA}/backendtlspolicy`],
  status: [
    { kind: 'HTTPRoute', name: `${INFRA}/backendtlspolicy-reencrypt`, parent: HTTPS_GATEWAY, conditions: { Accepted: 'True/Accepted', ResolvedRefs: 'True' } },
    policy('normative-test', ACCEPTED, HTTPS_GATEWAY),
    policy('normative-test', ACCEPTED),
    policy('host-mismatch', ACCEPTED),
    policy('cert-mismatch', ACCEPTED),
    policy('reconcile-test', ACCEPTED),
  ],
  exchanges: [
    // Re-encrypt: HTTPS to the gateway, TLS again to the backend with the policy's hostname as SNI.
    reaches('tls-backend', { host: 'https-listener.org', path: '/backendtlspolicy' }, {
      gateway: HTTPS_GATEWAY, port: 443, tls: { serverName: 'https-listener.org' }, expectedRequest: { sni: 'abc.example.com' },
    }),
    reaches('tls-backend', { host: 'abc.example.com', path: '/backendtlspolicy' }, { expectedRequest: { sni: 'abc.example.com' } }),
    // The suite's MakeRequestAndExpectFailure: anything but a 200 (its Host is not the route's, so 404 here).
    answers(404, { host: 'abc.example.org', path: '/backendtlspolicy-host-mismatch' }),
    // The backend's certificate is not signed by the policy's CA (mismatch-ca-certificate).
    answers(502, { host: 'abc.example.com', path: '/backendtlspolicy-cert-mismatch' }),
  ],
  then: [
    {
      // The policy names a ConfigMap that does not exist yet.
      edit: (objects) => {
        const p = objects.find((o) => o.kind === 'BackendTLSPolicy' && o.metadata.name === 'reconcile-test')!;
        p.spec.validation.caCertificateRefs = [{ group: '', kind: 'ConfigMap', name: RECONCILE_CM }];
      },
      status: [policy('reconcile-test', NO_VALID_CA)],
    },
    {
      edit: (objects) => { objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: RECONCILE_CM, namespace: INFRA }, data: { 'ca.crt': caPem } }); },
      status: [policy('reconcile-test', ACCEPTED)],
    },
    { edit: (objects) => { reconcileCm(objects).data['ca.crt'] = ''; }, status: [policy('reconcile-test', NO_VALID_CA)] },
    { edit: (objects) => { reconcileCm(objects).data['ca.crt'] = caPem; }, status: [policy('reconcile-test', ACCEPTED)] },
  ],
});
