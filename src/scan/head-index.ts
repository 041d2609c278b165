/**
 * One pass that finds where any of several head regexes can match.
 *
 * The name and address cue scans run their phrase regexes only where a
 * phrase head occurs (headStarts in names.ts, OffsetScan in offset-scan.ts). Each head
 * is a plain alternation of words; irregexp tries an alternation at every
 * position, so eight of them were eight passes over the text. Here one loop
 * over the code units keeps a rolling key of the last three and looks it up
 * in tables built from the heads' first three characters (a two-character
 * head is entered under every third one); only where a head of some regex
 * may start is that regex tried, sticky. The positions found are exactly
 * those where each head regex matches: the tables give a superset, the regex
 * decides. cue-heads.ts runs the secret and PII cue heads through one index.
 */

import { isWordCode } from './char-codes.js';
import { EMPTY_OFFSETS, doubled } from './int32.js';
import { splitTopLevel } from './regex-source.js';

/**
 * Code units that occur in the first three characters of a head, numbered
 * from 1; all others are 0. FOLDED puts upper and lower case together (five
 * bits, so the first key table is 32 KB and stays in the first-level cache);
 * CASED tells them apart, for the second table that is read only where the
 * first one hits.
 */
const FOLDED = new Uint8Array(65536);
const CASED = new Uint8Array(65536);
const ALPHABET = "abcdefghijklmnopqrstuvwxyz' ’éſ";
const CASED_ALPHABET = ALPHABET + 'ABCDEFGHIJKLMNOPQRSTUVWXYZÉ';
for (let i = 0; i < CASED_ALPHABET.length; i++) {
  const c = CASED_ALPHABET.charCodeAt(i);
  CASED[c] = i + 1;
  FOLDED[c] = ALPHABET.indexOf(CASED_ALPHABET[i].toLowerCase()) + 1;
}
const BITS = 5;
const MASK3 = (1 << (3 * BITS)) - 1;
const CASED_BITS = 6;

/**
 * The first three characters (two for a two-character alternative) of each
 * alternative of a head source, `\b(?:a|b)` or `a|b`, as sets of characters.
 * They must be literal characters or `[..]` classes of them, each exactly
 * once; what follows them is not read (the regex itself checks it).
 */
function prefixes(source: string): string[][][] {
  // `\b(?:a|b)` is unwrapped when the group is the whole source (one top-level alternative)
  const body = source.startsWith('\\b(?:') && source.endsWith(')') && splitTopLevel(source)?.length === 1 ? source.slice(5, -1) : source;
  const alternatives = splitTopLevel(body);
  if (!alternatives) throw new Error(`head index: unbalanced parentheses in ${source}`);
  return alternatives.map((alt) => {
    const out: string[][] = [];
    let i = 0;
    while (out.length < 3 && i < alt.length) {
      const c = alt[i];
      if (c === '[') {
        const close = alt.indexOf(']', i);
        const set = alt.slice(i + 1, close);
        if (close < 0 || /[\\^\]-]/.test(set)) throw new Error(`head index: unsupported class in ${alt}`);
        out.push([...set]);
        i = close + 1;
      } else if (c === '\\' && /[.\/-]/.test(alt[i + 1] ?? '')) {
        out.push([alt[i + 1]]);
        i += 2;
      } else if (/[\\()|?*+{}.^$]/.test(c)) throw new Error(`head index: unsupported head syntax in ${alt}`);
      else {
        out.push([c]);
        i++;
      }
      if (/[?*+{]/.test(alt[i] ?? '')) throw new Error(`head index: a quantified character in the first three of ${alt}`);
    }
    if (out.length < 2) throw new Error(`head index: a head needs two characters: ${alt}`);
    return out;
  });
}

/** `c` and, for an `i` head, its other case when that is in the alphabet (`é`/`É`; without `u`, `s` does not fold to `ſ`). */
function caseVariants(c: string, ignoreCase: boolean): string[] {
  if (!ignoreCase) return [c];
  return [...new Set([c, c.toLowerCase(), c.toUpperCase()])].filter((v) => v === c || (v.length === 1 && CASED[v.charCodeAt(0)] !== 0));
}

/** (offset, heads) pairs of the last scanKeys call; grown as needed and reused. */
let candidates = new Int32Array(1024);

/**
 * The hot loop, alone in its function so that V8 optimises it without the
 * code around it: a rolling key of three folded code units looked up in
 * `folded`, and where that hits, the cased key in `cased`. Returns how many
 * entries of `candidates` it filled.
 */
function scanKeys(text: string, folded: Uint8Array, cased: Uint16Array, wordStart: number): number {
  let cand = candidates;
  let c = 0;
  let key = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    key = ((key << BITS) | FOLDED[text.charCodeAt(i)]) & MASK3;
    const f = folded[key];
    if (f === 0 || i < 2) continue;
    // inside a word, where only heads that start at a word boundary could match: none does (FOLDED_WORD_START
    // says every head of this key is one; the bits below say it of the cased key's heads)
    const inWord = i >= 3 && WORD_CODE[text.charCodeAt(i - 3)] === 1;
    if (inWord && f === FOLDED_WORD_START) continue;
    const bits = cased[casedKey(text, i - 2, CASED[text.charCodeAt(i)])];
    if (bits === 0) continue;
    if (inWord && (bits & ~wordStart) === 0) continue;
    if (c === cand.length) {
      candidates = cand = doubled(cand);
    }
    cand[c++] = i - 2;
    cand[c++] = bits;
  }
  return c;
}

/** Values of the folded key table: some head starting at a word boundary may start here, some other head may (or both: 3). */
const FOLDED_WORD_START = 1;
const FOLDED_ANYWHERE = 2;

/** `\w` without the `u` flag (what `\b` reads): ASCII letters, digits and `_`. */
const WORD_CODE = new Uint8Array(65536);
for (let c = 0; c < 128; c++) if (isWordCode(c)) WORD_CODE[c] = 1;

/** The cased key of the code units at `i`, `i + 1` and a third one given by its code. */
function casedKey(text: string, i: number, third: number): number {
  return (((CASED[text.charCodeAt(i)] << CASED_BITS) | CASED[text.charCodeAt(i + 1)]) << CASED_BITS) | third;
}

/** A set of heads found in one pass; `find(text)[k]` are the positions where `heads[k]` matches. */
export interface HeadIndex {
  find(text: string): Int32Array[];
}

/**
 * Build a head index for global head regexes without the `u` flag (plain
 * alternations as above; anything else throws when the index is built).
 *
 * @example
 * ```ts
 * const index = createHeadIndex([/\b(?:Mr|Dr)/g, /[Nn]ame/g]);
 * index.find('Dr Name'); // [Int32Array [0], Int32Array [3]]
 * ```
 */
export function createHeadIndex(heads: readonly RegExp[]): HeadIndex {
  if (heads.length > 16) throw new Error('head index: at most 16 heads');
  // keyed by three code units; a two-character head is entered under every third one (code 0 included: other characters, text end)
  const folded = new Uint8Array(1 << (3 * BITS));
  const cased = new Uint16Array(1 << (3 * CASED_BITS));
  const sticky = heads.map((h) => {
    if (h.unicode || h.flags.includes('v')) throw new Error('head index: heads are not unicode regexes');
    return new RegExp(h.source, h.flags.replace(/[gy]/g, '') + 'y');
  });
  // the heads whose every match starts at a word boundary before a word character (`\b(?:Mr|Dr)`): not tried inside a word
  let wordStart = 0;
  heads.forEach((h, k) => {
    if (h.source.startsWith('\\b') && prefixes(h.source).every((alt) => alt[0].every((ch) => WORD_CODE[ch.charCodeAt(0)] === 1))) wordStart |= 1 << k;
  });
  heads.forEach((h, k) => {
    for (const alt of prefixes(h.source)) {
      const prefix = alt.slice(0, 3).map((chars) => chars.flatMap((x) => caseVariants(x, h.ignoreCase)));
      if (prefix.length === 2) prefix.push([...CASED_ALPHABET, '\0']);
      let keys: [number, number][] = [[0, 0]];
      for (const chars of prefix) {
        const next: [number, number][] = [];
        for (const ch of chars) {
          const c = ch.charCodeAt(0);
          if (CASED[c] === 0 && ch !== '\0') throw new Error(`head index: character '${ch}' is not in the alphabet`);
          for (const [f, x] of keys) next.push([(f << BITS) | FOLDED[c], (x << CASED_BITS) | CASED[c]]);
        }
        keys = next;
      }
      for (const [f, x] of keys) {
        folded[f] |= wordStart & (1 << k) ? FOLDED_WORD_START : FOLDED_ANYWHERE;
        cased[x] |= 1 << k;
      }
    }
  });
  return {
    find(text: string): Int32Array[] {
      const c = scanKeys(text, folded, cased, wordStart);
      const n = text.length;
      return verify(text, candidates, c, n >= 2 ? cased[casedKey(text, n - 2, 0)] : 0);
    },
  };

  /** Runs the heads at the candidates; `last` are the heads a step past the end finds (a two-character head ending the text). */
  function verify(text: string, cand: Int32Array, c: number, last: number): Int32Array[] {
    // short prompts mostly have no head at all: no lists are allocated for them
    const found: (number[] | undefined)[] = new Array(heads.length);
    for (let x = 0; x <= c; x += 2) {
      const p = x < c ? cand[x] : text.length - 2;
      for (let k = 0, bits = x < c ? cand[x + 1] : last; bits !== 0; k++, bits >>= 1) {
        if ((bits & 1) === 0) continue;
        const re = sticky[k];
        re.lastIndex = p;
        if (re.test(text)) (found[k] ??= []).push(p);
      }
    }
    const out: Int32Array[] = new Array(heads.length);
    for (let k = 0; k < heads.length; k++) out[k] = found[k] ? Int32Array.from(found[k]!) : EMPTY_OFFSETS;
    return out;
  }
}
