/**
 * Normalisation of untrusted text before injection matching.
 *
 * One bounded, linear pass per step, and every character of the output keeps
 * the UTF-16 offset of the original character it came from, so rule matches
 * on the normalised text map back to spans of the original.
 *
 * Steps: NFKC (per code point, cached), Latin diacritic stripping, lower
 * casing, removal of zero-width / bidi / variation-selector / Unicode-tag
 * characters, whitespace collapsing, separator tricks (`i.g.n.o.r.e`),
 * confusable folding inside mixed-script words (`іgnоre` with Cyrillic і/о)
 * and leetspeak inside words that mix letters and digits (`1gn0r3`).
 */

/** Scripts seen in the text (bit flags), used to skip rule groups cheaply. */
export const SCRIPT = {
  latin: 1,
  cyrillic: 2,
  cjk: 4,
  hangul: 8,
  arabic: 16,
  devanagari: 32,
  greek: 64,
  other: 128,
} as const;

/** Result of {@link normalizeForScan}. */
export interface NormalizedText {
  /** Normalised, lower-cased text. */
  text: string;
  /** For each UTF-16 unit of `text`, the offset of the original character it came from. */
  map: Uint32Array;
  /** Bit set of {@link SCRIPT} flags present. */
  scripts: number;
  /** Zero-width / bidi characters removed from inside words (an obfuscation signal). */
  invisibleInWord: number;
  /** Words rewritten by leetspeak or confusable folding, and separator runs collapsed. */
  obfuscations: number;
  /**
   * Longest run of base64-alphabet units (letters, digits, `+/_-`) seen before separators were collapsed:
   * never shorter than the longest such run of the original text, so decoders can skip their own pre-pass.
   */
  longestBase64Run: number;
}

const INVISIBLE = new Set<number>([
  0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b,
  0x202c, 0x202d, 0x202e, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0x206a, 0x206b, 0x206c,
  0x206d, 0x206e, 0x206f, 0x3164, 0xfeff, 0xffa0,
]);

/** True for code points removed as invisible (zero-width, bidi controls, tags, variation selectors). */
export function isInvisible(cp: number): boolean {
  return (
    INVISIBLE.has(cp) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xe0000 && cp <= 0xe007f) ||
    (cp >= 0xe0100 && cp <= 0xe01ef) ||
    (cp >= 0x0300 && cp <= 0x036f) // combining diacritics (stacked on letters to break matching)
  );
}

/** Cyrillic and Greek letters that look like Latin ones (lower case after folding). */
const CONFUSABLE: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i',
  ї: 'i', ј: 'j', ԁ: 'd', ɡ: 'g', һ: 'h', ԛ: 'q', ԝ: 'w', ӏ: 'l', п: 'n', г: 'r', ь: 'b', ѵ: 'v',
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y', ω: 'w', μ: 'u',
  ı: 'i', ℓ: 'l',
};
const CONFUSABLE_CODES = new Map<number, number>(Object.entries(CONFUSABLE).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]));

const LEET = new Map<number, number>([
  [0x30, 0x6f], // 0 -> o
  [0x31, 0x69], // 1 -> i
  [0x33, 0x65], // 3 -> e
  [0x34, 0x61], // 4 -> a
  [0x35, 0x73], // 5 -> s
  [0x37, 0x74], // 7 -> t
  [0x40, 0x61], // @ -> a
  [0x24, 0x73], // $ -> s
]);

/** ASCII leet lookup (0 = not leet), faster than a Map in the per-character loop. */
const LEET_ASCII = new Uint8Array(128);
for (const [k, v] of LEET) LEET_ASCII[k] = v;
const leetOf = (c: number): number => (c < 128 ? LEET_ASCII[c] : 0);

const nfkcCache = new Map<number, string>();

function foldCodePoint(cp: number): string {
  let s = nfkcCache.get(cp);
  if (s !== undefined) return s;
  s = String.fromCodePoint(cp).normalize('NFKC');
  // strip diacritics from Latin letters (é -> e, ß stays), keep other scripts' marks
  if (cp >= 0xc0 && cp <= 0x24f) s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  s = s.toLowerCase();
  if (cp === 0x131) s = 'i'; // Turkish dotless i
  if (nfkcCache.size < 50_000) nfkcCache.set(cp, s);
  return s;
}

function scriptOf(c: number): number {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a ? SCRIPT.latin : 0;
  if (c <= 0x24f) return SCRIPT.latin;
  if (c >= 0x370 && c <= 0x3ff) return SCRIPT.greek;
  if (c >= 0x400 && c <= 0x52f) return SCRIPT.cyrillic;
  if (c >= 0x600 && c <= 0x6ff) return SCRIPT.arabic;
  if (c >= 0x900 && c <= 0x97f) return SCRIPT.devanagari;
  if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0x3130 && c <= 0x318f)) return SCRIPT.hangul;
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return SCRIPT.cjk;
  return SCRIPT.other;
}

function isWordUnit(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return c >= 0xaa && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff0f);
}

function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Separators used to split a word letter by letter: `i.g.n.o.r.e`, `i-g-n-o-r-e`, `i g n o r e`. */
function isLetterSeparator(c: number): boolean {
  return c === 0x20 || c === 0x2e || c === 0x2d || c === 0x5f || c === 0x2a || c === 0x2f || c === 0x7c || c === 0x2c || c === 0x2b || c === 0x7e;
}

const utf16 = new TextDecoder('utf-16le');
let scratchUnits = new Uint16Array(0);
let scratchOrigin = new Uint32Array(0);
let scratchOut = new Uint16Array(0);

function ensureScratch(size: number): void {
  if (scratchUnits.length >= size) return;
  const cap = Math.max(size, 4096);
  scratchUnits = new Uint16Array(cap);
  scratchOrigin = new Uint32Array(cap);
  scratchOut = new Uint16Array(cap);
}

/**
 * Normalise text for matching. Linear in the input length; never throws
 * (lone surrogates become U+FFFD).
 *
 * @example
 * ```ts
 * const n = normalizeForScan('I.g.n.o.r.e  prev\u200Bious');
 * n.text; // 'ignore previous'
 * n.map[0]; // 0 (offset of 'I' in the original)
 * ```
 */
export function normalizeForScan(input: string): NormalizedText {
  return normalizeInto(input, true);
}

/**
 * {@link normalizeForScan} whose `map` is a view of a scratch buffer that the
 * next normalisation overwrites: for callers that are done with `map` before
 * they normalise another text (saves a copy per call).
 */
export function normalizeForScanScratch(input: string): ScratchNormalizedText {
  return normalizeInto(input, false) as ScratchNormalizedText;
}

/** Result of {@link normalizeForScanScratch}: `map` and `units` are views of scratch buffers. */
export interface ScratchNormalizedText extends NormalizedText {
  /** The UTF-16 units of `text` (`units.length === text.length`). */
  units: Uint16Array;
}

/** Per ASCII unit: {@link isSpace}, {@link isWordUnit}, upper case, base64 alphabet, Latin letter, leet, {@link isLetterSeparator}. */
const A_SPACE = 1;
const A_WORD = 2;
const A_UPPER = 4;
const A_B64 = 8;
const A_LATIN = 16;
const A_LEET = 32;
const A_SEP = 64;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  let k = 0;
  if (isSpace(c)) k |= A_SPACE;
  if (isWordUnit(c)) k |= A_WORD;
  if (c >= 0x41 && c <= 0x5a) k |= A_UPPER;
  if (isWordUnit(c) || c === 0x2b || c === 0x2f || c === 0x5f || c === 0x2d) k |= A_B64;
  if (isWordUnit(c) && (c | 0x20) >= 0x61) k |= A_LATIN;
  if (LEET_ASCII[c]) k |= A_LEET;
  if (isLetterSeparator(c)) k |= A_SEP;
  ASCII_CLASS[c] = k;
}

function normalizeInto(input: string, copyMap: boolean): NormalizedText {
  const len = input.length;
  // pass 1: code points -> folded units (scratch buffers are reused between calls)
  ensureScratch(len * 2 + 8);
  const units = scratchUnits;
  const origin = scratchOrigin;
  const AC = ASCII_CLASS;
  let n = 0;
  let scripts = 0;
  let invisibleInWord = 0;
  let lastWasSpace = true;
  let prevWord = false;
  let pendingInvisible = 0;
  /** A leet or confusable unit was seen (pass 3 has work to do). */
  let maybeFold = false;
  let b64Run = 0;
  let longestB64 = 0;
  /** Every unit so far was kept as is or only lower-cased (ASCII, single spaces). */
  let identity = true;
  /**
   * Pass 2 may have a run to collapse: set for any non-ASCII input, and for ASCII
   * when a word unit follows `word, separator` where the word unit before them is not a word unit.
   */
  let maybeSplit = false;
  /** Class bits (A_WORD | A_SEP) of the last unit written (ASCII input only). */
  let lastClass = 0;
  for (let i = 0; i < len; ) {
    let cp = input.charCodeAt(i);
    if (cp < 0x80) {
      const k = AC[cp];
      if (k & A_SPACE) {
        b64Run = 0;
        if (cp !== 0x20 || lastWasSpace) identity = false;
        if (!lastWasSpace) {
          units[n] = 0x20;
          origin[n++] = i;
          lastWasSpace = true;
          lastClass = A_SEP;
        }
        prevWord = false;
        pendingInvisible = 0;
      } else {
        const lower = k & A_UPPER ? cp + 32 : cp;
        const w = (k & A_WORD) !== 0;
        if (w) {
          if (prevWord && pendingInvisible) invisibleInWord += pendingInvisible;
          // a single word unit and a separator before this one: a letter run may start there
          if (lastClass === A_SEP && n >= 2 && isWordUnit(units[n - 2]) && (n < 3 || !isWordUnit(units[n - 3]))) maybeSplit = true;
        }
        pendingInvisible = 0;
        units[n] = lower;
        origin[n++] = i;
        lastWasSpace = false;
        prevWord = w;
        lastClass = k & (A_WORD | A_SEP);
        if (k & A_B64) {
          if (++b64Run > longestB64) longestB64 = b64Run;
        } else b64Run = 0;
        if (k & A_LATIN) scripts |= SCRIPT.latin;
        else if (k & A_LEET) maybeFold = true;
      }
      i++;
      continue;
    }
    maybeSplit = true;
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < len) {
      const lo = input.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        width = 2;
      } else cp = 0xfffd;
    } else if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (isInvisible(cp)) {
      identity = false;
      pendingInvisible++;
      i += width;
      continue;
    }
    if (isSpace(cp)) {
      b64Run = 0;
      identity = false;
      if (!lastWasSpace) {
        units[n] = 0x20;
        origin[n++] = i;
        lastWasSpace = true;
      }
      prevWord = false;
      pendingInvisible = 0;
      i += width;
      continue;
    }
    // a non-ASCII character: any unit it folds to that is not ASCII alphanumeric ends a run (over-counting is fine)
    b64Run = 0;
    identity = false;
    const folded = foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) {
      const u = folded.charCodeAt(k);
      if (isSpace(u)) {
        if (!lastWasSpace) {
          units[n] = 0x20;
          origin[n++] = i;
          lastWasSpace = true;
        }
        continue;
      }
      if (u >= 0x300 && u <= 0x36f) continue;
      if (n >= units.length) break;
      units[n] = u;
      origin[n++] = i;
      lastWasSpace = false;
      scripts |= scriptOf(u);
      if (u < 0x80 ? LEET_ASCII[u] !== 0 : CONFUSABLE_CODES.has(u)) maybeFold = true;
    }
    const w = folded.length > 0 && isWordUnit(folded.charCodeAt(0));
    if (w && prevWord && pendingInvisible) invisibleInWord += pendingInvisible;
    pendingInvisible = 0;
    prevWord = w;
    i += width;
  }

  // pass 2: collapse single letters split by separators (>= 4 letters, not all the same), e.g. "i.g.n.o.r.e"
  // find the first collapsible run without copying; most text has none, and then pass 2 is a plain copy
  let first = -1;
  for (let i = 0; maybeSplit && i + 2 < n && first < 0; i++) {
    if (!isLetterSeparator(units[i + 1]) || !isWordUnit(units[i]) || (i > 0 && isWordUnit(units[i - 1])) || !isWordUnit(units[i + 2]) || (i + 3 < n && isWordUnit(units[i + 3]))) continue;
    const sep = units[i + 1];
    let j = i;
    let count = 1;
    let mixed = false;
    while (j + 2 < n && units[j + 1] === sep && isWordUnit(units[j + 2]) && (j + 3 >= n || !isWordUnit(units[j + 3]))) {
      j += 2;
      count++;
      mixed ||= units[j] !== units[i];
    }
    if (count >= 4 && mixed) first = i;
    // a rejected run is not measured again from its inner letters (their runs are its suffixes), only from its
    // last letter, where a run with another separator may start: linear on "i.i.i.i..."
    else i = j - 1;
  }
  let out = scratchOut;
  let map: Uint32Array;
  let m = 0;
  let obfuscations = 0;
  if (first < 0) {
    out = units;
    map = copyMap ? origin.slice(0, n) : origin.subarray(0, n);
    m = n;
  } else {
    map = new Uint32Array(n);
    out.set(units.subarray(0, first));
    map.set(origin.subarray(0, first));
    m = first;
  }
  for (let i = first; i >= 0 && i < n; ) {
    const c = units[i];
    const single =
      isWordUnit(c) && (i === 0 || !isWordUnit(units[i - 1])) && i + 2 < n && isLetterSeparator(units[i + 1]) && isWordUnit(units[i + 2]) && (i + 3 >= n || !isWordUnit(units[i + 3]));
    if (single) {
      // measure the run: x S x S x ... with a single separator kind
      const sep = units[i + 1];
      let j = i;
      let count = 1;
      let mixed = false;
      while (j + 2 < n && units[j + 1] === sep && isWordUnit(units[j + 2]) && (j + 3 >= n || !isWordUnit(units[j + 3]))) {
        j += 2;
        count++;
        mixed ||= units[j] !== units[i];
      }
      // a run of one repeated letter ("a a a a", "x x x x") spells no word
      if (count >= 4 && mixed) {
        for (let k = i; k <= j; k += 2) {
          out[m] = units[k];
          map[m++] = origin[k];
        }
        obfuscations++;
        i = j + 1;
        continue;
      }
      // rejected: runs from its inner letters are its suffixes, rejected too; copy up to its last letter, which
      // may start a run with another separator (linear on "i.i.i.i...")
      if (j > i) {
        for (let k = i; k < j; k++) {
          out[m] = units[k];
          map[m++] = origin[k];
        }
        i = j;
        continue;
      }
    }
    out[m] = c;
    map[m++] = origin[i];
    i++;
  }

  // pass 3 (in place): per word, confusable folding when Latin is mixed with Cyrillic/Greek, leetspeak when letters mix with digits
  for (let i = 0; maybeFold && i < m; ) {
    if (!isWordUnit(out[i]) && !leetOf(out[i])) {
      i++;
      continue;
    }
    let j = i;
    let latin = 0;
    let conf = 0;
    let leet = 0;
    let digits = 0;
    let other = 0;
    while (j < m && (isWordUnit(out[j]) || leetOf(out[j]))) {
      const c = out[j];
      if (c >= 0x61 && c <= 0x7a) latin++;
      else if (leetOf(c)) {
        leet++;
        if (c >= 0x30 && c <= 0x39) digits++;
      } else if (c >= 0x80 && CONFUSABLE_CODES.has(c)) conf++;
      else if (c >= 0x80) other++;
      j++;
    }
    if (conf > 0 && latin > 0) {
      for (let k = i; k < j; k++) {
        const f = CONFUSABLE_CODES.get(out[k]);
        if (f !== undefined) out[k] = f;
      }
      latin += conf;
      obfuscations++;
    }
    // leetspeak: a word of >= 3 units with >= 2 letters and some leet units (numbers and codes like x86 are left alone)
    if (leet > 0 && latin >= 2 && j - i >= 3 && digits <= latin + 1 && other === 0) {
      for (let k = i; k < j; k++) {
        const f = leetOf(out[k]);
        if (f) out[k] = f;
      }
      obfuscations++;
    }
    i = j === i ? i + 1 : j;
  }

  let text = '';
  // plain ASCII with single spaces that no pass changed: the normalised text is the lower-cased input
  if (identity && first < 0 && obfuscations === 0 && m === len) text = input.toLowerCase();
  else if (m > 96) text = utf16.decode(out.subarray(0, m));
  else for (let i = 0; i < m; i += 96) text += String.fromCharCode.apply(null, out.subarray(i, Math.min(m, i + 96)) as unknown as number[]);
  const outMap = m === n ? map : map.subarray(0, m);
  if (!copyMap) return { text, map: outMap, scripts, invisibleInWord, obfuscations, longestBase64Run: longestB64, units: out.subarray(0, m) } as ScratchNormalizedText;
  return { text, map: outMap, scripts, invisibleInWord, obfuscations, longestBase64Run: longestB64 };
}

/**
 * Map a span `[start, end)` of normalised text back to the original text.
 *
 * @example
 * ```ts
 * const src = 'I\u200Bgnore';
 * const n = normalizeForScan(src);
 * mapSpan(n, src, 0, n.text.length); // { start: 0, end: 7 }
 * ```
 */
export function mapSpan(n: NormalizedText, original: string, start: number, end: number): { start: number; end: number } {
  if (n.map.length === 0) return { start: 0, end: 0 };
  const s = n.map[Math.min(Math.max(start, 0), n.map.length - 1)];
  const lastIdx = n.map[Math.min(Math.max(end - 1, 0), n.map.length - 1)];
  const hi = original.charCodeAt(lastIdx);
  const e = lastIdx + (hi >= 0xd800 && hi <= 0xdbff && lastIdx + 1 < original.length ? 2 : 1);
  return { start: s, end: Math.max(s, Math.min(e, original.length)) };
}
