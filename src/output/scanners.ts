import type { Finding } from '../scan/types.js';
import type { OutputRule, OutputScanner } from './types.js';
import { AhoCorasick } from './aho-corasick.js';

export interface RegexScannerOptions {
  /** Rule id of the findings (default `<name>.<type>`). */
  ruleId?: string;
  /** Confidence of the findings (default 1). */
  score?: number;
  /**
   * A single-character pattern every character of a match belongs to, e.g.
   * `/[A-Za-z0-9-]/` for `sk-...` keys. When given, the scanner gets a
   * `pendingFrom` that holds only the trailing run of such characters (low
   * time to first token); without it the stream holds `maxMatchLength` chars.
   */
  matchChars?: RegExp;
}

/**
 * Spans matching `pattern` (made global; iteration starts at `from`, so
 * lookbehinds and `\b` see the context before it). Matches must be no longer
 * than `maxMatchLength` for streamed output to equal `filterText` output.
 *
 * @example
 * ```ts
 * createRegexScanner('secrets', 'openai_api_key', /sk-[A-Za-z0-9]{20,60}/, 63, { matchChars: /[A-Za-z0-9-]/ })
 * ```
 */
export function createRegexScanner(
  name: string,
  type: string,
  pattern: RegExp,
  maxMatchLength: number,
  options: RegexScannerOptions = {},
): OutputScanner {
  const flags = pattern.flags.replace(/[gy]/g, '') + 'g';
  const re = new RegExp(pattern.source, flags);
  const ruleId = options.ruleId ?? `${name}.${type}`;
  const score = options.score ?? 1;
  const scanner: OutputScanner = {
    name,
    maxMatchLength,
    scan(text: string, from = 0): Finding[] {
      const out: Finding[] = [];
      re.lastIndex = from;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        out.push({ detector: name, ruleId, type, score, message: `${type} in reply`, start: m.index, end: m.index + m[0].length });
      }
      return out;
    },
  };
  if (options.matchChars) {
    const cls = new RegExp(`^(?:${options.matchChars.source})$`, options.matchChars.flags.replace(/[gy]/g, ''));
    const limit = maxMatchLength + 1;
    scanner.pendingFrom = (text: string): number => {
      let i = text.length;
      const stop = Math.max(0, text.length - limit);
      while (i > stop) {
        const c = text.charCodeAt(i - 1);
        const pair = c >= 0xdc00 && c <= 0xdfff && i >= 2 && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800;
        const w = pair ? 2 : 1;
        if (!cls.test(text.slice(i - w, i))) break;
        i -= w;
      }
      return i;
    };
  }
  return scanner;
}

/**
 * Exact occurrences of canary tokens (e.g. a random token planted in the
 * system prompt), found with Aho-Corasick in linear time; overlapping
 * occurrences are all reported. `pendingFrom` holds only a trailing partial
 * canary, so ordinary text is released at once.
 */
export function createCanaryScanner(canaries: readonly string[]): OutputScanner {
  const ac = new AhoCorasick([...new Set(canaries.filter((c) => c.length > 0))]);
  return {
    name: 'canary',
    maxMatchLength: ac.maxLength,
    scan(text: string, from = 0): Finding[] {
      const out: Finding[] = [];
      ac.findAll(text, from, (start, end) =>
        out.push({ detector: 'canary', ruleId: 'canary.token', type: 'canary', score: 1, message: 'Canary token reproduced in reply', start, end }),
      );
      return out;
    },
    pendingFrom: (text: string) => text.length - ac.openSuffix(text),
  };
}

/** What the restore scanner needs from a pseudonymisation vault. */
export interface RestoreVault {
  /** Placeholders whose values may be restored, e.g. `[EMAIL_1]`. */
  placeholders(): string[];
  /** Replaces every restorable placeholder in `text` with its value. */
  restore(text: string): string;
}

/**
 * Finds the vault's placeholders in the reply. Use it through
 * {@link createRestoreRule}, whose replacement puts the original value back,
 * so pseudonymised values are restored in streams with the same hold-back as
 * redaction. The placeholder list is re-read on each scan (cheap; the
 * automaton is rebuilt only when it changes).
 */
export function createRestoreScanner(vault: RestoreVault): OutputScanner {
  let key = '';
  let ac = new AhoCorasick([]);
  const current = (): AhoCorasick => {
    const list = vault.placeholders();
    const k = list.join('\u0000');
    if (k !== key) {
      key = k;
      ac = new AhoCorasick(list);
    }
    return ac;
  };
  return {
    name: 'vault-restore',
    /** The longest current placeholder (the vault may grow; the stream filter re-reads this on every push). */
    get maxMatchLength(): number {
      return current().maxLength;
    },
    scan(text: string, from = 0): Finding[] {
      const out: Finding[] = [];
      current().findAll(text, from, (start, end) =>
        out.push({ detector: 'vault-restore', ruleId: 'vault-restore.placeholder', type: 'placeholder', score: 1, message: 'Pseudonymised value restored', start, end }),
      );
      return out;
    },
    pendingFrom: (text: string) => text.length - current().openSuffix(text),
  };
}

/** A `redact` rule that swaps each vault placeholder in the reply for its original value. */
export function createRestoreRule(vault: RestoreVault): OutputRule {
  return { scanner: createRestoreScanner(vault), action: 'redact', replacement: (_f, original) => vault.restore(original) };
}
