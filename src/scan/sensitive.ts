/**
 * Secrets and PII: detection, redaction and the `Detector` adapter.
 *
 * Findings never carry the matched value: only its type, rule, confidence
 * and UTF-16 offsets.
 */
import type { Candidate } from './secrets/candidate.js';
import { detectSecretCandidates } from './secrets/index.js';
import { detectPiiCandidates } from './pii/index.js';
import { completeAddressSpans } from './pii/address-spans.js';
import { cueHeads } from './cue-heads.js';
import type { DetectContext, Detector, Finding } from './types.js';
import { GuardConfigError, type ConfigIssue } from '../errors.js';
import { entityTypeIssue, optInTypeIssue } from './entity-types.js';

/** A secret or PII entity found in text. `score` equals `confidence`. */
export interface SensitiveFinding extends Finding {
  /** `secret` (credentials, keys, tokens) or `pii` (personal data). */
  kind: 'secret' | 'pii';
  /** snake_case entity type, e.g. `openai_api_key`, `email`, `credit_card`. */
  type: string;
  /** Confidence in 0..1 (same as `score`). */
  confidence: number;
}

/** Options shared by {@link detectSensitive}, {@link redact} and vaults. */
export interface DetectSensitiveOptions {
  /** Look for secrets (default true). */
  secrets?: boolean;
  /** Look for personal data (default true). */
  pii?: boolean;
  /** Keep only these entity types. */
  types?: string[];
  /** Drop these entity types. */
  excludeTypes?: string[];
  /** Values that are always secrets when they appear verbatim (type `configured_api_key`), e.g. the client's own API key. */
  exactSecrets?: string[];
  /** Extra entity patterns. A string pattern is compiled as a global regular expression. */
  customPatterns?: { type: string; pattern: RegExp | string; kind?: 'secret' | 'pii' }[];
  /** Drop findings below this confidence (default 0.5). */
  minConfidence?: number;
  /**
   * Types that are off by default and also reported when named here: `date_time` (any date or
   * timestamp) and `url`. Presidio and HIPAA's Safe Harbor list count both as identifiers; most
   * prompts hold them for other reasons, so they are opt-in.
   */
  extraTypes?: string[];
}

/** Options for {@link redact}: detection options plus a placeholder builder. */
export type RedactOptions = DetectSensitiveOptions & {
  /** Build the replacement for a finding; `n` numbers distinct values per type from 1. Default `[TYPE_n]`. */
  placeholder?: (f: SensitiveFinding, n: number) => string;
};

const DEFAULT_MIN_CONFIDENCE = 0.5;

function exactCandidates(text: string, secrets: readonly string[]): Candidate[] {
  const out: Candidate[] = [];
  for (const s of secrets) {
    if (typeof s !== 'string' || s.length < 4) continue;
    let i = text.indexOf(s);
    while (i !== -1) {
      out.push({ kind: 'secret', type: 'configured_api_key', start: i, end: i + s.length, confidence: 1, label: 'configured API key' });
      i = text.indexOf(s, i + s.length);
    }
  }
  return out;
}

function customCandidates(text: string, patterns: NonNullable<DetectSensitiveOptions['customPatterns']>): Candidate[] {
  const out: Candidate[] = [];
  for (const p of patterns) {
    const src = p.pattern;
    const re = typeof src === 'string' ? new RegExp(src, 'g') : new RegExp(src.source, src.flags.includes('g') ? src.flags : src.flags + 'g');
    let m: RegExpExecArray | null;
    let guard = 0;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        if (++guard > text.length + 1) break;
        continue;
      }
      out.push({ kind: p.kind ?? 'pii', type: p.type, start: m.index, end: m.index + m[0].length, confidence: 0.9, label: `custom pattern ${p.type}` });
    }
  }
  return out;
}

/**
 * `types` / `excludeTypes` must name built-in or custom types: a misspelt
 * name would match nothing, so `types: ['emial']` would find nothing at all.
 *
 * @throws {GuardConfigError} naming each unknown type and its path.
 */
export function checkTypeNames(options: DetectSensitiveOptions): void {
  const custom = new Map((options.customPatterns ?? []).map((p) => [p.type, p.kind ?? 'pii'] as const));
  const issues: ConfigIssue[] = [];
  for (const key of ['types', 'excludeTypes'] as const) {
    options[key]?.forEach((t, i) => {
      const issue = entityTypeIssue(t, [key, i], custom);
      if (issue) issues.push(issue);
    });
  }
  options.extraTypes?.forEach((t, i) => {
    const issue = optInTypeIssue(t, ['extraTypes', i]);
    if (issue) issues.push(issue);
  });
  if (issues.length) throw new GuardConfigError(issues, 'detectSensitive');
}

/** True when `a` should win over overlapping `b`. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.type === 'configured_api_key' && b.type !== 'configured_api_key') return true;
  if (b.type === 'configured_api_key' && a.type !== 'configured_api_key') return false;
  if (Math.abs(a.confidence - b.confidence) >= 0.1) return a.confidence > b.confidence;
  const la = a.end - a.start;
  const lb = b.end - b.start;
  if (la !== lb) return la > lb;
  return a.confidence > b.confidence;
}

const byStartThenLonger = (a: Candidate, b: Candidate): number => a.start - b.start || b.end - a.end;

/**
 * Resolve overlaps: sort the (non-empty) candidates by start, in place, then
 * one sweep: a candidate that overlaps the last kept one replaces it (and any
 * earlier ones it also overlaps) only when it is better than all of them.
 * O(n log n).
 */
function resolve(sorted: Candidate[]): Candidate[] {
  sorted.sort(byStartThenLonger);
  const kept: Candidate[] = [];
  for (const c of sorted) {
    let k = kept.length;
    while (k > 0 && kept[k - 1].end > c.start) k--;
    if (k === kept.length) {
      kept.push(c);
      continue;
    }
    // street-address pieces that overlap without one holding the other are one address read by two rules
    // ("8 Rue de Rivoli" and "Rue de Rivoli, 75004"): their union, so no piece of it is left in clear text.
    // A span that holds another (a cue value running over prose) is judged as any overlap.
    if (c.type === 'street_address' && kept.slice(k).every((q) => q.type === 'street_address' && q.start < c.start && q.end < c.end)) {
      let start = c.start;
      let end = c.end;
      let confidence = c.confidence;
      for (let q = k; q < kept.length; q++) {
        start = Math.min(start, kept[q].start);
        end = Math.max(end, kept[q].end);
        confidence = Math.max(confidence, kept[q].confidence);
      }
      kept.length = k;
      kept.push({ ...c, start, end, confidence });
      continue;
    }
    let wins = true;
    for (let q = k; q < kept.length; q++) if (!better(c, kept[q])) wins = false;
    if (wins) {
      kept.length = k;
      kept.push(c);
    }
  }
  return kept;
}

/** Per kind, type and label: the finding's rule id and message prefix (two regex replaces per finding were 5% of a dense scan; a joined key string per finding was 2%). */
const findingNames = { secret: new Map<string, Map<string, FindingNames>>(), pii: new Map<string, Map<string, FindingNames>>() };
interface FindingNames {
  ruleId: string;
  prefix: string;
  /** The message per span length, built once (most findings of a type have a few lengths). */
  messages: string[];
}
let findingNamesSize = 0;

function namesOf(c: Candidate): FindingNames {
  const detector = c.kind === 'secret' ? 'secrets' : 'pii';
  let byLabel = findingNames[c.kind].get(c.type);
  const label = c.label ?? '';
  let names = byLabel?.get(label);
  if (names !== undefined) return names;
  names = { ruleId: `${detector}.${c.type.replace(/_/g, '-')}`, prefix: `${c.label ?? c.type.replace(/_/g, ' ')} detected (`, messages: [] };
  // custom pattern names are user input: keep the memo bounded
  if (findingNamesSize < 1024) {
    if (byLabel === undefined) findingNames[c.kind].set(c.type, (byLabel = new Map()));
    byLabel.set(label, names);
    findingNamesSize++;
  }
  return names;
}

function messageOf(names: FindingNames, length: number): string {
  if (length >= 256) return `${names.prefix}${length} chars)`;
  return (names.messages[length] ??= `${names.prefix}${length} chars)`);
}

function toFinding(c: Candidate): SensitiveFinding {
  const names = namesOf(c);
  return {
    detector: c.kind === 'secret' ? 'secrets' : 'pii',
    ruleId: names.ruleId,
    type: c.type,
    kind: c.kind,
    score: c.confidence,
    confidence: c.confidence,
    message: messageOf(names, c.end - c.start),
    start: c.start,
    end: c.end,
  };
}

/**
 * Find secrets and personal data in `text`. Findings are sorted by start and
 * never overlap (the higher-confidence, then longer, candidate wins). They
 * carry offsets, type, rule and confidence, never the matched value.
 *
 * @throws {GuardConfigError} when `types` or `excludeTypes` names a type that
 * no built-in rule or custom pattern reports (it would silently match nothing).
 * @example
 * ```ts
 * const findings = detectSensitive('mail jane.doe@example.com, key ' + 'sk-proj-' + 'A'.repeat(20) + 'T3BlbkFJ' + 'b'.repeat(20));
 * findings.map((f) => f.type); // ['email', 'openai_api_key']
 * ```
 */
export function detectSensitive(text: string, options: DetectSensitiveOptions = {}): SensitiveFinding[] {
  if (options.types || options.excludeTypes || options.extraTypes) checkTypeNames(options);
  if (typeof text !== 'string' || text.length === 0) return [];
  const groups: Candidate[][] = [];
  if (options.exactSecrets?.length) groups.push(exactCandidates(text, options.exactSecrets));
  // both scans on: their cue heads are found in one pass
  const heads = options.secrets !== false && options.pii !== false ? cueHeads(text) : undefined;
  if (options.secrets !== false) groups.push(detectSecretCandidates(text, heads?.keywords));
  if (options.pii !== false) groups.push(detectPiiCandidates(text, heads?.pii, options.extraTypes?.length ? new Set(options.extraTypes) : undefined));
  if (options.customPatterns?.length) {
    const wanted = options.customPatterns.filter((p) => ((p.kind ?? 'pii') === 'secret' ? options.secrets !== false : options.pii !== false));
    groups.push(customCandidates(text, wanted));
  }
  const min = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const types = options.types ? new Set(options.types) : undefined;
  const excluded = options.excludeTypes?.length ? new Set(options.excludeTypes) : undefined;
  // one array of the candidates that count (no spread: candidate lists can be very long)
  const filtered: Candidate[] = [];
  for (const g of groups) {
    for (const c of g) if (c.end > c.start && c.confidence >= min && (!types || types.has(c.type)) && (!excluded || !excluded.has(c.type))) filtered.push(c);
  }
  const kept = resolve(filtered);
  return (options.pii !== false ? completeAddressSpans(text, kept) : kept).map(toFinding);
}

/**
 * The default placeholder: `[TYPE_n]`, e.g. `[EMAIL_1]`, `[OPENAI_API_KEY_2]`.
 *
 * @example
 * ```ts
 * defaultPlaceholder({ type: 'email' } as SensitiveFinding, 1); // '[EMAIL_1]'
 * ```
 */
export function defaultPlaceholder(f: Pick<SensitiveFinding, 'type'>, n: number): string {
  return `[${f.type.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_${n}]`;
}

/**
 * Replace every finding with a typed, numbered placeholder. The same value
 * gets the same number within one call.
 *
 * @example
 * ```ts
 * redact('write to a@b.io or a@b.io').text; // 'write to [EMAIL_1] or [EMAIL_1]'
 * ```
 */
export function redact(text: string, options: RedactOptions = {}): { text: string; findings: SensitiveFinding[] } {
  const findings = detectSensitive(text, options);
  const make = options.placeholder ?? defaultPlaceholder;
  const numbers = new Map<string, Map<string, number>>();
  let out = '';
  let last = 0;
  for (const f of findings) {
    const value = text.slice(f.start, f.end);
    let perType = numbers.get(f.type);
    if (!perType) numbers.set(f.type, (perType = new Map()));
    let n = perType.get(value);
    if (n === undefined) perType.set(value, (n = perType.size + 1));
    out += text.slice(last, f.start) + make(f, n);
    last = f.end;
  }
  return { text: findings.length ? out + text.slice(last) : text, findings };
}

/**
 * Adapt secret/PII detection to the pipeline's {@link Detector} interface.
 * Findings get the context's origin.
 *
 * @example
 * ```ts
 * const det = createSensitiveDetector({ pii: false });
 * det.detect('token=' + 'ghp_' + 'x1'.repeat(18), { origin: 'user' });
 * ```
 */
export function createSensitiveDetector(options: DetectSensitiveOptions = {}): Detector {
  return {
    name: 'sensitive',
    detect(text: string, context: DetectContext): Finding[] {
      return detectSensitive(text, options).map((f) => ({ ...f, origin: context.origin }));
    },
  };
}
