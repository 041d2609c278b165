import { z } from 'zod';
import { GuardConfigError, type ConfigIssue } from './errors.js';
import { entityTypeIssue, optInTypeIssue } from './scan/entity-types.js';
import type { Origin } from './scan/types.js';
import type { SecurityEvent } from './events.js';

const ORIGINS = [
  'system',
  'developer',
  'user',
  'assistant',
  'tool',
  'document',
  'tool_definition',
  'output',
  'unknown',
] as const satisfies readonly Origin[];

const origin = z.enum(ORIGINS);
const score = z.number().min(0).max(1);

const injectionAction = z.enum(['block', 'warn', 'off']);
const dataAction = z.enum(['block', 'redact', 'pseudonymize', 'warn', 'off']);
const outputAction = z.enum(['block', 'redact', 'warn', 'off']);

const injectionObject = z.strictObject({
  action: injectionAction,
  /** Score at or above which text is flagged, for every origin without its own threshold. */
  threshold: score.optional(),
  /** Per-origin thresholds, e.g. `{ document: 0.7 }`. */
  thresholds: z.partialRecord(origin, score).optional(),
  /** Origins to scan. Default: every origin but `system`, `developer` and `assistant`. */
  origins: z.array(origin).readonly().optional(),
});

const dataObject = z.strictObject({
  action: dataAction,
  /** Origins to scan. Default: every origin. */
  origins: z.array(origin).readonly().optional(),
  /** Only these entity types (e.g. `['email', 'openai_api_key']`). */
  types: z.array(z.string()).readonly().optional(),
  /** Every type but these. */
  excludeTypes: z.array(z.string()).readonly().optional(),
  /** Entity types whose own action differs, e.g. `{ email: 'redact' }`. */
  typeActions: z.record(z.string(), dataAction).optional(),
  /** Findings below this confidence are ignored. */
  minConfidence: score.optional(),
  /** Off-by-default types to report as well, under `pii`: `date_time` (any date or timestamp), `url`. */
  extraTypes: z.array(z.string()).readonly().optional(),
});

const customPattern = z.strictObject({
  type: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a snake_case type name'),
  pattern: z.union([z.instanceof(RegExp), z.string()]),
  kind: z.enum(['secret', 'pii']).optional(),
});

const outputObject = z.strictObject({
  /** Secrets in replies (provider keys, tokens, private keys, the client's own API key). Default `redact`. */
  secrets: outputAction.optional(),
  /** Personal data in replies. Default `off`. */
  pii: outputAction.optional(),
  /** Verbatim fragments of the request's system prompt in replies. Default `redact`. */
  systemPrompt: outputAction.optional(),
  /** Canary strings (e.g. planted in the system prompt) that must never appear in a reply. Default action `block`. */
  canaries: z.array(z.string().min(8, 'canaries shorter than 8 characters would match ordinary text')).readonly().optional(),
  canaryAction: outputAction.optional(),
  /** Upper bound on characters a stream holds back while a pattern may still complete. */
  maxHoldChars: z.number().int().min(16).max(1_000_000).optional(),
});

/**
 * Checks one complete tool call the model made (streamed calls once their
 * arguments are complete). Return `false` or a reason to refuse it with
 * `ToolPolicyError`; anything else lets it through.
 */
export type ToolCallValidator = (call: { name: string; arguments: string }) => boolean | string | void;

const toolValidator = z.custom<ToolCallValidator>((v) => typeof v === 'function', 'a function ({ name, arguments }) => boolean | string | void');

const toolsObject = z.strictObject({
  /** Only these tool names may be offered to or called by the model. */
  allow: z.array(z.string()).readonly().optional(),
  /** These tool names may never be offered or called. */
  deny: z.array(z.string()).readonly().optional(),
  /** Scan tool results (and function-call outputs) as untrusted content. Default true. */
  scanResults: z.boolean().optional(),
  /** Validates each complete tool call (name and JSON arguments); synchronous. */
  validate: toolValidator.optional(),
});

const limitsObject = z.strictObject({
  /** Longest total prompt text (characters) a call may send. */
  maxInputChars: z.number().int().positive().optional(),
  /** Calls per rolling minute; over it a call fails with `QuotaExceededError` before anything is sent. */
  requestsPerMinute: z.number().positive().optional(),
  /** Estimated tokens (prompt characters / 4 plus the declared output budget) per rolling minute. */
  tokensPerMinute: z.number().positive().optional(),
  /** One budget per end user (OpenAI `user` / `safety_identifier`, Anthropic `metadata.user_id`). */
  perUser: z.boolean().optional(),
});

const judgeFn = z.custom<InjectionJudge>((v) => typeof v === 'function', 'a function (text, context) => Promise<{ score }>');

/** The zod schema of `guard` options; validated once, when a client is constructed. */
export const guardOptionsSchema = z.strictObject({
  /** Prompt-injection and jailbreak detection. Default `block`. */
  injection: z.union([injectionAction, injectionObject]).optional(),
  /** Secrets in prompts (API keys, tokens, private keys, passwords). Default `redact`. */
  secrets: z.union([dataAction, dataObject]).optional(),
  /** Personal data in prompts (e-mail, phone, cards, IBAN, SSN, IP). Default `warn`. */
  pii: z.union([dataAction, dataObject]).optional(),
  /** Custom entity patterns, detected with the built-in secret and PII rules. */
  customPatterns: z.array(customPattern).readonly().optional(),
  /** Filtering of replies, streamed or not. */
  output: outputObject.optional(),
  /** Least privilege for tools. */
  tools: toolsObject.optional(),
  /** Client-side limits. */
  limits: limitsObject.optional(),
  /** Second-stage judge for borderline injection scores; off unless set. */
  judge: judgeFn.optional(),
  /** What to do when a scanner itself throws: `closed` refuses the call (default), `open` lets it through and records an event. */
  failMode: z.enum(['open', 'closed']).optional(),
  /** Receives a structured, redacted event for every decision. Must not throw (errors are swallowed). */
  onEvent: z.custom<(event: SecurityEvent) => void>((v) => typeof v === 'function', 'a function (event) => void').optional(),
});

/** A second-stage judge consulted for borderline injection scores. */
export type InjectionJudge = (
  text: string,
  context: { origin: Origin; score: number },
) => Promise<{ score: number }> | { score: number };

/**
 * Guard options accepted by `SecureOpenAI`, `SecureAnthropic` and `withGuard()`.
 *
 * @example
 * ```ts
 * const client = new SecureOpenAI({
 *   guard: { injection: 'block', secrets: 'redact', pii: { action: 'pseudonymize' }, output: { secrets: 'redact' } },
 * });
 * ```
 */
export type GuardOptions = z.input<typeof guardOptionsSchema>;

export type InjectionAction = z.infer<typeof injectionAction>;
export type DataAction = z.infer<typeof dataAction>;
export type OutputAction = z.infer<typeof outputAction>;

/** Guard options after validation and defaults: every field present. */
export interface ResolvedGuardOptions {
  injection: { action: InjectionAction; threshold?: number; thresholds: Partial<Record<Origin, number>>; origins: readonly Origin[] };
  secrets: ResolvedDataOptions;
  pii: ResolvedDataOptions;
  customPatterns: readonly { type: string; pattern: RegExp | string; kind?: 'secret' | 'pii' }[];
  output: {
    secrets: OutputAction;
    pii: OutputAction;
    systemPrompt: OutputAction;
    canaries: readonly string[];
    canaryAction: OutputAction;
    maxHoldChars: number;
  };
  tools: { allow?: readonly string[]; deny: readonly string[]; scanResults: boolean; validate?: ToolCallValidator };
  limits: { maxInputChars: number; requestsPerMinute?: number; tokensPerMinute?: number; perUser: boolean };
  judge?: InjectionJudge;
  failMode: 'open' | 'closed';
  onEvent?: (event: SecurityEvent) => void;
}

export interface ResolvedDataOptions {
  action: DataAction;
  origins: readonly Origin[];
  types?: readonly string[];
  excludeTypes?: readonly string[];
  typeActions: Record<string, DataAction>;
  minConfidence?: number;
  extraTypes?: readonly string[];
}

const UNTRUSTED_ORIGINS: readonly Origin[] = ['user', 'tool', 'document', 'tool_definition', 'unknown'];

function toIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => {
    const i = issue as z.core.$ZodIssue & { values?: unknown[]; expected?: string; keys?: string[] };
    let expected: string | undefined;
    if (i.code === 'invalid_value' && i.values) expected = i.values.map((v) => JSON.stringify(v)).join(' | ');
    else if (i.code === 'invalid_type') expected = i.expected;
    else if (i.code === 'invalid_union') expected = describeUnion(i.path);
    let message = i.message;
    if (i.code === 'invalid_union' && expected) message = `expected ${expected}`;
    if (i.code === 'unrecognized_keys' && i.keys) message = `unknown option${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `'${k}'`).join(', ')}`;
    return { code: i.code, path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message, ...(expected ? { expected } : {}) };
  });
}

/**
 * Entity type names under `secrets` / `pii` (`types`, `excludeTypes`,
 * `typeActions`) must be types that group reports: a misspelt name
 * (`openai_key`) or one of the other kind (`email` under `secrets`) would
 * match nothing and silently switch that scanning off.
 */
function entityTypeIssues(o: z.infer<typeof guardOptionsSchema>): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const custom = new Map((o.customPatterns ?? []).map((p) => [p.type, p.kind ?? 'pii'] as const));
  for (const kind of ['secrets', 'pii'] as const) {
    const group = o[kind];
    if (!group || typeof group === 'string') continue;
    const want = kind === 'secrets' ? 'secret' : 'pii';
    const check = (type: string, path: (string | number)[]) => {
      const issue = entityTypeIssue(type, path, custom, want);
      if (issue) issues.push(issue);
    };
    group.types?.forEach((t, i) => check(t, [kind, 'types', i]));
    group.excludeTypes?.forEach((t, i) => check(t, [kind, 'excludeTypes', i]));
    for (const t of Object.keys(group.typeActions ?? {})) check(t, [kind, 'typeActions', t]);
    group.extraTypes?.forEach((t, i) => {
      const path = [kind, 'extraTypes', i];
      const issue = kind === 'secrets' ? { code: 'wrong_entity_kind', path, message: `'${t}': the opt-in types are PII, set extraTypes under pii` } : optInTypeIssue(t, path);
      if (issue) issues.push(issue);
    });
  }
  return issues;
}

function describeUnion(path: PropertyKey[]): string | undefined {
  const key = path[0];
  if (path.length !== 1) return undefined;
  if (key === 'injection') return `one of 'block' | 'warn' | 'off', or { action, threshold?, thresholds?, origins? }`;
  if (key === 'secrets' || key === 'pii')
    return `one of 'block' | 'redact' | 'pseudonymize' | 'warn' | 'off', or { action, origins?, types?, excludeTypes?, typeActions?, minConfidence?, extraTypes? }`;
  return undefined;
}

/**
 * Validates guard options without throwing.
 *
 * @example
 * ```ts
 * const r = safeParseGuardOptions({ injection: 'maybe' });
 * if (!r.success) console.log(r.issues[0].path, r.issues[0].message);
 * ```
 */
export function safeParseGuardOptions(
  input: unknown,
): { success: true; data: ResolvedGuardOptions } | { success: false; issues: ConfigIssue[] } {
  const parsed = guardOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) return { success: false, issues: toIssues(parsed.error) };
  const typeIssues = entityTypeIssues(parsed.data);
  if (typeIssues.length) return { success: false, issues: typeIssues };
  return { success: true, data: resolve(parsed.data) };
}

/**
 * Validates guard options and fills in the secure defaults.
 *
 * @throws {GuardConfigError} naming every invalid path and the expected value.
 * @example
 * ```ts
 * const resolved = parseGuardOptions({ pii: 'redact' });
 * resolved.injection.action; // 'block'
 * ```
 */
export function parseGuardOptions(input: unknown): ResolvedGuardOptions {
  const r = safeParseGuardOptions(input);
  if (!r.success) throw new GuardConfigError(r.issues);
  return r.data;
}

function resolveData(v: z.infer<typeof guardOptionsSchema>['secrets'], fallback: DataAction): ResolvedDataOptions {
  const o = typeof v === 'string' ? { action: v } : (v ?? { action: fallback });
  return {
    action: o.action,
    origins: 'origins' in o && o.origins ? o.origins : [...ORIGINS].filter((x) => x !== 'output'),
    types: 'types' in o ? o.types : undefined,
    excludeTypes: 'excludeTypes' in o ? o.excludeTypes : undefined,
    typeActions: ('typeActions' in o && o.typeActions) || {},
    minConfidence: 'minConfidence' in o ? o.minConfidence : undefined,
    extraTypes: 'extraTypes' in o ? o.extraTypes : undefined,
  };
}

function resolve(o: z.infer<typeof guardOptionsSchema>): ResolvedGuardOptions {
  const inj = typeof o.injection === 'string' ? { action: o.injection } : (o.injection ?? { action: 'block' as const });
  return {
    injection: {
      action: inj.action,
      threshold: 'threshold' in inj ? inj.threshold : undefined,
      thresholds: ('thresholds' in inj && inj.thresholds) || {},
      origins: ('origins' in inj && inj.origins) || UNTRUSTED_ORIGINS,
    },
    secrets: resolveData(o.secrets, 'redact'),
    pii: resolveData(o.pii, 'warn'),
    customPatterns: o.customPatterns ?? [],
    output: {
      secrets: o.output?.secrets ?? 'redact',
      pii: o.output?.pii ?? 'off',
      systemPrompt: o.output?.systemPrompt ?? 'redact',
      canaries: o.output?.canaries ?? [],
      canaryAction: o.output?.canaryAction ?? 'block',
      maxHoldChars: o.output?.maxHoldChars ?? 4096,
    },
    tools: { allow: o.tools?.allow, deny: o.tools?.deny ?? [], scanResults: o.tools?.scanResults ?? true, validate: o.tools?.validate },
    limits: {
      maxInputChars: o.limits?.maxInputChars ?? 1_000_000,
      requestsPerMinute: o.limits?.requestsPerMinute,
      tokensPerMinute: o.limits?.tokensPerMinute,
      perUser: o.limits?.perUser ?? false,
    },
    judge: o.judge,
    failMode: o.failMode ?? 'closed',
    onEvent: o.onEvent,
  };
}

/**
 * Merges per-call overrides into client options: top-level keys replace, object
 * keys (`output`, `tools`, `limits`) merge one level deep.
 */
export function mergeGuardOptions(base: GuardOptions | undefined, override: GuardOptions | undefined): GuardOptions {
  const out: Record<string, unknown> = { ...(base ?? {}) };
  for (const [k, v] of Object.entries(override ?? {})) {
    const prev = out[k];
    const isPlain = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof RegExp);
    out[k] = isPlain(prev) && isPlain(v) && (k === 'output' || k === 'tools' || k === 'limits') ? { ...(prev as object), ...(v as object) } : v;
  }
  return out as GuardOptions;
}
