/**
 * The scenario registry: every upstream GATEWAY-HTTP conformance test, one file each (named after
 * its upstream Go file). src/conformance/features.ts computes supported features from this list.
 */
import type { Scenario } from '../harness/scenario.ts';
import httprouteExactPathMatching from './httproute-exact-path-matching.ts';
import httprouteHeaderMatching from './httproute-header-matching.ts';
import httprouteMatching from './httproute-matching.ts';
import httprouteSimpleSameNamespace from './httproute-simple-same-namespace.ts';

export const SCENARIOS: readonly Scenario[] = [
  httprouteSimpleSameNamespace,
  httprouteMatching,
  httprouteExactPathMatching,
  httprouteHeaderMatching,
].flat();
