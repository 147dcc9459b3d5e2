/** `switchyard describe KIND [NAME] [-n NS]` — kubectl describe, against the admin API. */
import { KNOWN_KINDS, type KubeObject } from '../api/index.ts';
import { adminGet, type AdminClientOptions } from './admin-client.ts';
import { describe } from './format.ts';
import { resolveKind, resourcePath } from './kinds.ts';

export interface DescribeArgs extends AdminClientOptions {
  readonly resource: string;
  readonly name?: string | undefined;
  readonly namespace?: string | undefined;
}

export async function runDescribe(args: DescribeArgs): Promise<string> {
  const kind = resolveKind(args.resource);
  if (!kind) throw new Error(`the server doesn't have a resource type "${args.resource}"`);
  const namespace = KNOWN_KINDS[kind].namespaced ? (args.namespace ?? 'default') : undefined;
  if (args.name !== undefined) return describe((await adminGet(args, resourcePath(kind, namespace, args.name))) as KubeObject);
  const { items } = (await adminGet(args, resourcePath(kind, namespace))) as { items: KubeObject[] };
  return items.map(describe).join('\n\n');
}
