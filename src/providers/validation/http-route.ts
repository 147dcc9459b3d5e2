/** HTTPRoute: schema plus the CEL rules on paths, filters, timeouts and rule-level combinations. */
import type { HttpPathMatch, HttpRouteFilter, HttpRouteMatch, HttpRouteRule } from '../../api/index.ts';
import * as F from './fields.ts';
import { httpFilters } from './http-filters.ts';
import * as P from './patterns.ts';
import { resource } from './resource.ts';
import { arr, int, obj, str, type Rule } from './schema.ts';
import { sessionPersistence } from './session-persistence.ts';

/** CEL on a path match; type and value default to PathPrefix and "/" before the rules run. */
const pathRules: Rule<HttpPathMatch> = (path, report) => {
  const type = path.type ?? 'PathPrefix';
  const value = path.value ?? '/';
  if (type === 'RegularExpression') return;
  const bad = (message: string) => report('value', `${message} when type is ${type}`);
  if (!value.startsWith('/')) return bad('must be an absolute path and start with "/"');
  for (const part of ['//', '/./', '/../', '%2f', '%2F', '#']) if (value.includes(part)) bad(`must not contain ${JSON.stringify(part)}`);
  for (const end of ['/..', '/.']) if (value.endsWith(end)) bad(`must not end with ${JSON.stringify(end)}`);
  if (!P.PATH_CHARACTERS.re.test(value)) bad(`must only contain valid characters (matching ${P.PATH_CHARACTERS.re.source})`);
};

const match = () => obj({
  path: obj({ type: str({ enum: ['Exact', 'PathPrefix', 'RegularExpression'] }), value: str({ maxLength: 1024 }) }, { rules: [pathRules] }),
  headers: arr(F.headerMatch(), { maxItems: 16, unique: ['name'] }),
  queryParams: arr(F.headerMatch(str({ minLength: 1, maxLength: 1024 })), { maxItems: 16, unique: ['name'] }),
  method: str({ enum: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] }),
});

const timeouts = () => obj<NonNullable<HttpRouteRule['timeouts']>>({ request: F.duration(), backendRequest: F.duration() }, {
  rules: [({ request, backendRequest }, report) => {
    if (request === undefined || backendRequest === undefined) return;
    const limit = P.durationMs(request);
    if (limit !== 0 && P.durationMs(backendRequest) > limit) report('backendRequest', 'backendRequest timeout cannot be longer than request timeout');
  }],
});

/** The default a rule's absent `matches` takes: one PathPrefix "/" match. */
const DEFAULT_MATCHES: readonly HttpRouteMatch[] = [{ path: { type: 'PathPrefix', value: '/' } }];
const prefixReplaced = (filters: readonly HttpRouteFilter[] | undefined, field: 'requestRedirect' | 'urlRewrite') =>
  (filters ?? []).some((f) => f[field]?.path?.type === 'ReplacePrefixMatch' && f[field].path.replacePrefixMatch !== undefined);

const ruleRules: Rule<HttpRouteRule> = (rule, report) => {
  const hasBackends = (rule.backendRefs ?? []).length > 0;
  const redirectAt = (rule.filters ?? []).findIndex((f) => f.requestRedirect !== undefined);
  if (hasBackends && redirectAt >= 0) report(['filters', redirectAt], 'a RequestRedirect filter must not be used together with backendRefs');
  const matches = rule.matches ?? DEFAULT_MATCHES;
  const onePrefixMatch = matches.length === 1 && (matches[0]!.path?.type ?? 'PathPrefix') === 'PathPrefix';
  if (onePrefixMatch) return;
  const message = (where: string) => `when using ${where} with path.replacePrefixMatch, exactly one PathPrefix match must be specified`;
  for (const [field, name] of [['requestRedirect', 'a RequestRedirect filter'], ['urlRewrite', 'a URLRewrite filter']] as const) {
    if (prefixReplaced(rule.filters, field)) report('matches', message(name));
    (rule.backendRefs ?? []).forEach((b, i) => {
      if (prefixReplaced(b.filters, field)) report('matches', message(`${name} in backendRefs[${i}]`));
    });
  }
};

/** CEL on the rule list: at most 128 matches in all (an absent `matches` counts as its one default match). */
const matchBudget: Rule<HttpRouteRule[]> = (rules, report) => {
  const total = rules.reduce((n, r) => n + (r.matches ?? DEFAULT_MATCHES).length, 0);
  if (total > 128) report([], `the total number of matches across all rules must be at most 128 (has ${total})`);
};

const rule = () => obj<HttpRouteRule>({
  name: F.ruleName(),
  matches: arr(match(), { maxItems: 64 }),
  filters: httpFilters(),
  backendRefs: arr(F.backendRef({ filters: httpFilters() }), { maxItems: 16 }),
  timeouts: timeouts(),
  retry: obj({ codes: arr(int({ minimum: 400, maximum: 599 }), { unique: 'set' }), attempts: int({ minimum: 1 }), backoff: F.duration() }),
  sessionPersistence: sessionPersistence(),
}, { rules: [ruleRules] });

export const httpRoute = () => resource({
  spec: obj({
    parentRefs: F.parentRefs(),
    hostnames: arr(F.wildcardHostname(), { maxItems: 16 }),
    rules: arr(rule(), { minItems: 1, maxItems: 16, rules: [matchBudget, F.uniqueRuleNames] }),
    useDefaultGateways: str({ enum: ['All', 'None'] }),
  }),
}, ['spec']);
