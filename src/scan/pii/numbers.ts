/**
 * Numeric PII: payment cards (Luhn + IIN), IBAN (mod 97), US SSN / ITIN and
 * phone numbers (libphonenumber-js metadata on prefiltered candidates).
 */
import type { Candidate } from '../secrets/candidate.js';
import { ibanChecksumValid } from './checks.js';
import { digitRuns } from './digit-runs.js';
import { isPossiblePhone, isValidPhone, parsePhone, phoneValid } from './phone-validate.js';
import { isAsciiDigit } from '../char-codes.js';

const CARD_CUE_NEAR = /(?:credit|debit|payment|bank|visa|mastercard|amex|maestro)?[ \t]*card(?:[ \t]+(?:number|no\.?|num))?(?:[ \t]+is)?[ \t]*[#:]?[ \t]*$/i;

/** A known card brand for a number of `n` digits whose first six are `d[off..off+6)` (IIN ranges). */
function cardBrandAt(d: Int8Array, off: number, n: number): boolean {
  const d0 = d[off];
  const p2 = d0 * 10 + d[off + 1];
  const p3 = p2 * 10 + d[off + 2];
  const p4 = p3 * 10 + d[off + 3];
  const p6 = (p4 * 10 + d[off + 4]) * 10 + d[off + 5];
  if (d0 === 4) return n === 13 || n === 16 || n === 19;
  if ((p2 >= 51 && p2 <= 55) || (p6 >= 222100 && p6 <= 272099)) return n === 16;
  if (p2 === 34 || p2 === 37) return n === 15;
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) return n >= 16 && n <= 19;
  if (p2 === 35 || p4 === 2131 || p4 === 1800) return n >= 15 && n <= 19;
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305) || p3 === 309) return n >= 14 && n <= 19;
  if (p2 === 62 || p2 === 81) return n >= 16 && n <= 19;
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 12 && n <= 19;
  if (d0 === 1) return n === 15; // UATP
  return false;
}

// per-run work buffers of scanCards, grown to the longest digit run seen (a run holds at most as many digits and groups as characters)
let dig = new Int8Array(64);
let gStart = new Int32Array(64); // string offset of group start
let gEnd = new Int32Array(64);
let gOff = new Int32Array(64); // digit offset of group start
function grow(n: number): void {
  dig = new Int8Array(n);
  gStart = new Int32Array(n);
  gEnd = new Int32Array(n);
  gOff = new Int32Array(n);
}

/**
 * Cards: each maximal run of digit groups (separated by one space or dash) is
 * examined once; windows of whole groups holding 13-19 digits with one kind
 * of separator are checked for a known IIN and the Luhn digit. Linear: at most
 * 19 windows per group start.
 */
export function scanCards(text: string, out: Candidate[], runs: Int32Array = digitRuns(text)): void {
  // runs of digit groups (/\d+(?:[ -]\d+)*/): digit runs joined by one space or dash; only those of 12+ characters are read
  let k = 0;
  while (k < runs.length) {
    const first = k;
    const start = runs[k];
    let end = runs[k + 1];
    k += 2;
    while (k < runs.length && runs[k] === end + 1) {
      const sep = text.charCodeAt(end);
      if (sep !== 32 && sep !== 45) break;
      end = runs[k + 1];
      k += 2;
    }
    if (end - start >= 12) cardsInRun(text, runs, first, k, out);
  }
}

/** The cards in one run of digit groups: the digit runs `runs[first..last)` (pairs), 12+ characters from the first to the last. */
function cardsInRun(text: string, runs: Int32Array, first: number, last: number, out: Candidate[]): void {
  const base = runs[first];
  const length = runs[last - 1] - base;
  // digits as numbers, group boundaries (as digit offsets and offsets from `base`), in reused buffers
  if (length > dig.length) grow(length);
  let nDig = 0;
  let nGroups = 0;
  for (let r = first; r < last; r += 2) {
    gStart[nGroups] = runs[r] - base;
    gOff[nGroups] = nDig;
    for (let p = runs[r], e = runs[r + 1]; p < e; p++) dig[nDig++] = text.charCodeAt(p) - 48;
    gEnd[nGroups++] = runs[r + 1] - base;
  }
  // a group glued to a decimal point belongs to another number (12.5, 3,14)
  const before = text.charCodeAt(base - 1);
  if ((before === 46 || before === 44) && isAsciiDigit(text.charCodeAt(base - 2))) gStart[0] = -1;
  const after = text.charCodeAt(base + length);
  if ((after === 46 || after === 44) && isAsciiDigit(text.charCodeAt(base + length + 1))) gStart[nGroups - 1] = -1;
  if (nDig < 12) return;
  if (nDig === 12 || (nGroups === 1 && !cardBrandAt(dig, 0, nDig))) {
    // a single unbranded run (Maestro 12-digit, private-label cards) only right after a card cue
    if (nGroups === 1 && nDig <= 19 && gStart[0] >= 0 && CARD_CUE_NEAR.test(text.slice(Math.max(0, base - 30), base)) && !/^(\d)\1+$/.test(text.slice(base, base + length))) {
      out.push({ kind: 'pii', type: 'credit_card', start: base, end: base + length, confidence: luhnAt(dig, 0, nDig) ? 0.75 : 0.6, label: 'payment card number' });
    }
    if (nDig < 13) return;
  }
  let i = 0;
  while (i < nGroups) {
    let best = -1;
    let bestConf = 0;
    if (gStart[i] < 0) {
      i++;
      continue;
    }
    const sep = i + 1 < nGroups ? text.charCodeAt(base + gEnd[i]) : -1;
    const d0 = gOff[i];
    let differs = -1; // the first digit from d0 on that is not dig[d0], read up to 19 digits, when a window needs it
    for (let j = i; j < nGroups; j++) {
      if (gStart[j] < 0) break;
      if (j > i && text.charCodeAt(base + gEnd[j - 1]) !== sep) break; // mixed separators
      const n = gOff[j] + (gEnd[j] - gStart[j]) - d0;
      if (n > 19) break;
      if (n < 13) continue;
      if (differs < 0) differs = firstOtherDigit(d0, Math.min(nDig, d0 + 19));
      if (d0 + n <= differs) continue; // one repeated digit
      if (!cardBrandAt(dig, d0, n)) continue;
      let conf = 0;
      if (luhnAt(dig, d0, n)) conf = 0.9;
      else if (/card|credit|debit|visa|mastercard|amex|cc\b|pan\b/i.test(text.slice(Math.max(0, base + gStart[i] - 40), base + gStart[i]))) conf = 0.45;
      if (conf > 0 && conf >= bestConf) {
        best = j;
        bestConf = conf;
      }
    }
    if (best >= 0) {
      out.push({ kind: 'pii', type: 'credit_card', start: base + gStart[i], end: base + gEnd[best], confidence: bestConf, label: bestConf >= 0.9 ? 'payment card number' : 'payment card number (no Luhn)' });
    }
    i++; // overlapping windows are resolved later by confidence and length
  }
}


/** The first `p` in `(d0, limit)` with `dig[p] !== dig[d0]`, or `limit`. */
function firstOtherDigit(d0: number, limit: number): number {
  let p = d0 + 1;
  while (p < limit && dig[p] === dig[d0]) p++;
  return p;
}

function luhnAt(d: Int8Array, off: number, n: number): boolean {
  let sum = 0;
  for (let k = 0; k < n; k++) {
    let v = d[off + n - 1 - k];
    if (k % 2 === 1) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return sum % 10 === 0;
}

const IBAN_RE = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])/g;

export function scanIban(text: string, out: Candidate[]): void {
  IBAN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IBAN_RE.exec(text)) !== null) {
    // the regex's shape with 15-34 characters besides the spaces is an IBAN's: only the checksum is left (counted in the flat text)
    let n = 0;
    for (let i = m.index, end = m.index + m[0].length; i < end; i++) if (text.charCodeAt(i) !== 32) n++;
    if (n < 15 || n > 34) continue;
    if (ibanChecksumValid(m[0])) {
      out.push({ kind: 'pii', type: 'iban', start: m.index, end: m.index + m[0].length, confidence: 0.95, label: 'IBAN' });
    } else if (/iban|bank|account/i.test(text.slice(Math.max(0, m.index - 40), m.index)) && /\d{6}/.test(m[0].replace(/ /g, '').slice(4))) {
      out.push({ kind: 'pii', type: 'iban', start: m.index, end: m.index + m[0].length, confidence: 0.6, label: 'IBAN (checksum mismatch)' });
    }
  }
}

const SSN_RE = /(?<![\w-])(\d{3})([- ]?)(\d{2})\2(\d{4})(?![\w]|-\d)/g;
const SSN_CTX = /ssn|social security|social-security|\bss#|tax id|taxpayer|itin/i;
const SSN_INVALID = new Set(['078051120', '219099999', '123456789', '457555462']);

export function scanSsn(text: string, out: Candidate[]): void {
  SSN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SSN_RE.exec(text)) !== null) {
    const [raw, area, sep, group, serial] = m;
    const d = area + group + serial;
    const ctx = SSN_CTX.test(text.slice(Math.max(0, m.index - 50), m.index));
    if (!sep && !ctx) continue;
    if (SSN_INVALID.has(d) || group === '00' || serial === '0000') continue;
    const a = Number(area);
    if (area[0] === '9') {
      const g = Number(group);
      if ((g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99)) {
        out.push({ kind: 'pii', type: 'us_itin', start: m.index, end: m.index + raw.length, confidence: ctx ? 0.85 : 0.7, label: 'US ITIN' });
      }
      continue;
    }
    if (a === 0 || a === 666) continue;
    if (/^(\d)\1+$/.test(d)) continue;
    out.push({ kind: 'pii', type: 'us_ssn', start: m.index, end: m.index + raw.length, confidence: ctx ? 0.9 : 0.75, label: 'US social security number' });
  }
}

const PHONE_RE = /(?<![\w+@.\/:-])(?:\+|00)?\(?\d[\d \t().\/-]{5,22}\d(?!(?!x\d)[\w@]|[.-]\d)/g;
/** Words that say the number next to them is a phone number (before it, or right after it: `555 1234 office`). */
export const PHONE_STRONG_BEFORE = /(?:phone|tel\b|tel\.|telephone|mobile|cell|fax|desk|whatsapp|sms|tel[eé]fono|t[eé]l[eé]phone|telefone?|telefoon(?:nummer)?|cellulare|celular|m[oó]vil|portable|handy|rufnummer|gsm|mobiel|mobil|tlf\.?|t[eé]l\.?|text me|call me(?: on| at)?|call us(?: on| at)?|reach me(?: on| at)?|answering at|messages to|ring me(?: on)?|contact number|cep)[\s:.#-]*(?:no\.?|number|nr\.?|n[uú]mero|nummer)?(?:[ \t]+(?:is|es|est|ist|è|é))?[\s:.#-]*$/i;
const PHONE_STRONG_AFTER = /^[ \t]*[-,(]?[ \t]*(?:office|fax|mobile|cell|home|work|desk|tel|phone)\b/i;
const EXT_RE = /^[ \t]?(?:x|ext\.?|extension)[ \t]?\d{1,5}(?!\w)/i;
const PHONE_CTX = /phone|tel\b|tel\.|telephone|call|fax|mobile|cell|contact|whatsapp|sms|text me|ring|office|home|work|number|\bph\b|\bmob\b|\bnum\b|#|tel[eé]f|t[eé]l[eé]ph|telefoon|cellul|celular|m[oó]vil|portable|handy|rufnummer|gsm|mobiel|mobil|tlf|n[uú]mero|nummer/i;
const TRUNK_COUNTRIES = ['GB', 'DE', 'FR', 'IT', 'ES', 'NL', 'BE', 'IL', 'TR', 'PH', 'AU', 'IN', 'BR', 'JP', 'SE', 'CH', 'AT', 'PL', 'IE', 'NZ', 'ZA', 'MX'];

/**
 * A date or a time: `seps` counts the `-`, `/` and `.` of `s`. Each pattern runs only where its characters
 * are: exactly two separators, a 19/20 century, a colon.
 */
function looksLikeDate(s: string, seps: number, colon: boolean): boolean {
  return (seps === 2 && /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}$/.test(s)) || (startsWithCentury(s) && /^(?:19|20)\d{2}[-/]?\d{2}[-/]?\d{2}$/.test(s)) || (colon && /^\d{1,2}:\d{2}/.test(s));
}

/**
 * The words before a candidate, read once per start: scanPhones tries up to four cuts of one candidate,
 * which all start there (the card and IBAN digits of number-dense text are such candidates).
 */
let ctxText = '';
let ctxStart = -1;
let ctxMemo: boolean | undefined;
let strongMemo: boolean | undefined;
function useStart(text: string, start: number): void {
  if (start === ctxStart && text === ctxText) return;
  ctxText = text;
  ctxStart = start;
  ctxMemo = strongMemo = undefined;
}

function phoneCtx(text: string, start: number): boolean {
  useStart(text, start);
  return (ctxMemo ??= PHONE_CTX.test(text.slice(Math.max(0, start - 40), start)));
}

function strongBefore(text: string, start: number): boolean {
  useStart(text, start);
  return (strongMemo ??= mayEndStrongBefore(text, start) && PHONE_STRONG_BEFORE.test(text.slice(Math.max(0, start - 30), start)));
}

/** The ASCII characters of PHONE_STRONG_BEFORE's trailing `[\s:.#-]` (1), read from the class itself. */
const STRONG_TRAIL = new Uint8Array(128);
for (let c = 0; c < 128; c++) STRONG_TRAIL[c] = /[\s:.#-]/.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * The last letters of PHONE_STRONG_BEFORE's words (`phone`, `tel.`, `fax`, `tlf`, `call me at`, `no.`, `nr`,
 * `is`, `est`, ...) in both cases: without the `u` flag an ASCII letter matches only itself and its other case.
 */
const STRONG_LAST = new Uint8Array(128);
for (const c of 'eklmnoprstxyf') STRONG_LAST[c.charCodeAt(0)] = STRONG_LAST[c.toUpperCase().charCodeAt(0)] = 1;

/**
 * False where PHONE_STRONG_BEFORE cannot match the 30 characters before `start`. A match ends there with
 * `[\s:.#-]*` after a word, so the last character outside that class is a word's last letter (the dots of
 * `tel.` and `no.` are in the class); an ASCII one outside STRONG_LAST rules the match out, anything past
 * ASCII (a Unicode space, `é`) is left to the regex.
 */
export function mayEndStrongBefore(text: string, start: number): boolean {
  const from = Math.max(0, start - 30);
  for (let i = start - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c >= 128) return true;
    if (STRONG_TRAIL[c] === 0) return STRONG_LAST[c] === 1;
  }
  return false;
}

/** `raw` is `text.slice(start, start + raw.length)`: the counting loop reads `text` (flat) rather than the slice. */
function phoneConfidence(text: string, raw: string, start: number): number {
  // most candidates fail on the digit count or a shape test: count without a regex, and read the context only when a rule needs it
  let nd = 0;
  let binary = 0; // digits 0 and 1: groups of bits ("01101110 0110") are not phone numbers
  let dots = 0;
  let dashes = 0;
  let slashes = 0;
  let colon = false;
  let spaceOrParen = false;
  for (let i = start, end = start + raw.length; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      nd++;
      if (c <= 49) binary++;
    }
    else if (c === 46) dots++;
    else if (c === 45) dashes++;
    else if (c === 47) slashes++;
    else if (c === 58) colon = true;
    else if (c === 32 || c === 40 || c === 41) spaceOrParen = true;
  }
  if (nd < 7 || nd > 15 || binary === nd) return 0;
  const plus = raw.charCodeAt(0) === 43;
  const zz = raw.startsWith('00');
  // past 12 digits only an international number (+, 00) can be a phone: every other rule below needs 7-12 digits
  if (nd > 12 && !plus && !zz) return 0;
  // the date and version patterns, only where their separators are
  if (looksLikeDate(raw, dots + dashes + slashes, colon)) return 0;
  if (dashes >= 2 && /(?:19|20)\d{2}-\d{2}-\d{2}/.test(raw)) return 0;
  // versions, decimals (the dotted phone shapes spared hold ten digits)
  if (dots >= 2 && /\d\.\d+\.\d/.test(raw) && (nd < 10 || !/\d{3}\.\d{3}\.\d{4}|\d{3}\.\d{3}\.\d{2}\.\d{2}/.test(raw))) return 0;
  const allDigits = nd === raw.length;
  if (allDigits && nd !== 10 && raw.charCodeAt(0) !== 48) return 0;
  // bare trunk-prefixed mobile numbers in countries that write them unseparated (PH 09.., TR 05..)
  if (allDigits && nd === 11 && raw[0] === '0' && (raw[1] === '5' || raw[1] === '9')) {
    for (const c of ['PH', 'TR']) if (phoneValid(raw, c)) return 0.6;
  }
  // Turkish 3-3-2-2 grouping without trunk prefix
  if (raw.length === 13 && /^[2-5]\d{2}([-. ])\d{3}\1\d{2}\1\d{2}$/.test(raw) && phoneValid(raw, 'TR')) return 0.6;
  let ctx: boolean | undefined; // a phone word in the 40 characters before, read once when a rule needs it (no closure: this runs per candidate)
  const hasSep = spaceOrParen || dots > 0 || dashes > 0; // /[ ().-]/
  const intl = plus ? raw : zz && (hasSep || (ctx ??= phoneCtx(text, start))) ? '+' + raw.slice(2) : undefined;
  if (intl) {
    const p = parsePhone(intl);
    if (p && isValidPhone(p)) return 0.85;
    // a leading '+' is itself a strong phone signal: accept numbers of a possible length for the country
    return plus && nd >= 8 && p !== undefined && isPossiblePhone(p) ? 0.65 : 0;
  }
  if (nd === 10 || nd === 11) {
    const digits = raw.replace(/\D/g, '');
    const usShape = (nd === 10 && /^[2-9]\d{2}[2-9]/.test(digits)) || (nd === 11 && /^1[2-9]\d{2}[2-9]/.test(digits));
    if (usShape && /^(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}$/.test(raw) && (hasSep || (ctx ??= phoneCtx(text, start))) && phoneValid(raw, 'US')) return (ctx ??= phoneCtx(text, start)) ? 0.85 : 0.7;
  }
  if (raw.charCodeAt(0) === 48 && !zz && nd >= 9 && nd <= 12 && ((hasSep && nd >= 10) || (ctx ??= phoneCtx(text, start)))) {
    for (const c of TRUNK_COUNTRIES) if (phoneValid(raw, c)) return (ctx ??= phoneCtx(text, start)) ? 0.8 : 0.6;
  }
  if (raw.length === 8 && /^\d{3}[ -]\d{4}$/.test(raw) && (ctx ??= phoneCtx(text, start))) return 0.55; // local 7-digit number with a phone cue
  // national numbers without trunk prefix ("(72) 754-186", "723 813 266", "60-56-85-91") next to a phone word
  if (nd > 12 || (!hasSep && nd < 9)) return 0;
  const strong = strongBefore(text, start) || strongAfter(text, start + raw.length);
  return strong ? 0.6 : 0;
}

/** `/^(?:19|20)/.test(s)` without a regex call (this runs per candidate). */
function startsWithCentury(s: string): boolean {
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(1);
  return (a === 49 && b === 57) || (a === 50 && b === 48);
}

/** The first letters of PHONE_STRONG_AFTER's words in both cases (without the `u` flag an ASCII letter matches only itself and its other case). */
const STRONG_AFTER_FIRST = new Uint8Array(128);
for (const c of 'cdfhmoptw') STRONG_AFTER_FIRST[c.charCodeAt(0)] = STRONG_AFTER_FIRST[c.toUpperCase().charCodeAt(0)] = 1;

/**
 * PHONE_STRONG_AFTER at `end`: its words all start with a letter of STRONG_AFTER_FIRST, after blanks
 * and one `-`, `,` or `(`; other text needs no regex call.
 */
function strongAfter(text: string, end: number): boolean {
  let i = end;
  const limit = end + 12;
  while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const p = text.charCodeAt(i);
  if (i < limit && (p === 45 || p === 44 || p === 40)) i++;
  while (i < limit && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (i >= limit) return false;
  if (STRONG_AFTER_FIRST[text.charCodeAt(i)] !== 1) return false;
  return PHONE_STRONG_AFTER.test(text.slice(end, limit));
}

/** EXT_RE's first letter (`x`, `ext`, `extension`, either case) at `end`, or after one blank there. */
function mayStartExtension(text: string, end: number): boolean {
  let c = text.charCodeAt(end);
  if (c === 32 || c === 9) c = text.charCodeAt(end + 1);
  c |= 32;
  return c === 120 || c === 101;
}

/** `s` without trailing separators (`[ \t(./-]+$`). */
function trimPhoneTail(s: string): string {
  let e = s.length;
  for (;;) {
    const c = s.charCodeAt(e - 1);
    if (c === 32 || c === 9 || c === 40 || c === 46 || c === 47 || c === 45) e--;
    else break;
  }
  return e === s.length ? s : s.slice(0, e);
}

export function scanPhones(text: string, out: Candidate[]): void {
  PHONE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE_RE.exec(text)) !== null) {
    let raw = trimPhoneTail(m[0]);
    let start = m.index;
    if (raw.startsWith('(') && !raw.includes(')')) {
      raw = raw.slice(1);
      start++;
    }
    // the candidate may run into a neighbouring number: try shorter prefixes cut at separators
    let conf = 0;
    let cut = raw;
    for (let tries = 0; tries < 4 && cut.length >= 7; tries++) {
      conf = phoneConfidence(text, cut, start);
      if (conf > 0) break;
      let sep = cut.length - 1; // the last space or tab (read in the flat text, not the slice)
      while (sep > 0 && text.charCodeAt(start + sep) !== 32 && text.charCodeAt(start + sep) !== 9) sep--;
      if (sep <= 0) break;
      cut = trimPhoneTail(text.slice(start, start + sep));
    }
    if (conf > 0) {
      let end = start + cut.length;
      if (cut.length === raw.length && mayStartExtension(text, end)) {
        const ext = EXT_RE.exec(text.slice(end, end + 16));
        if (ext) end += ext[0].length;
      }
      out.push({ kind: 'pii', type: 'phone_number', start, end, confidence: conf, label: 'phone number' });
      PHONE_RE.lastIndex = end;
    }
  }
  useStart('', -1); // the memo does not keep the text alive
  if (text.includes('%2B') || text.includes('%2b')) scanEncodedPlusPhones(text, out);
}

/** `%2B` (an encoded `+`) and an international number in a URL or form body: `tel=%2B14155550132`. */
const ENCODED_PLUS_PHONE_RE = /%2[Bb](\d{7,15})(?![\w-])/g;

function scanEncodedPlusPhones(text: string, out: Candidate[]): void {
  ENCODED_PLUS_PHONE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ENCODED_PLUS_PHONE_RE.exec(text)) !== null) {
    const p = parsePhone('+' + m[1]);
    // the whole encoded number, `%2B` included, so that no digit of it is left
    if (p && isValidPhone(p)) out.push({ kind: 'pii', type: 'phone_number', start: m.index, end: m.index + m[0].length, confidence: 0.8, label: 'phone number' });
  }
}

/**
 * Scan numeric PII (cards, IBAN, SSN/ITIN, phones). `runs` is
 * `digitRuns(text)`, when the caller shares it with other scans.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanNumbers('call +1 415 555 0132', out); // out[0].type === 'phone_number'
 * ```
 */
export function scanNumbers(text: string, out: Candidate[], runs?: Int32Array): void {
  scanCards(text, out, runs);
  scanIban(text, out);
  scanSsn(text, out);
  scanPhones(text, out);
}
