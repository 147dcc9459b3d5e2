/**
 * CORS (GEP-1767). The gateway answers a preflight (OPTIONS with Origin and
 * Access-Control-Request-Method) from an allowed origin itself; responses to actual requests from an
 * allowed origin get Access-Control-Allow-Origin (and -Credentials, -Expose-Headers). A request
 * from an origin that is not allowed passes through untouched, so the browser refuses it.
 *
 * The allowed origin is always echoed rather than answered with `*`: with credentials the Fetch
 * standard forbids `*`, and without them the echo is equally valid and keeps one code path
 * (`Vary: Origin` tells caches the answer depends on it). For the same reason `*` in allowMethods or
 * allowHeaders is answered with what the preflight asked for, which is what a browser honours when
 * credentials are allowed (there `*` is a literal name, not a wildcard).
 */
import type { IrCorsFilter } from '../../ir/index.ts';

export interface CompiledCors {
  /** True when `origin` (the Origin header as sent) may make cross-origin requests. */
  allows(origin: string): boolean;
  /** Fields of the preflight answer (the origin being allowed). */
  preflightFields(origin: string, requestMethod: string, requestHeaders: string | undefined): string[];
  /** Adds the response fields for an actual request from an allowed origin (replacing the backend's own). */
  decorate(fields: string[], origin: string): void;
}

const CORS_RESPONSE_FIELDS = new Set([
  'access-control-allow-origin', 'access-control-allow-credentials', 'access-control-expose-headers',
  'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age',
]);

export function compileCors(f: IrCorsFilter): CompiledCors {
  const anyOrigin = f.allowOrigins.includes('*');
  const exact = new Set(f.allowOrigins.filter((o) => !o.includes('*')).map((o) => o.toLowerCase()));
  const patterns = f.allowOrigins.filter((o) => o !== '*' && o.includes('*')).map(originPattern);
  const anyMethod = f.allowMethods.includes('*');
  const methods = f.allowMethods.join(', ');
  const anyHeader = f.allowHeaders.includes('*');
  const headers = f.allowHeaders.join(', ');
  const expose = f.exposeHeaders.join(', ');
  const maxAge = f.maxAgeSeconds > 0 ? String(f.maxAgeSeconds) : '';
  const common = (fields: string[], origin: string) => {
    fields.push('Access-Control-Allow-Origin', origin);
    if (f.allowCredentials) fields.push('Access-Control-Allow-Credentials', 'true');
    if (expose !== '') fields.push('Access-Control-Expose-Headers', expose);
    fields.push('Vary', 'Origin');
  };
  return {
    allows(origin) {
      if (anyOrigin) return true;
      const lower = origin.toLowerCase();
      return exact.has(lower) || patterns.some((p) => p.test(lower));
    },
    preflightFields(origin, requestMethod, requestHeaders) {
      const fields: string[] = [];
      common(fields, origin);
      const allowMethods = anyMethod ? requestMethod : methods;
      if (allowMethods !== '') fields.push('Access-Control-Allow-Methods', allowMethods);
      const allowHeaders = anyHeader ? requestHeaders ?? '' : headers;
      if (allowHeaders !== '') fields.push('Access-Control-Allow-Headers', allowHeaders);
      if (maxAge !== '') fields.push('Access-Control-Max-Age', maxAge);
      return fields;
    },
    decorate(fields, origin) {
      removeCorsFields(fields);
      common(fields, origin);
    },
  };
}

/** `https://*.bar.com` → any number of host labels in place of `*` (`www.bar.com`, `a.www.bar.com`). */
function originPattern(origin: string): RegExp {
  const escaped = origin.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/:]+');
  return new RegExp(`^${escaped}$`);
}

function removeCorsFields(fields: string[]): void {
  let w = 0;
  for (let r = 0; r < fields.length; r += 2) {
    if (CORS_RESPONSE_FIELDS.has(fields[r]!.toLowerCase())) continue;
    fields[w++] = fields[r]!;
    fields[w++] = fields[r + 1]!;
  }
  fields.length = w;
}
