/**
 * Namespace labels and label selectors, for `allowedRoutes.namespaces` (listeners) and
 * `allowedListeners.namespaces` (Gateways accepting ListenerSets).
 */
import type { LabelSelector, Namespace } from '../api/index.ts';

/** Set by the API server on every Namespace (immutable, Kubernetes 1.22+); standalone manifests rarely carry it. */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/**
 * Labels by namespace name. A Namespace object gets the `kubernetes.io/metadata.name` label the
 * API server would have given it. A namespace that only appears in other objects' metadata (common
 * in standalone manifests) is treated as a Namespace without labels: in a cluster it would exist,
 * and it would carry that one label, which namespace selectors commonly use.
 */
export function namespaceLabelsOf(namespaces: readonly Namespace[]): (namespace: string) => Readonly<Record<string, string>> {
  const byName = new Map<string, Readonly<Record<string, string>>>();
  for (const ns of namespaces) {
    // The control plane sets this label to the name and keeps it so: a manifest cannot change it.
    byName.set(ns.metadata.name, Object.freeze({ ...ns.metadata.labels, [NAMESPACE_NAME_LABEL]: ns.metadata.name }));
  }
  return (namespace) => {
    let labels = byName.get(namespace);
    if (!labels) byName.set(namespace, (labels = Object.freeze({ [NAMESPACE_NAME_LABEL]: namespace })));
    return labels;
  };
}

export type LabelMatcher = (labels: Readonly<Record<string, string>>) => boolean;

/**
 * Compiles a label selector as Kubernetes does (`metav1.LabelSelectorAsSelector`): every
 * matchLabels pair and every matchExpressions requirement must hold; an empty selector matches
 * everything. Returns an error message for an invalid selector.
 */
export function compileLabelSelector(selector: LabelSelector): LabelMatcher | { error: string } {
  const checks: LabelMatcher[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    checks.push((labels) => labels[key] === value);
  }
  for (const req of selector.matchExpressions ?? []) {
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
      case 'NotIn': {
        if (values.length === 0) return { error: `selector requirement on "${req.key}": operator ${req.operator} needs values` };
        const wanted = req.operator === 'In';
        checks.push((labels) => (Object.hasOwn(labels, req.key) && values.includes(labels[req.key]!)) === wanted);
        break;
      }
      case 'Exists':
      case 'DoesNotExist': {
        if (values.length > 0) return { error: `selector requirement on "${req.key}": operator ${req.operator} takes no values` };
        const wanted = req.operator === 'Exists';
        checks.push((labels) => Object.hasOwn(labels, req.key) === wanted);
        break;
      }
      default:
        return { error: `selector requirement on "${req.key}": unknown operator "${String(req.operator)}"` };
    }
  }
  return (labels) => checks.every((check) => check(labels));
}

/** `namespaces.from` of allowedRoutes (Same by default) or allowedListeners (None by default). */
export interface NamespacePolicy {
  readonly from?: string;
  readonly selector?: LabelSelector;
}

/**
 * Turns a namespace policy into a predicate over namespace names, relative to `ownNamespace` (the
 * namespace of the object that carries the policy). `Selector` without a selector selects nothing,
 * as a nil selector does in Kubernetes.
 */
export function compileNamespacePolicy(
  policy: NamespacePolicy | undefined,
  defaultFrom: 'Same' | 'None',
  ownNamespace: string,
  namespaceLabels: (namespace: string) => Readonly<Record<string, string>>,
): ((namespace: string) => boolean) | { error: string } {
  const from = policy?.from ?? defaultFrom;
  switch (from) {
    case 'All':
      return () => true;
    case 'Same':
      return (namespace) => namespace === ownNamespace;
    case 'None':
      return () => false;
    case 'Selector': {
      if (!policy?.selector) return () => false;
      const matcher = compileLabelSelector(policy.selector);
      if (typeof matcher !== 'function') return matcher;
      return (namespace) => matcher(namespaceLabels(namespace));
    }
    default:
      return { error: `namespaces.from "${from}" is not one of All, Same, Selector, None` };
  }
}
