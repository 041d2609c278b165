import type { Finding } from './scan/types.js';

/** The stage of the guard that refused a call. */
export type SecurityPhase = 'input' | 'output' | 'tool' | 'quota' | 'config';

/** Machine-readable error codes, one per refusal reason. */
export type SecurityErrorCode =
  | 'prompt_injection'
  | 'sensitive_data'
  | 'output_leak'
  | 'tool_policy'
  | 'quota_exceeded'
  | 'guard_config'
  | 'input_too_large'
  | 'invalid_input';

/** One problem with a guard option, in the shape of a zod issue: a code, a path, a message. */
export interface ConfigIssue {
  code: string;
  path: (string | number)[];
  message: string;
  expected?: string;
}

const KINDS = Symbol.for('secure-llm.error-kinds');

interface SecurityErrorInit {
  code: SecurityErrorCode;
  phase: SecurityPhase;
  findings?: readonly Finding[];
  cause?: unknown;
}

/**
 * Base class of every refusal made by secure-llm. `instanceof` works across
 * the ESM and CJS builds (and across duplicated installs) because checks use a
 * registered symbol rather than object identity.
 *
 * @example
 * ```ts
 * try {
 *   await client.chat.completions.create({ model, messages });
 * } catch (e) {
 *   if (e instanceof SecurityError) console.log(e.code, e.phase, e.findings);
 * }
 * ```
 */
export class SecurityError extends Error {
  static readonly errorKind: string = 'SecurityError';
  /** Machine-readable reason. */
  readonly code: SecurityErrorCode;
  /** Which stage refused: `input`, `output`, `tool`, `quota` or `config`. */
  readonly phase: SecurityPhase;
  /** What was found: detector, rule id, score, origin, message index and span. Never the raw secret. */
  readonly findings: readonly Finding[];

  constructor(message: string, init: SecurityErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.phase = init.phase;
    this.findings = Object.freeze([...(init.findings ?? [])]);
    const kinds: string[] = [];
    for (let c: any = new.target; c && c.errorKind; c = Object.getPrototypeOf(c)) {
      if (!kinds.includes(c.errorKind)) kinds.push(c.errorKind);
    }
    Object.defineProperty(this, KINDS, { value: kinds, enumerable: false });
    this.name = kinds[0] ?? 'SecurityError';
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== 'object' || value === null) return false;
    const kinds = (value as any)[KINDS];
    return Array.isArray(kinds) && kinds.includes((this as any).errorKind);
  }

  /** A plain, JSON-safe description of the error (what events and logs record). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, phase: this.phase, message: this.message, findings: this.findings };
  }
}

function summarize(findings: readonly Finding[]): string {
  const rules = [...new Set(findings.map((f) => f.ruleId))].slice(0, 5);
  const where = findings[0]?.origin ? ` in ${findings[0].origin} content` : '';
  const at = findings[0]?.messageIndex !== undefined ? ` (message ${findings[0].messageIndex})` : '';
  return `${rules.join(', ')}${where}${at}`;
}

/**
 * A prompt was refused because it looks like a prompt-injection or jailbreak attempt.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof PromptInjectionError) return res.status(400).send('Rejected'); }
 * ```
 */
export class PromptInjectionError extends SecurityError {
  static override readonly errorKind = 'PromptInjectionError';
  constructor(findings: readonly Finding[], message?: string) {
    super(message ?? `Prompt injection detected: ${summarize(findings)}. No request was sent.`, {
      code: 'prompt_injection',
      phase: 'input',
      findings,
    });
  }
}

/**
 * A prompt contained a secret or personal data under a `block` policy. No request was sent.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof SensitiveDataError) console.log(e.findings.map((f) => f.type)); }
 * ```
 */
export class SensitiveDataError extends SecurityError {
  static override readonly errorKind = 'SensitiveDataError';
  constructor(findings: readonly Finding[], message?: string) {
    super(message ?? `Sensitive data in prompt: ${summarize(findings)}. No request was sent.`, {
      code: 'sensitive_data',
      phase: 'input',
      findings,
    });
  }
}

/**
 * A reply contained a secret, personal data, a canary or system-prompt text under a `block` policy.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof OutputLeakError) console.log('reply withheld:', e.findings[0]?.ruleId); }
 * ```
 */
export class OutputLeakError extends SecurityError {
  static override readonly errorKind = 'OutputLeakError';
  constructor(findings: readonly Finding[], message?: string) {
    super(message ?? `Reply withheld, it would leak: ${summarize(findings)}.`, {
      code: 'output_leak',
      phase: 'output',
      findings,
    });
  }
}

/**
 * A tool definition or tool call broke the configured tool policy.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof ToolPolicyError) console.log(e.message); }
 * ```
 */
export class ToolPolicyError extends SecurityError {
  static override readonly errorKind = 'ToolPolicyError';
  constructor(message: string, findings: readonly Finding[] = []) {
    super(message, { code: 'tool_policy', phase: 'tool', findings });
  }
}

/**
 * A client-side limit (requests, tokens, cost or concurrency) would be exceeded.
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof QuotaExceededError) setTimeout(retry, e.retryAfterMs ?? 1000); }
 * ```
 */
export class QuotaExceededError extends SecurityError {
  static override readonly errorKind = 'QuotaExceededError';
  /** Which limit was hit, e.g. `requestsPerMinute`. */
  readonly limit: string;
  /** When a retry may succeed, if known. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, init: { limit: string; retryAfterMs?: number }) {
    super(message, { code: 'quota_exceeded', phase: 'quota' });
    this.limit = init.limit;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/**
 * A guard option is invalid. Thrown by the constructor and by `withGuard()`;
 * `issues` lists every problem with its path and the expected value.
 *
 * @example
 * ```ts
 * try { new SecureOpenAI({ guard: { injection: 'maybe' } }); }
 * catch (e) { if (e instanceof GuardConfigError) console.log(e.issues[0].path); } // ['injection']
 * ```
 */
export class GuardConfigError extends SecurityError {
  static override readonly errorKind = 'GuardConfigError';
  readonly issues: readonly ConfigIssue[];
  /** `subject` names what the options were given to (default `guard`; `detectSensitive` for that function's options). */
  constructor(issues: readonly ConfigIssue[], subject = 'guard') {
    const lines = issues.map((i) => `  - ${subject}.${i.path.join('.') || '(root)'}: ${i.message}`);
    super(`Invalid ${subject} options:\n${lines.join('\n')}`, { code: 'guard_config', phase: 'config' });
    this.issues = Object.freeze([...issues]);
  }
}

/**
 * An input exceeded `maxInputChars` under the `reject` policy, or could not be scanned
 * (for example a non-text value where text was expected).
 *
 * @example
 * ```ts
 * catch (e) { if (e instanceof InputRejectedError && e.code === 'input_too_large') ... }
 * ```
 */
export class InputRejectedError extends SecurityError {
  static override readonly errorKind = 'InputRejectedError';
  constructor(message: string, code: 'input_too_large' | 'invalid_input' = 'invalid_input', findings: readonly Finding[] = []) {
    super(message, { code, phase: 'input', findings });
  }
}

/**
 * True for any error raised by secure-llm, whichever build (ESM or CJS) created it.
 *
 * @example
 * ```ts
 * if (isSecurityError(e)) log.warn({ code: e.code, findings: e.findings });
 * ```
 */
export function isSecurityError(value: unknown): value is SecurityError {
  return value instanceof SecurityError;
}
