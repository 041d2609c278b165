/**
 * Reversible pseudonymisation: replace secrets and PII with consistent
 * placeholders for one call, then restore the originals in the reply.
 */
import { checkTypeNames, defaultPlaceholder, detectSensitive, type DetectSensitiveOptions, type SensitiveFinding } from './sensitive.js';

/** A per-call mapping between sensitive values and placeholders. */
export interface Vault {
  /** Replace findings with placeholders; the same value always gets the same placeholder in this vault. */
  pseudonymize(text: string): { text: string; findings: SensitiveFinding[] };
  /**
   * Replace the given spans of `text` (findings you already have, e.g. from
   * {@link detectSensitive} on `text`, sorted and non-overlapping) with this
   * vault's placeholders; `placeholders[i]` is the one issued for `findings[i]`.
   */
  replaceFindings(text: string, findings: readonly Pick<SensitiveFinding, 'type' | 'start' | 'end'>[]): { text: string; placeholders: string[] };
  /** Put original values back for every placeholder this vault issued. Unknown placeholders are left as they are. */
  restore(text: string): string;
  /** Number of distinct values held. */
  readonly size: number;
  /** The placeholders issued so far, in issue order. */
  placeholders(): string[];
}

const PLACEHOLDER_RE = /\[[A-Z0-9_]{1,64}_\d{1,9}\]/g;

/**
 * Create a vault for one call. `restore(pseudonymize(x).text) === x` holds
 * exactly: placeholder numbers that already occur literally in the input are
 * skipped, so an original text that contains `[EMAIL_1]` is not confused with
 * an issued placeholder.
 *
 * @throws {GuardConfigError} when `types` or `excludeTypes` names a type no
 * rule or custom pattern reports (checked here, not at first use).
 * @example
 * ```ts
 * const vault = createVault();
 * const { text } = vault.pseudonymize('mail ana@example.org');   // 'mail [EMAIL_1]'
 * vault.restore('I wrote to [EMAIL_1].');                          // 'I wrote to ana@example.org.'
 * ```
 */
export function createVault(options: DetectSensitiveOptions = {}): Vault {
  checkTypeNames(options);
  const byValue = new Map<string, string>(); // type \0 value -> placeholder
  const byPlaceholder = new Map<string, string>();
  const counters = new Map<string, number>();
  const seenLiterals = new Set<string>();

  function issue(type: string, value: string, source: string): string {
    const key = `${type}\u0000${value}`;
    const existing = byValue.get(key);
    if (existing) return existing;
    let n = counters.get(type) ?? 0;
    let ph: string;
    do {
      n++;
      ph = defaultPlaceholder({ type }, n);
    } while (seenLiterals.has(ph) || source.includes(ph));
    counters.set(type, n);
    byValue.set(key, ph);
    byPlaceholder.set(ph, value);
    return ph;
  }

  return {
    pseudonymize(text: string) {
      const findings = detectSensitive(text, options);
      return { text: this.replaceFindings(text, findings).text, findings };
    },
    replaceFindings(text, findings) {
      if (findings.length === 0) return { text, placeholders: [] };
      for (const m of text.matchAll(PLACEHOLDER_RE)) seenLiterals.add(m[0]);
      const placeholders: string[] = [];
      let out = '';
      let last = 0;
      for (const f of findings) {
        const ph = issue(f.type, text.slice(f.start, f.end), text);
        placeholders.push(ph);
        out += text.slice(last, f.start) + ph;
        last = f.end;
      }
      return { text: out + text.slice(last), placeholders };
    },
    restore(text: string) {
      if (byPlaceholder.size === 0) return text;
      return text.replace(PLACEHOLDER_RE, (ph) => byPlaceholder.get(ph) ?? ph);
    },
    get size() {
      return byPlaceholder.size;
    },
    placeholders() {
      return [...byPlaceholder.keys()];
    },
  };
}

export type { SensitiveFinding, DetectSensitiveOptions } from './sensitive.js';
