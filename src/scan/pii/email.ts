/** E-mail address detection. */
import type { Candidate } from '../secrets/candidate.js';

/** Run sticky at the start of an '@''s local part (see scanEmail). */
const EMAIL_AT_RE = /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9-]{1,63}\.){1,8}(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59})(?![\w-]|\.[A-Za-z0-9])/y;

/** A local-part character: the class of the local part, which is also the lookbehind's. */
function isLocalChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

/**
 * Find e-mail addresses.
 *
 * Led by the `@`s instead of trying the pattern at every letter: a match's
 * local part is the whole run of local-part characters before its `@` (the
 * lookbehind forbids a start inside the run), so there is one place to try
 * per `@`, and none when that run is longer than 64 or starts with `.`, `_`,
 * `%`, `+` or `-`. The matches are the ones a global scan of the pattern finds.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanEmail('write to ana@example.org', out); // out[0].type === 'email'
 * ```
 */
export function scanEmail(text: string, out: Candidate[]): void {
  if (text.includes('%40')) scanEncodedEmail(text, out);
  let at = text.indexOf('@');
  let next = 0; // where a global scan would resume: the end of the last match
  while (at !== -1) {
    let s = at;
    while (s > 0 && at - s <= 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
    // an internationalised address (`josé@correo.es`, `info@münchen.de`): letters beyond ASCII next to the `@`
    if (s >= next && (nonAsciiWordBefore(text, s) || nonAsciiDomain(text, at))) {
      const span = internationalEmailAt(text, at);
      if (span) {
        if (!isAssetName(text.slice(span[0], at), text.slice(at + 1, span[1]))) out.push({ kind: 'pii', type: 'email', start: span[0], end: span[1], confidence: 0.9, label: 'e-mail address' });
        next = span[1];
        at = text.indexOf('@', next);
        continue;
      }
    }
    // the loop stops at the run's start unless the run is longer than 64; the pattern checks the rest
    if (s >= next && at - s >= 1 && at - s <= 64 && !inUrlUserinfo(text, s)) {
      EMAIL_AT_RE.lastIndex = s;
      const m = EMAIL_AT_RE.exec(text);
      if (m) {
        next = s + m[0].length;
        const v = m[0];
        const local = v.slice(0, at - s);
        const domain = v.slice(at - s + 1);
        // retina assets like icon@2x.png
        if (!isAssetName(local, domain)) {
          out.push({ kind: 'pii', type: 'email', start: s, end: next, confidence: 0.95, label: 'e-mail address' });
        }
      }
    }
    at = text.indexOf('@', at + 1);
  }
}

/**
 * `s` starts the user or the password of a URL's userinfo (`https://TOKEN@host`,
 * `https://user:PASSWORD@host`): a credential (the secret scan reports it), not
 * an e-mail address.
 */
function inUrlUserinfo(text: string, s: number): boolean {
  let j = s;
  while (j > 0 && s - j <= 200) {
    const c = text.charCodeAt(j - 1);
    if (c === 47 || c === 64 || c === 63 || c === 35 || c <= 32) break; // '/', '@', '?', '#' end the authority; so do blanks
    j--;
  }
  return j >= 3 && text.startsWith('://', j - 3);
}

/** An address percent-encoded in a URL or a form body (`?email=jane.doe%40example.com`). */
const ENCODED_EMAIL_RE = /(?<![\w.%+-])[A-Za-z0-9._+-]{1,64}%40(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24}(?![\w-]|\.[A-Za-z0-9])/g;

function scanEncodedEmail(text: string, out: Candidate[]): void {
  ENCODED_EMAIL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENCODED_EMAIL_RE.exec(text)) !== null) out.push({ kind: 'pii', type: 'email', start: m.index, end: m.index + m[0].length, confidence: 0.9, label: 'e-mail address' });
}

/** RFC 6531 addresses: letters, marks and digits of any script in the local part and the domain labels. */
const INTL_EMAIL_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}._%+-]{0,63}@(?:[\p{L}\p{M}\p{N}-]{1,63}\.){1,8}(?:\p{L}{2,24}|xn--[A-Za-z0-9-]{1,59})(?![\p{L}\p{M}\p{N}_-]|\.[\p{L}\p{N}])/uy;
const INTL_LOCAL_CHAR_RE = /^[\p{L}\p{M}\p{N}._%+-]$/u;
const NON_ASCII_WORD_RE = /^[\p{L}\p{M}\p{N}]$/u;

/** The code point ending at `i` (a surrogate pair read whole). */
function codePointBefore(text: string, i: number): string {
  const lo = text.charCodeAt(i - 1);
  return lo >= 0xdc00 && lo <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1];
}

/** The character before `s` is a letter, mark or digit beyond ASCII (the ASCII local part would be cut there). */
function nonAsciiWordBefore(text: string, s: number): boolean {
  return s > 0 && text.charCodeAt(s - 1) >= 128 && NON_ASCII_WORD_RE.test(codePointBefore(text, s));
}

/** A character beyond ASCII in the 64 after the `@`, before any blank. */
function nonAsciiDomain(text: string, at: number): boolean {
  for (let i = at + 1; i < text.length && i - at <= 64; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) return false;
    if (c >= 128) return true;
  }
  return false;
}

/** The [start, end) of an internationalised address around the `@` at `at`, or undefined. */
function internationalEmailAt(text: string, at: number): [number, number] | undefined {
  let s = at;
  while (s > 0 && at - s <= 64) {
    const c = text.charCodeAt(s - 1);
    if (c < 128 ? isLocalChar(c) : INTL_LOCAL_CHAR_RE.test(codePointBefore(text, s))) s -= c >= 0xdc00 && c <= 0xdfff && s >= 2 ? 2 : 1;
    else break;
  }
  if (at - s < 1 || at - s > 64) return undefined;
  INTL_EMAIL_RE.lastIndex = s;
  const m = INTL_EMAIL_RE.exec(text);
  return m ? [s, s + m[0].length] : undefined;
}

/** Retina asset names and file names that look like addresses (`icon@2x.png`, `logo@3x.svg`). */
function isAssetName(local: string, domain: string): boolean {
  return /\.(?:png|jpe?g|gif|svg|webp|js|ts|css|py)$/i.test(domain) || /^\d+x$/i.test(local);
}

/**
 * An address written to dodge scrapers: `jane.doe [at] example [dot] com`, `jane(at)example.org`, `{at}`.
 * The `at` must be bracketed (a plain ` at ` is English); the dots may be bracketed, ` dot ` or `.`.
 */
const OBFUSCATED_EMAIL_RE =
  /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}[ \t]{0,2}(?:\[at\]|\(at\)|\{at\}|\[@\]|\(@\))[ \t]{0,2}(?:[A-Za-z0-9-]{1,63}(?:[ \t]{0,2}(?:\[dot\]|\(dot\)|\{dot\})[ \t]{0,2}|[ \t]dot[ \t]|\.)){1,8}[A-Za-z]{2,24}(?![\w-])/giy;
const OBFUSCATED_AT_RE = /\[at\]|\(at\)|\{at\}|\[@\]|\(@\)/gi;
const PARTIAL_AT_RE = /[[({](?:a|at|@)?$/i;

/** `i` moved back over at most `max` spaces or tabs. */
function blanksBefore(text: string, i: number, max: number): number {
  let s = i;
  while (s > 0 && i - s < max && (text.charCodeAt(s - 1) === 32 || text.charCodeAt(s - 1) === 9)) s--;
  return s;
}

/** Where the run of 1-64 local-part characters that ends at `end` starts, or -1 (none, or longer than 64). */
function localPartBefore(text: string, end: number): number {
  let s = end;
  while (s > 0 && end - s <= 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
  return end - s >= 1 && end - s <= 64 ? s : -1;
}

/**
 * Find obfuscated e-mail addresses (see OBFUSCATED_EMAIL_RE). Led by the bracketed `at`: the local part is the
 * run of local-part characters (and up to two blanks) before it.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanObfuscatedEmail('mail j.doe [at] example [dot] com', out); // out[0].type === 'email'
 * ```
 */
export function scanObfuscatedEmail(text: string, out: Candidate[]): void {
  OBFUSCATED_AT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let next = 0;
  while ((m = OBFUSCATED_AT_RE.exec(text)) !== null) {
    const s = localPartBefore(text, blanksBefore(text, m.index, 2));
    if (s < next) continue;
    OBFUSCATED_EMAIL_RE.lastIndex = s;
    const e = OBFUSCATED_EMAIL_RE.exec(text);
    if (!e) continue;
    next = s + e[0].length;
    out.push({ kind: 'pii', type: 'email', start: s, end: next, confidence: 0.85, label: 'e-mail address (obfuscated)' });
    OBFUSCATED_AT_RE.lastIndex = Math.max(OBFUSCATED_AT_RE.lastIndex, next);
  }
}

/**
 * For a reply being streamed: where text must be held back because an obfuscated address may still be
 * written over it (`text.length` when nothing is held). A word of local-part characters followed by one or two
 * blanks at the end may be followed by `[at]`; an address after a bracketed `at` in the last 200 characters is
 * held while it is incomplete or may still grow (`... [dot] co` + ` [dot] uk`).
 *
 * @example
 * ```ts
 * obfuscatedEmailHoldFrom('write to j.doe '); // 9: `j.doe ` may become `j.doe [at] ...`
 * ```
 */
export function obfuscatedEmailHoldFrom(text: string): number {
  let hold = text.length;
  // a bracketed `at` still being written (`[`, `(a`, `{at`) is held with the word before it
  const partial = PARTIAL_AT_RE.exec(text.slice(-4));
  const end = text.length - (partial ? partial[0].length : 0);
  const e = blanksBefore(text, end, 3);
  const blanks = end - e;
  if (blanks <= 2 && (blanks >= 1 || partial)) {
    const s = localPartBefore(text, e);
    if (s >= 0) hold = s;
  }
  const from = Math.max(0, text.length - 200);
  const tail = text.slice(from);
  OBFUSCATED_AT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let last = -1;
  while ((m = OBFUSCATED_AT_RE.exec(tail)) !== null) last = from + m.index;
  if (last === -1) return hold;
  const s = localPartBefore(text, blanksBefore(text, last, 2));
  if (s < 0) return hold;
  OBFUSCATED_EMAIL_RE.lastIndex = s;
  const full = OBFUSCATED_EMAIL_RE.exec(text);
  // incomplete and still on its line, or complete but close enough to the end to grow
  const open = full ? s + full[0].length + 8 >= text.length : !text.includes('\n', last) && text.length - last < 120;
  return open ? Math.min(hold, s) : hold;
}
