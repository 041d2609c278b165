/**
 * The maximal runs of ASCII digits in a text, found once and shared by the
 * scans that start at numbers (national ids, addresses). Each of them walked
 * the digits of its own: one pass each, 5-8 ms per MB of number-dense text.
 */

import { doubled } from '../int32.js';

const DIGIT_RE = /[0-9]/g;

/** Reused output buffer, grown as needed (the caller gets a copy). */
let buffer = new Int32Array(1024);

/**
 * Every maximal run of ASCII digits in `text`, as flat `[start, end)` pairs in
 * ascending order.
 *
 * @example
 * ```ts
 * digitRuns('tel 555 0100, 4th'); // Int32Array [4, 7, 8, 12, 14, 15]
 * ```
 */
export function digitRuns(text: string): Int32Array {
  let out = buffer;
  let n = 0;
  const len = text.length;
  let i = 0;
  let gap = 0;
  while (i < len) {
    if (text.charCodeAt(i) - 48 >>> 0 > 9) {
      i++;
      // past a few characters without a digit, let the regex engine find the next one (prose: a digit every few hundred)
      if (++gap === 16) {
        DIGIT_RE.lastIndex = i;
        if (!DIGIT_RE.test(text)) break;
        i = DIGIT_RE.lastIndex - 1;
      }
      continue;
    }
    gap = 0;
    const start = i++;
    while (i < len && text.charCodeAt(i) - 48 >>> 0 <= 9) i++;
    if (n + 2 > out.length) {
      buffer = out = doubled(out);
    }
    out[n++] = start;
    out[n++] = i;
  }
  return out.slice(0, n);
}

/** ASCII letters and digits: 1, other code units: 0. */
const ALNUM = new Uint8Array(65536);
for (let c = 48; c <= 122; c++) if (c <= 57 || (c >= 65 && c <= 90) || c >= 97) ALNUM[c] = 1;

/** The shortest and the longest token the token rules read (a Korean passport, 9, to a CURP, 18). */
export const TOKEN_MIN = 9;
export const TOKEN_MAX = 18;

/**
 * The maximal runs of ASCII letters and digits that hold a digit and are
 * TOKEN_MIN to TOKEN_MAX characters long, as flat `[start, end)` pairs in
 * ascending order, from the digit runs `runs` of `text`. A rule whose every
 * match is such a token of a fixed length
 * (`(?<![A-Za-z0-9])[A-Z0-9]{17}(?![A-Za-z0-9])`) is tried at the tokens of
 * that length only, not at every position of the text.
 *
 * @example
 * ```ts
 * digitTokens('VIN 1HGCM82633A004352, no. 7', digitRuns('VIN 1HGCM82633A004352, no. 7')); // Int32Array [4, 21]
 * ```
 */
export function digitTokens(text: string, runs: Int32Array): Int32Array {
  let out = tokenBuffer;
  let n = 0;
  let lastEnd = -1;
  for (let k = 0; k < runs.length; k += 2) {
    if (runs[k] < lastEnd) continue; // inside the token of an earlier run
    let s = runs[k];
    while (s > 0 && ALNUM[text.charCodeAt(s - 1)] === 1) s--;
    let e = runs[k + 1];
    while (ALNUM[text.charCodeAt(e)] === 1) e++; // NaN past the end reads undefined
    lastEnd = e;
    if (e - s < TOKEN_MIN || e - s > TOKEN_MAX) continue;
    if (n === out.length) {
      tokenBuffer = out = doubled(out);
    }
    out[n++] = s;
    out[n++] = e;
  }
  return out.slice(0, n);
}
let tokenBuffer = new Int32Array(1024);

/**
 * The starts of the tokens of `tokens` (see digitTokens) that are `length` characters long.
 *
 * @example
 * ```ts
 * const text = 'VIN 1HGCM82633A004352';
 * tokenStartsOfLength(digitTokens(text, digitRuns(text)), 17); // [4]
 * ```
 */
export function tokenStartsOfLength(tokens: Int32Array, length: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < tokens.length; k += 2) if (tokens[k + 1] - tokens[k] === length) out.push(tokens[k]);
  return out;
}
