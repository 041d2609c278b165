/**
 * Bounded decoding of payloads embedded in text: base64, hex, URL-encoding
 * and rot13. Each decoded payload keeps the span of its encoded run in the
 * text it was found in. Work is capped (payload count and decoded size), so a
 * 10 MB blob of base64 costs no more than a few kilobytes of decoding.
 */

/** One decoded payload. */
export interface DecodedPayload {
  encoding: 'base64' | 'hex' | 'url' | 'rot13' | 'unicode-tags';
  /** Span of the encoded run in the scanned text (UTF-16 offsets). */
  start: number;
  end: number;
  /** The decoded text. */
  text: string;
}

/** Limits for {@link findEncodedPayloads}. */
export interface DecodeLimits {
  /** Most payloads returned (default 16). */
  maxPayloads?: number;
  /** Longest encoded run decoded (default 16 384 chars); longer runs are decoded from their head. */
  maxRunChars?: number;
  /** Total decoded characters (default 32 768). */
  maxTotalChars?: number;
  /**
   * An upper bound of the text's longest base64-alphabet run when the caller already knows one
   * (`normalizeForScan(text).longestBase64Run`); skips the pre-pass.
   */
  longestRunBound?: number;
}

const BASE64_RUN = /[A-Za-z0-9+/_-]{20,}={0,2}/g;
const HEX_RUN = /(?:\\x|0x)?[0-9a-fA-F]{24,}/g;
const HEX_ESCAPES = /(?:\\x[0-9a-fA-F]{2}){8,}/g;
const URL_RUN = /[^\s%]{0,16}(?:%[0-9a-fA-F]{2}[^\s%]{0,16}){4,}/g;
/** `rot13` itself, or rot13 of common injection words; case-insensitive via [xX] classes (faster than the `i` flag). */
const caseless = (src: string): string => src.replace(/[a-z]/g, (ch) => `[${ch}${ch.toUpperCase()}]`);
const ROT13_CUE = new RegExp(
  String.raw`\b(?:${caseless('rot')}[ -]?13|${['vtaber', 'vtaberf', 'qvfertneq', 'cerivbhf', 'vafgehpgvba', 'vafgehpgvbaf', 'flfgrz cebzcg', 'wnvyoernx', 'lbh ner abj', 'cergraq', 'eriryny', 'bireevqr'].map(caseless).join('|')})\b`,
);

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Share of printable characters, and whether there are enough letters to be language. */
function looksLikeText(s: string): boolean {
  if (s.length < 6) return false;
  let printable = 0;
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xfffd) continue;
    if (c >= 0x20 || c === 0x0a || c === 0x0d || c === 0x09) printable++;
    if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) letters++;
    else if (c >= 0x80) letters++;
  }
  return printable / s.length > 0.9 && letters / s.length > 0.5;
}

function decodeBytes(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeBase64(run: string): string | undefined {
  let s = run.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  if (s.length % 4 === 1) s = s.slice(0, -1);
  // a run of letters only is a long word or identifier, not base64
  if (!/[0-9+/]/.test(s) && !/[A-Z].*[a-z]|[a-z].*[A-Z]/.test(s)) return undefined;
  try {
    const bin = atob(s + '='.repeat((4 - (s.length % 4)) % 4));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return decodeBytes(bytes);
  } catch {
    return undefined;
  }
}

function decodeHex(run: string): string | undefined {
  const s = run.replace(/\\x|^0x/g, '');
  const bytes = new Uint8Array(s.length >> 1);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(s.substr(i * 2, 2), 16);
  return decodeBytes(bytes);
}

function decodeUrl(run: string): string | undefined {
  try {
    return decodeURIComponent(run.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * rot13 of ASCII letters.
 *
 * @example
 * ```ts
 * rot13('vtaber cerivbhf'); // 'ignore previous'
 * ```
 */
export function rot13(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(((c - 0x41 + 13) % 26) + 0x41);
    else if (c >= 0x61 && c <= 0x7a) out += String.fromCharCode(((c - 0x61 + 13) % 26) + 0x61);
    else out += s[i];
  }
  return out;
}

/** 1 for the base64 / base64url alphabet (hex digits are a subset). */
const B64 = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-') B64[c.charCodeAt(0)] = 1;

/** Length of the longest run of base64 alphabet characters, counted up to `cap`. */
function longestBase64Run(text: string, cap: number): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 && B64[c] === 1) {
      if (++run > best && (best = run) >= cap) return best;
    } else run = 0;
  }
  return best;
}

/** Working state of one {@link findEncodedPayloads} call (plain functions below, no closures per call). */
interface DecodeState {
  text: string;
  out: DecodedPayload[];
  maxPayloads: number;
  maxRun: number;
  budget: number;
}

/** Keep a decoded payload that reads as text; false once the payload or size budget is spent. */
function pushPayload(st: DecodeState, encoding: DecodedPayload['encoding'], start: number, end: number, decoded: string | undefined): boolean {
  if (decoded === undefined || !looksLikeText(decoded)) return true;
  const t = decoded.slice(0, st.budget);
  st.budget -= t.length;
  st.out.push({ encoding, start, end, text: t });
  return st.out.length < st.maxPayloads && st.budget > 0;
}

/** Decode every run `re` finds (bounded attempts); false once a budget is spent. */
function scanRuns(st: DecodeState, re: RegExp, encoding: DecodedPayload['encoding'], decode: (run: string) => string | undefined): boolean {
  const text = st.text;
  const maxRun = st.maxRun;
  re.lastIndex = 0;
  let attempts = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (++attempts > st.maxPayloads * 8) return true; // bound the work spent on runs that do not decode
    let run = m[0];
    if (run.length > maxRun) run = run.slice(0, maxRun - (maxRun % 4));
    if (!pushPayload(st, encoding, m.index, m.index + m[0].length, decode(run))) return false;
  }
  return true;
}

function decodeHexRun(r: string): string | undefined {
  return r.replace(/^\\x|^0x/, '').length % 2 ? undefined : decodeHex(r);
}

/**
 * Find and decode embedded payloads in `text` (one level; callers recurse on
 * the decoded text to a bounded depth).
 *
 * @example
 * ```ts
 * findEncodedPayloads('run this: aWdub3JlIGFsbCBwcmV2aW91cyBpbnN0cnVjdGlvbnM=');
 * // [{ encoding: 'base64', start: 10, end: 54, text: 'ignore all previous instructions' }]
 * ```
 */
export function findEncodedPayloads(text: string, limits: DecodeLimits = {}): DecodedPayload[] {
  const maxRun = limits.maxRunChars ?? 16_384;
  const st: DecodeState = { text, out: [], maxPayloads: limits.maxPayloads ?? 16, maxRun, budget: limits.maxTotalChars ?? 32_768 };
  const out = st.out;
  // one linear pre-pass: the run regexes only start where a long enough run exists
  const longest = limits.longestRunBound ?? longestBase64Run(text, 24);
  if (longest >= 20 && !scanRuns(st, BASE64_RUN, 'base64', decodeBase64)) return out;
  if (text.includes('\\x') && !scanRuns(st, HEX_ESCAPES, 'hex', decodeHex)) return out;
  if (longest >= 24 && !scanRuns(st, HEX_RUN, 'hex', decodeHexRun)) return out;
  if (text.includes('%') && !scanRuns(st, URL_RUN, 'url', decodeUrl)) return out;
  if (ROT13_CUE.test(text.length > maxRun * 4 ? text.slice(0, maxRun * 4) : text)) {
    const body = text.length > maxRun ? text.slice(0, maxRun) : text;
    pushPayload(st, 'rot13', 0, body.length, rot13(body));
  }
  return out;
}
