import { detectSensitive, type DetectSensitiveOptions } from '../scan/sensitive.js';
import { GIVEN_LOWER, SURNAMES_LOWER } from '../scan/pii/names-data.js';
import type { Finding } from '../scan/types.js';
import type { OutputScanner } from './types.js';

export interface SensitiveScannerOptions extends DetectSensitiveOptions {
  /**
   * Longest secret or PII span the stream waits for (default 4096: an RSA-4096
   * PEM block). Longer spans are only caught whole by `filterText`.
   */
  maxMatchLength?: number;
}

const MAX_JOINED_TOKENS = 8;
const MAX_JOINED_CHARS = 96;
const PEM_BEGIN = '-----BEGIN';
const PEM_END = '-----END';

const isWs = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
const isHorizontalWs = (c: number): boolean => c === 32 || c === 9 || c === 0xa0;
/** Tokens that can continue a multi-token entity: number groups (cards, phones, IBANs) and capitalised words or initials (names). */
const JOINABLE = /^(?:[\d+()/.\-]+|[A-Z0-9]{1,4}|\p{Lu}[\p{L}'’.-]*)$/u;
/** Lower-case names are entities too (`olga krylova`, `benjamin a seiler`): known given names and surnames, and initials. */
const LOWER_INITIAL = /^\p{Ll}\.?$/u;
/** Longer than any known name with a possessive and punctuation. */
const MAX_NAME_TOKEN = 32;
function joinable(token: string): boolean {
  if (JOINABLE.test(token) || LOWER_INITIAL.test(token)) return true;
  if (token.length > MAX_NAME_TOKEN) return false;
  // strip trailing punctuation, then a possessive ("anna's,"), by hand: a regex ending in `[...]*$` is quadratic on long runs
  let end = token.length;
  while (end > 0 && ',.;:!?'.includes(token[end - 1]!)) end--;
  if (end >= 2 && token[end - 1] === 's' && (token[end - 2] === "'" || token[end - 2] === '’')) end -= 2;
  const word = token.slice(0, end);
  return GIVEN_LOWER.has(word) || SURNAMES_LOWER.has(word);
}

/**
 * Secrets and PII in replies, through `detectSensitive` from `src/scan/sensitive.ts`.
 *
 * Hold-back (`pendingFrom`): the trailing run of non-space characters (a
 * token may still grow into a key, email or URL), extended back over up to
 * 8 short, space-separated tokens that can belong to a multi-token entity
 * (digit groups of a card, phone or IBAN; capitalised words of a name; known
 * lower-case given names, surnames and initials), and
 * back to an unterminated `-----BEGIN` so a PEM block is held whole (up to
 * `maxMatchLength`). Ordinary prose is released word by word.
 */
export function createSensitiveScanner(options: SensitiveScannerOptions = {}): OutputScanner {
  const { maxMatchLength = 4096, ...detect } = options;
  const name = detect.secrets === false ? 'pii' : detect.pii === false ? 'secrets' : 'sensitive';
  return {
    name,
    maxMatchLength,
    // keyword cues (`api_key =`, `My name is`, phone context) sit before the value
    lookbehind: 128,
    scan(text: string, from = 0): Finding[] {
      const found = detectSensitive(text, detect);
      const out: Finding[] = [];
      for (const f of found) {
        if (f.start < from) continue;
        const { kind: _k, confidence: _c, ...rest } = f;
        out.push(rest);
      }
      return out;
    },
    pendingFrom(text: string): number {
      let pos = text.length;
      while (pos > 0 && !isWs(text.charCodeAt(pos - 1))) pos--;
      let tokens = 0;
      while (tokens < MAX_JOINED_TOKENS && text.length - pos < MAX_JOINED_CHARS) {
        let sep = pos;
        while (sep > 0 && pos - sep < 3 && isHorizontalWs(text.charCodeAt(sep - 1))) sep--;
        if (sep === pos || (sep > 0 && isWs(text.charCodeAt(sep - 1)))) break;
        let ts = sep;
        while (ts > 0 && !isWs(text.charCodeAt(ts - 1))) ts--;
        if (!joinable(text.slice(ts, sep))) break;
        pos = ts;
        tokens++;
      }
      // a PEM block is held until its `-----END ...-----` line is complete
      const begin = text.lastIndexOf(PEM_BEGIN);
      if (begin !== -1 && begin < pos) {
        const end = text.indexOf(PEM_END, begin);
        if (end === -1 || text.indexOf('-----', end + PEM_END.length) === -1) pos = begin;
      }
      return pos;
    },
  };
}
