/**
 * The maximal runs of ASCII digits in a text, found once and shared by the
 * scans that start at numbers (national ids, addresses). Each of them walked
 * the digits of its own: one pass each, 5-8 ms per MB of number-dense text.
 */

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
  while (i < len) {
    if (text.charCodeAt(i) - 48 >>> 0 > 9) {
      i++;
      continue;
    }
    const start = i++;
    while (i < len && text.charCodeAt(i) - 48 >>> 0 <= 9) i++;
    if (n + 2 > out.length) {
      const grown = new Int32Array(out.length * 2);
      grown.set(out);
      buffer = out = grown;
    }
    out[n++] = start;
    out[n++] = i;
  }
  return out.slice(0, n);
}

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * The maximal runs of ASCII letters and digits that hold a digit, as flat
 * `[start, end)` pairs in ascending order, from the digit runs `runs` of
 * `text`. A rule whose every match is such a token of a fixed length
 * (`(?<![A-Za-z0-9])[A-Z0-9]{17}(?![A-Za-z0-9])`) is tried at the tokens of
 * that length only, not at every position of the text.
 *
 * @example
 * ```ts
 * digitTokens('VIN 1HGCM82633A004352, no. 7', digitRuns('VIN 1HGCM82633A004352, no. 7')); // Int32Array [4, 21, 27, 28]
 * ```
 */
export function digitTokens(text: string, runs: Int32Array): Int32Array {
  const out: number[] = [];
  let lastEnd = -1;
  for (let k = 0; k < runs.length; k += 2) {
    if (runs[k] < lastEnd) continue; // inside the token of an earlier run
    let s = runs[k];
    while (s > 0 && isAlnum(text.charCodeAt(s - 1))) s--;
    let e = runs[k + 1];
    while (isAlnum(text.charCodeAt(e))) e++;
    out.push(s, e);
    lastEnd = e;
  }
  return Int32Array.from(out);
}

/** The starts of the tokens of `tokens` (see digitTokens) that are `length` characters long. */
export function tokenStartsOfLength(tokens: Int32Array, length: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < tokens.length; k += 2) if (tokens[k + 1] - tokens[k] === length) out.push(tokens[k]);
  return out;
}
