/**
 * Certificate references: listener `tls.certificateRefs` and Gateway
 * `tls.backend.clientCertificateRef` (Secrets of type kubernetes.io/tls), and frontend-validation
 * `caCertificateRefs` (ConfigMaps with `ca.crt`).
 *
 * The checks here need no crypto: PEM framing, block types, base64 bodies that decode to a DER
 * SEQUENCE. Whether a key matches its certificate, expiry and chain validity are left to the data
 * plane, which loads the material with a real TLS stack.
 */
import { CORE_GROUP, GATEWAY_GROUP, type ConfigMap, type Secret } from '../api/index.ts';
import type { IrCertificate } from '../ir/index.ts';
import type { TranslationContext } from './context.ts';

/** A reference that could not be used: RefNotPermitted (no ReferenceGrant) or Invalid (anything else). */
export interface RefProblem {
  readonly kind: 'RefNotPermitted' | 'Invalid' | 'InvalidKind';
  readonly message: string;
}

/** Who holds the reference: the ReferenceGrant `from` side, and the namespace refs default to. */
export interface RefHolder {
  readonly kind: 'Gateway' | 'ListenerSet';
  readonly namespace: string;
}

export interface SecretRef {
  readonly group?: string;
  readonly kind?: string;
  readonly namespace?: string;
  readonly name: string;
}

/** Resolves a certificateRef / clientCertificateRef to a certificate chain and private key. */
export function resolveCertificateRef(ctx: TranslationContext, holder: RefHolder, ref: SecretRef): IrCertificate | RefProblem {
  const group = ref.group ?? CORE_GROUP;
  const kind = ref.kind ?? 'Secret';
  const namespace = ref.namespace ?? holder.namespace;
  const what = `Secret ${namespace}/${ref.name}`;
  if (group !== CORE_GROUP || kind !== 'Secret') {
    return invalid(`${refName(group, kind, namespace, ref.name)} is not supported: certificates must be core Secrets`);
  }
  if (!permitted(ctx, holder, CORE_GROUP, 'Secret', namespace, ref.name)) {
    return { kind: 'RefNotPermitted', message: `${what} is in another namespace and no ReferenceGrant allows the reference` };
  }
  const secret = ctx.snapshot.secrets.find((s) => s.metadata.namespace === namespace && s.metadata.name === ref.name);
  if (!secret) return invalid(`${what} does not exist`);
  if (secret.type !== 'kubernetes.io/tls') return invalid(`${what} is of type "${secret.type ?? 'Opaque'}"; it must be kubernetes.io/tls`);
  const chain = secretValue(secret, 'tls.crt');
  const key = secretValue(secret, 'tls.key');
  if (typeof chain !== 'string') return invalid(`${what}: ${chain.error}`);
  if (typeof key !== 'string') return invalid(`${what}: ${key.error}`);
  const chainProblem = checkCertificatePem(chain);
  if (chainProblem) return invalid(`${what}: tls.crt ${chainProblem}`);
  const keyProblem = checkPrivateKeyPem(key);
  if (keyProblem) return invalid(`${what}: tls.key ${keyProblem}`);
  return { id: `secret/${namespace}/${ref.name}`, certChainPem: chain, privateKeyPem: key };
}

export interface CaRef {
  readonly group: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

/** Resolves a frontend-validation caCertificateRef (a ConfigMap's `ca.crt`) to a PEM bundle. */
export function resolveCaCertificateRef(ctx: TranslationContext, holder: RefHolder, ref: CaRef): string | RefProblem {
  const namespace = ref.namespace ?? holder.namespace;
  if (ref.group !== CORE_GROUP || ref.kind !== 'ConfigMap') {
    return { kind: 'InvalidKind', message: `${refName(ref.group, ref.kind, namespace, ref.name)} is not supported: CA certificates must be in a ConfigMap` };
  }
  const what = `ConfigMap ${namespace}/${ref.name}`;
  if (!permitted(ctx, holder, CORE_GROUP, 'ConfigMap', namespace, ref.name)) {
    return { kind: 'RefNotPermitted', message: `${what} is in another namespace and no ReferenceGrant allows the reference` };
  }
  const configMap = ctx.snapshot.configMaps.find((c) => c.metadata.namespace === namespace && c.metadata.name === ref.name);
  if (!configMap) return invalid(`${what} does not exist`);
  const bundle = configMapValue(configMap, 'ca.crt');
  if (typeof bundle !== 'string') return invalid(`${what}: ${bundle.error}`);
  const problem = checkCertificatePem(bundle);
  return problem ? invalid(`${what}: ca.crt ${problem}`) : bundle;
}

export function isRefProblem(value: IrCertificate | string | RefProblem): value is RefProblem {
  return typeof value === 'object' && 'message' in value;
}

function invalid(message: string): RefProblem {
  return { kind: 'Invalid', message };
}

function refName(group: string, kind: string, namespace: string, name: string): string {
  return `${kind}${group ? `.${group}` : ''} ${namespace}/${name}`;
}

function permitted(ctx: TranslationContext, holder: RefHolder, toGroup: string, toKind: string, toNamespace: string, toName: string): boolean {
  return ctx.grants.allows({
    fromGroup: GATEWAY_GROUP, fromKind: holder.kind, fromNamespace: holder.namespace,
    toGroup, toKind, toNamespace, toName,
  });
}

/** A Secret key's text: stringData wins over data (as the API server merges them); data is base64. */
function secretValue(secret: Secret, key: string): string | { error: string } {
  const plain = secret.stringData?.[key];
  if (plain !== undefined) return plain;
  const encoded = secret.data?.[key];
  if (encoded === undefined) return { error: `${key} is missing` };
  return decodeBase64Text(encoded) ?? { error: `${key} is not valid base64` };
}

function configMapValue(configMap: ConfigMap, key: string): string | { error: string } {
  const plain = configMap.data?.[key];
  if (plain !== undefined) return plain;
  const encoded = configMap.binaryData?.[key];
  if (encoded === undefined) return { error: `${key} is missing` };
  return decodeBase64Text(encoded) ?? { error: `${key} is not valid base64` };
}

function decodeBase64Text(encoded: string): string | null {
  const bytes = decodeBase64(encoded.replace(/\s+/g, ''));
  return bytes ? new TextDecoder().decode(bytes) : null;
}

function decodeBase64(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

interface PemBlock {
  readonly label: string;
  readonly der: Uint8Array | null;
}

/** Every PEM block in a text, or an error when the framing is broken (BEGIN without END). */
export function parsePem(text: string): PemBlock[] | { error: string } {
  const blocks: PemBlock[] = [];
  const pattern = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== match[3]) return { error: `has a "${match[1]}" block closed as "${match[3]}"` };
    blocks.push({ label: match[1]!, der: decodeBase64(match[2]!.replace(/\s+/g, '')) });
  }
  if ((text.match(/-----BEGIN /g)?.length ?? 0) !== blocks.length) return { error: 'has a PEM block without its END line' };
  return blocks;
}

/** DER structures (certificates, keys) are ASN.1 SEQUENCEs: the first byte is 0x30. */
function isDerSequence(der: Uint8Array | null): boolean {
  return der !== null && der.length > 2 && der[0] === 0x30;
}

/** Problem with a PEM certificate chain or CA bundle, or null when it looks sound. */
export function checkCertificatePem(text: string): string | null {
  const blocks = parsePem(text);
  if (!Array.isArray(blocks)) return blocks.error;
  if (blocks.length === 0) return 'holds no PEM certificate';
  for (const block of blocks) {
    if (block.label !== 'CERTIFICATE') return `holds a "${block.label}" PEM block; only CERTIFICATE blocks are allowed`;
    if (!isDerSequence(block.der)) return 'holds a CERTIFICATE block that is not valid base64 DER';
  }
  return null;
}

const KEY_LABELS = new Set(['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']);

/** Problem with a PEM private key, or null when it looks sound. `openssl ecparam -genkey` output (EC PARAMETERS + key) is fine. */
export function checkPrivateKeyPem(text: string): string | null {
  const blocks = parsePem(text);
  if (!Array.isArray(blocks)) return blocks.error;
  const keys = blocks.filter((b) => KEY_LABELS.has(b.label));
  const others = blocks.filter((b) => !KEY_LABELS.has(b.label) && b.label !== 'EC PARAMETERS');
  if (others.some((b) => b.label === 'ENCRYPTED PRIVATE KEY')) return 'is encrypted; a gateway cannot use a key without its passphrase';
  if (others.length > 0) return `holds a "${others[0]!.label}" PEM block where a private key belongs`;
  if (keys.length !== 1) return keys.length === 0 ? 'holds no PEM private key' : 'holds more than one private key';
  return isDerSequence(keys[0]!.der) ? null : 'holds a private key that is not valid base64 DER';
}
