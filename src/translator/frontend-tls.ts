/**
 * Gateway `spec.tls.frontend`: client-certificate validation for the listeners that serve HTTPS.
 * A `perPort` entry overrides `default` for HTTPS listeners on its port. Problems with the CA
 * references land on every HTTPS listener the configuration applies to (ResolvedRefs=False), and
 * when no CA reference is usable the listener is not accepted (NoValidCACertificate).
 */
import type { FrontendTlsValidation, Gateway } from '../api/index.ts';
import type { IrClientValidation } from '../ir/index.ts';
import { isRefProblem, resolveCaCertificateRef } from './certificates.ts';
import { Reason } from './conditions.ts';
import type { TranslationContext } from './context.ts';
import type { ListenerProblem } from './listeners.ts';

export interface FrontendValidation {
  /** The validation to apply, or null when none is configured or none of its CAs is usable. */
  readonly clientValidation: IrClientValidation | null;
  /** ResolvedRefs=False reasons and messages, one per unusable CA reference. */
  readonly problems: readonly ListenerProblem[];
  /** Every CA reference is unusable: the listener must not be accepted. */
  readonly noValidCa: boolean;
}

const NONE: FrontendValidation = { clientValidation: null, problems: [], noValidCa: false };

/** The validation that applies to an HTTPS listener on `port` of this Gateway. */
export function frontendValidationFor(ctx: TranslationContext, gateway: Gateway, port: number): FrontendValidation {
  const frontend = gateway.spec.tls?.frontend;
  const validation = frontend?.perPort?.find((p) => p.port === port)?.tls.validation ?? frontend?.default?.validation;
  if (!validation) return NONE;
  const holder = { kind: 'Gateway', namespace: gateway.metadata.namespace } as const;
  const bundles: string[] = [];
  const problems: { reason: string; message: string }[] = [];
  for (const ref of validation.caCertificateRefs ?? []) {
    const resolved = resolveCaCertificateRef(ctx, holder, ref);
    if (!isRefProblem(resolved)) bundles.push(resolved);
    else {
      const reason = resolved.kind === 'RefNotPermitted' ? Reason.RefNotPermitted
        : resolved.kind === 'InvalidKind' ? Reason.InvalidCACertificateKind : Reason.InvalidCACertificateRef;
      problems.push({ reason, message: `frontend validation: ${resolved.message}` });
    }
  }
  if (bundles.length === 0) {
    if (problems.length === 0) problems.push({ reason: Reason.InvalidCACertificateRef, message: 'frontend validation lists no caCertificateRefs' });
    return { clientValidation: null, problems, noValidCa: true };
  }
  // Some CAs are usable: serve with those (stricter, never looser) while ResolvedRefs reports the rest.
  return {
    clientValidation: { caCertificatesPem: bundles, mode: validation.mode ?? 'AllowValidOnly' },
    problems: problems.map((p) => ({ ...p, servable: true })),
    noValidCa: false,
  };
}

/** Where frontend validation runs in AllowInsecureFallback mode: `default` and/or `port N`; empty when nowhere. */
export function insecureFallbackPorts(gateway: Gateway): string[] {
  const frontend = gateway.spec.tls?.frontend;
  const found: string[] = [];
  const insecure = (v: FrontendTlsValidation | undefined) => v?.mode === 'AllowInsecureFallback';
  if (insecure(frontend?.default?.validation)) found.push('default');
  for (const p of frontend?.perPort ?? []) if (insecure(p.tls.validation)) found.push(`port ${p.port}`);
  return found;
}
