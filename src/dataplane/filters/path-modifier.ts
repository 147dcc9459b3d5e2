/** ReplaceFullPath / ReplacePrefixMatch, shared by RequestRedirect and URLRewrite. */
import type { IrPathModifier } from '../../ir/index.ts';
import { trimTrailingSlashes } from '../routing/route-match.ts';

export type PathRewrite = (path: string) => string;

/**
 * ReplacePrefixMatch replaces the matched prefix element-wise, as in the spec's table:
 * prefix /foo + replacement /xyz: /foo/bar → /xyz/bar, /foo → /xyz, /foo/ → /xyz/;
 * replacement / : /foo/bar → /bar, /foo → /. Trailing slashes of prefix and replacement are ignored.
 */
export function compilePathModifier(mod: IrPathModifier): PathRewrite {
  if (mod.type === 'ReplaceFullPath') {
    const value = mod.value;
    return () => value;
  }
  const prefix = trimTrailingSlashes(mod.matchedPrefix);
  const replacement = trimTrailingSlashes(mod.value);
  return (path) => {
    // The route matched, so `path` starts with `prefix` on an element boundary.
    const rest = path.startsWith(prefix) ? path.slice(prefix.length) : path;
    const out = replacement + rest;
    return out === '' ? '/' : out.startsWith('/') ? out : `/${out}`;
  };
}
