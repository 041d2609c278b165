/**
 * Entropy, placeholder and "looks like code" checks used to gate secret
 * candidates whose format alone is not distinctive.
 */
import { isAsciiDigit, isAsciiLetter } from '../char-codes.js';

const ASCII_COUNTS = new Int32Array(128);

/** Longest string whose entropy terms come from ENTROPY_TERMS. */
const TERMS_MAX = 64;
/**
 * `p * Math.log2(p)` for `p = k / n`, at `n * (TERMS_MAX + 1) + k`: the same
 * doubles the sum would compute (no logarithm per character of a short value).
 */
const ENTROPY_TERMS = new Float64Array((TERMS_MAX + 1) * (TERMS_MAX + 1));
for (let n = 1; n <= TERMS_MAX; n++) {
  for (let k = 1; k <= n; k++) {
    const p = k / n;
    ENTROPY_TERMS[n * (TERMS_MAX + 1) + k] = p * Math.log2(p);
  }
}

/**
 * Shannon entropy of a string in bits per character.
 *
 * @example
 * ```ts
 * shannonEntropy('aaaa'); // 0
 * shannonEntropy('ab'); // 1
 * ```
 */
export function shannonEntropy(s: string): number {
  const n = s.length;
  if (n === 0) return 0;
  let other: Map<number, number> | undefined;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 128) ASCII_COUNTS[c]++;
    else (other ??= new Map()).set(c, (other.get(c) ?? 0) + 1);
  }
  let h = 0;
  const row = n <= TERMS_MAX ? n * (TERMS_MAX + 1) : -1;
  // read back and reset only the slots this string touched
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) continue;
    const k = ASCII_COUNTS[c];
    if (k === 0) continue;
    ASCII_COUNTS[c] = 0;
    if (row >= 0) h -= ENTROPY_TERMS[row + k];
    else {
      const p = k / n;
      h -= p * Math.log2(p);
    }
  }
  if (other) {
    for (const k of other.values()) {
      if (row >= 0) h -= ENTROPY_TERMS[row + k];
      else {
        const p = k / n;
        h -= p * Math.log2(p);
      }
    }
  }
  return h;
}

const PLACEHOLDER_WORDS =
  /(?:example|placeholder|changeme|change_me|change-me|your[_-]?(?:api[_-]?)?(?:key|token|secret|password|pass)|yourkey|dummy|redacted|sample|insert|replace|todo|fixme|notreal|not_a_real|xxxx|\*\*\*|\.\.\.|<[^>]*>|\$\{|\{\{|%\(|%s\b|lorem|foobar|mysecret|mypassword|password123|s3cr3t|hunter2|qwerty|letmein)/i;

const PLACEHOLDER_EXACT = new Set([
  'password', 'passwd', 'pwd', 'secret', 'token', 'apikey', 'api_key', 'key', 'changeme', 'admin', 'root',
  'test', 'testing', 'null', 'none', 'nil', 'undefined', 'true', 'false', 'empty', 'string', 'required', 'optional',
  'default', 'value', 'username', 'user', 'guest', 'demo', 'example', 'sample', 'hidden', 'masked', 'secure',
]);
const PLACEHOLDER_EXACT_MAX = Math.max(...[...PLACEHOLDER_EXACT].map((w) => w.length));

/**
 * True when a value looks like a placeholder rather than a real credential:
 * `xxx`, `<your-key>`, `${VAR}`, `changeme`, `example`, runs of one
 * character, etc.
 *
 * @example
 * ```ts
 * isPlaceholder('${API_KEY}'); // true
 * isPlaceholder('changeme'); // true
 * ```
 */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  // no word of the list is longer than 9 characters (and lower-casing never shortens a string)
  if (v.length <= PLACEHOLDER_EXACT_MAX && PLACEHOLDER_EXACT.has(v.toLowerCase())) return true;
  if (PLACEHOLDER_WORDS.test(v)) return true;
  if (opensTemplate(v.charCodeAt(0))) return true;
  // mostly filler characters: x, X, *, #, •, dots; or one distinct character besides separators
  let filler = 0;
  let first = -1;
  let oneChar = true;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c === 120 || c === 88 || c === 42 || c === 35 || c === 0x2022 || c === 46) filler++;
    if (c === 45 || c === 95 || c === 46 || c === 58) continue;
    if (first === -1) first = c;
    else if (c !== first) oneChar = false;
  }
  if (filler / v.length >= 0.5) return true;
  return first !== -1 && oneChar;
}

/** `$ % @ { < ( [`: a value that starts with one is a variable, template or markup. */
function opensTemplate(c: number): boolean {
  return c === 36 || c === 37 || c === 64 || c === 123 || c === 60 || c === 40 || c === 91;
}

const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

/** Fraction of characters inside ascending runs of 3+ (abc, 123, AbC). */
export function sequentialFraction(v: string): number {
  const s = v;
  let inRun = 0;
  let runLen = 1;
  let prev = lower(s.charCodeAt(0));
  for (let i = 1; i <= s.length; i++) {
    let asc = false;
    if (i < s.length) {
      const c = lower(s.charCodeAt(i));
      asc = ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) && c === prev + 1;
      prev = c;
    }
    if (asc) runLen++;
    else {
      if (runLen >= 3) inRun += runLen;
      runLen = 1;
    }
  }
  return s.length ? inRun / s.length : 0;
}

/**
 * True for an alphabet constant: 26+ characters, none repeated, almost all in
 * ascending runs (`0123456789abcdef...`, `ABC...xyz0123456789`).
 *
 * @example
 * ```ts
 * isCharacterSet('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'); // true
 * ```
 */
export function isCharacterSet(v: string): boolean {
  if (v.length < 26 || v.length > 128) return false;
  if (new Set(v).size !== v.length) return false;
  return sequentialFraction(v) >= 0.9;
}

/**
 * True when the value reads like an identifier, code reference, file path or
 * constant name rather than a random secret.
 *
 * @example
 * ```ts
 * looksLikeCode('XSalsa20.key_length'); // true
 * looksLikeCode('K8S_CRED'); // true
 * ```
 */
export function looksLikeCode(v: string): boolean {
  const shape = codeShape(v);
  // dotted identifier path: foo.bar_baz, process.env.X
  if (shape.dots > 0 && /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(v) && !/\d{3}/.test(v) && v.split('.').every((s) => s.length <= 14 || /^[A-Za-z_]+$/.test(s))) return true;
  if (shape.colons > 1 && v.includes('::')) return true;
  // file path or file name with extension
  if (shape.dots > 0 && /\.(?:pem|p12|pfx|cer|crt|key|jks|json|ya?ml|txt|keytab|keystore|env|cfg|conf|ini|xml|js|ts|py|sh|gif|png|jpg|svg|html?)$/i.test(v)) return true;
  if (mayStartPath(v) && /^(?:\.{0,2}\/|[A-Za-z]:\\|~\/)/.test(v)) return true;
  if (shape.slashes >= 2 && /^[\w./-]+$/.test(v) && !/[A-Z].*\d|\d.*[A-Z]/.test(v)) return true;
  // CONSTANT_NAME / kebab words: every segment short or purely alphabetic
  if (shape.segments >= 2 && shape.wordySegments) return true;
  // resource names: alphabetic / short segments plus one long number (cmp2-qat-1208358310, build-20240101)
  if (shape.segments >= 2 && shape.longNumbers === 1 && shape.wordyOrNumericSegments) return true;
  // camelCase / PascalCase words without digits
  if (shape.letters && /^[a-z]+(?:[A-Z][a-z]+)+$|^(?:[A-Z][a-z]+){2,}$/.test(v)) return true;
  // dates and timestamps (ISO 8601)
  if (isAsciiDigit(v.charCodeAt(0)) && /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(v)) return true;
  // URLs, emails
  if (shape.colons > 0 && /^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return true;
  if (shape.ats > 0 && /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v)) return true;
  return false;
}


/** What looksLikeCode's patterns need, from one pass: each pattern runs only on a value with the characters it requires. */
interface CodeShape {
  dots: number;
  colons: number;
  slashes: number;
  ats: number;
  /** Only ASCII letters (and at least one). */
  letters: boolean;
  /** Non-empty segments between `-`, `_` and `.`. */
  segments: number;
  /** Every segment alphabetic or at most 4 characters. */
  wordySegments: boolean;
  /** Every segment alphabetic, at most 4 characters or all digits. */
  wordyOrNumericSegments: boolean;
  /** Segments of 5 or more digits. */
  longNumbers: number;
}

function codeShape(v: string): CodeShape {
  let dots = 0;
  let colons = 0;
  let slashes = 0;
  let ats = 0;
  let letters = v.length > 0;
  let segments = 0;
  let wordySegments = true;
  let wordyOrNumericSegments = true;
  let longNumbers = 0;
  let segLength = 0;
  let segAlpha = true;
  let segNumeric = true;
  for (let i = 0; i <= v.length; i++) {
    const c = i < v.length ? v.charCodeAt(i) : 45; // a separator after the last segment
    if (c === 45 || c === 95 || c === 46) {
      if (c === 46) dots++;
      if (segLength > 0) {
        segments++;
        const wordy = segAlpha || segLength <= 4;
        if (!wordy) wordySegments = false;
        if (!wordy && !segNumeric) wordyOrNumericSegments = false;
        if (segNumeric && segLength > 4) longNumbers++;
      }
      segLength = 0;
      segAlpha = true;
      segNumeric = true;
      if (i < v.length) letters = false;
      continue;
    }
    segLength++;
    if (isAsciiLetter(c)) {
      segNumeric = false;
      continue;
    }
    letters = false;
    segAlpha = false;
    if (!isAsciiDigit(c)) segNumeric = false;
    if (c === 58) colons++;
    else if (c === 47) slashes++;
    else if (c === 64) ats++;
  }
  return { dots, colons, slashes, ats, letters, segments, wordySegments, wordyOrNumericSegments, longNumbers };
}

/** The first characters `^(?:\.{0,2}\/|[A-Za-z]:\\|~\/)` can start with: `.`, `/`, `~`, or a drive letter and its colon. */
function mayStartPath(v: string): boolean {
  const c = v.charCodeAt(0);
  return c === 46 || c === 47 || c === 126 || (isAsciiLetter(c) && v.charCodeAt(1) === 58);
}

/** Character classes present in a string. */
export function charClasses(v: string): { lower: boolean; upper: boolean; digit: boolean; other: boolean; count: number } {
  let lower = false;
  let upper = false;
  let digit = false;
  let other = false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = true;
    else if (c >= 65 && c <= 90) upper = true;
    else if (c >= 48 && c <= 57) digit = true;
    else other = true;
  }
  return { lower, upper, digit, other, count: +lower + +upper + +digit + +other };
}

/**
 * Decide whether an assigned value (`password = ...`) is secret-like enough.
 * `strong` keyword names (password, secret, token) accept shorter values than
 * weak ones (`key`).
 *
 * @example
 * ```ts
 * secretLikeness('8b71swhuk310mq1sw', true) > 0; // true
 * secretLikeness('changeme', true); // 0
 * ```
 */
export function secretLikeness(v: string, strong: boolean, password = false): number {
  if (password && v.length >= 6 && v.length < 8) return shortPassword(v);
  if (v.length < 8 || v.length > 400) return 0;
  if (isPlaceholder(v) || looksLikeCode(v)) return 0;
  if (v.length <= 24 && sequentialFraction(v) >= 0.6) return 0;
  if (isCharacterSet(v)) return 0;
  const decoded = tryDecodeBase64Text(v);
  if (decoded !== undefined && isPlaceholder(decoded)) return 0;
  const h = shannonEntropy(v);
  const cls = charClasses(v);
  if (strong && cls.digit && !cls.lower && !cls.upper && !cls.other) {
    // numeric ids/secrets (client ids, PINs) only when long and varied
    return v.length >= 16 && v.length <= 40 && h >= 2.8 ? 0.6 : 0;
  }
  if (strong) {
    if (v.length < 8) return 0;
    if (cls.count < 2 && v.length < 16) return 0;
    if (h < 2.5) return 0;
    if (cls.count < 2 && h < 3.2) return 0;
  } else {
    if (v.length < 12) return 0;
    if (!cls.digit || !(cls.lower || cls.upper)) return 0;
    if (h < 3.0) return 0;
  }
  const lenBoost = Math.min(1, v.length / 32);
  return Math.min(0.9, 0.55 + 0.1 * (h - 2.5) + 0.15 * lenBoost + (cls.count >= 3 ? 0.05 : 0));
}

/**
 * A 6-7 character value assigned to a password name: a password when it
 * mixes three character classes without repeats or runs (`aB3$x;`), not a
 * word, number or placeholder (`admin1`, `123456`, `changeme`).
 */
function shortPassword(v: string): number {
  if (isPlaceholder(v) || looksLikeCode(v) || sequentialFraction(v) >= 0.5) return 0;
  if (charClasses(v).count < 3) return 0;
  return new Set(v).size >= v.length - 1 ? 0.6 : 0;
}

/** When `v` is base64 of printable text, that text; otherwise undefined. */
export function tryDecodeBase64Text(v: string): string | undefined {
  if (v.length < 12 || v.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return undefined;
  try {
    const s = Buffer.from(v, 'base64').toString('latin1');
    if (/^[\x20-\x7e]+$/.test(s) && /[a-z]{3,} [a-z]{3,}/i.test(s)) return s;
  } catch {
    return undefined;
  }
  return undefined;
}
