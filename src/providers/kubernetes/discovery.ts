/**
 * Which versions of the kinds Switchyard reads the cluster serves (GET /apis, then each group
 * version's resource list). For every known kind the first version in KNOWN_KINDS order that the
 * cluster serves wins, so a cluster with the standard channel gets v1 and one with only the
 * experimental channel's older versions still works. Kinds the cluster does not serve at all
 * (e.g. TCPRoute without the experimental CRDs) are left out and reported.
 */
import { KNOWN_KINDS } from '../../api/index.ts';
import type { KubeClient } from './client.ts';
import { groupVersionPath, type ApiResource } from './resources.ts';

interface ApiGroupList { groups: { name: string; versions: { version: string }[] }[] }
interface ApiResourceList { resources: { name: string; kind: string; namespaced: boolean }[] }

export interface Discovered {
  readonly resources: readonly ApiResource[];
  /** Known kinds the cluster serves at no version Switchyard reads. */
  readonly missing: readonly string[];
}

export async function discoverResources(client: KubeClient, extra: readonly ApiResource[] = []): Promise<Discovered> {
  const groups = await client.get<ApiGroupList>('/apis');
  const served = new Map<string, string[]>([['', ['v1']]]);
  for (const g of groups.groups) served.set(g.name, g.versions.map((v) => v.version));
  const lists = new Map<string, Promise<ApiResourceList | null>>();
  const resourcesOf = (group: string, version: string) => {
    const key = `${group}/${version}`;
    if (!lists.has(key)) lists.set(key, client.get<ApiResourceList>(groupVersionPath(group, version)).catch(() => null));
    return lists.get(key)!;
  };
  const resources: ApiResource[] = [];
  const missing: string[] = [];
  const candidates = [
    ...Object.entries(KNOWN_KINDS).map(([kind, k]) => ({ kind, group: k.group, versions: k.versions as readonly string[], plural: k.plural, namespaced: k.namespaced })),
    // An extra kind that is also known (SwitchyardProxy, which callers passed before it was) is watched once.
    ...extra.filter((r) => !Object.hasOwn(KNOWN_KINDS, r.kind)).map((r) => ({ ...r, versions: [r.version] })),
  ];
  for (const c of candidates) {
    let found: ApiResource | null = null;
    for (const version of c.versions) {
      if (!served.get(c.group)?.includes(version)) continue;
      const list = await resourcesOf(c.group, version);
      if (list?.resources.some((r) => r.name === c.plural)) {
        found = { kind: c.kind, group: c.group, version, plural: c.plural, namespaced: c.namespaced };
        break;
      }
    }
    if (found) resources.push(found);
    else missing.push(c.kind);
  }
  return { resources, missing };
}
