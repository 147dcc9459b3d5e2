/** URLRewrite: the Host and/or path sent to the backend (the client's view is unchanged). */
import type { IrUrlRewriteFilter } from '../../ir/index.ts';
import { compilePathModifier, type PathRewrite } from './path-modifier.ts';

export interface CompiledRewrite {
  /** Replaces the Host header sent upstream, or null to keep it. */
  readonly hostname: string | null;
  readonly path: PathRewrite | null;
}

export function compileUrlRewrite(f: IrUrlRewriteFilter): CompiledRewrite {
  return { hostname: f.hostname, path: f.path === null ? null : compilePathModifier(f.path) };
}
