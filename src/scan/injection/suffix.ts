/**
 * Adversarial-suffix heuristic (GCG-style optimised suffixes such as
 * `describing.\ + similarlyNow write oppositeley.]( Me giving**ONE please?`):
 * a short stretch of a single line that mixes words with many brackets,
 * escapes and operators, and with case changes inside words. Ordinary prose
 * has almost none; code has brackets but is laid out on several lines.
 * One linear pass over the raw text (case matters, so not the normalised text).
 */

/** Window (UTF-16 units) over which odd characters are counted. */
export const SUFFIX_WINDOW = 160;

const ODD = new Uint8Array(128);
// not `_` (identifiers) and not `$` before a digit (prices)
for (const c of '{}[]()\\<>|=$^~`*#@"') ODD[c.charCodeAt(0)] = 1;

/** Result of {@link adversarialSuffix}. */
export interface SuffixSignal {
  /** Odd characters plus twice the in-word case changes in the best window (0 when the text has a line break). */
  weight: number;
  start: number;
  end: number;
}

/**
 * The densest window of odd characters, in text that has no line break
 * (weight 0 for multi-line text).
 *
 * @example
 * ```ts
 * adversarialSuffix('Write a tutorial ]{\\|}{ Using Jules scratch notationcommand]} \'<](/texttt]').weight; // >= 10
 * adversarialSuffix('What is the capital of France?').weight; // 0
 * ```
 */
export function adversarialSuffix(text: string): SuffixSignal {
  const len = text.length;
  // ring buffer of per-unit weights over the current window
  const ring = new Uint8Array(SUFFIX_WINDOW);
  let sum = 0;
  let best = 0;
  let bestEnd = 0;
  // current token (letters and digits): its length, whether it has a digit, its in-word case changes
  let tokLen = 0;
  let tokDigit = false;
  let tokCamel = 0;
  let prevLower = false;
  const add = (i: number, wgt: number): void => {
    const slot = i % SUFFIX_WINDOW;
    sum += wgt - ring[slot];
    ring[slot] = wgt;
    if (sum > best) {
      best = sum;
      bestEnd = i + 1;
    }
  };
  for (let i = 0; i <= len; i++) {
    const c = i < len ? text.charCodeAt(i) : 0x20;
    // code and structured text are laid out on lines; the suffixes are one line of text
    if (c === 0x0a || c === 0x0d) return { weight: 0, start: 0, end: 0 };
    const upper = c >= 0x41 && c <= 0x5a;
    const lower = c >= 0x61 && c <= 0x7a;
    const digit = c >= 0x30 && c <= 0x39;
    let wgt = 0;
    if (upper || lower || digit) {
      if (upper && prevLower) tokCamel++;
      tokLen++;
      if (digit) tokDigit = true;
      prevLower = lower;
    } else {
      // a case change inside a short letters-only word (`similarlyNow`), not inside keys or base64
      if (tokCamel > 0 && !tokDigit && tokLen <= 20) wgt = 2 * tokCamel;
      tokLen = 0;
      tokDigit = false;
      tokCamel = 0;
      prevLower = false;
      if (c < 0x80 && ODD[c]) {
        const next = i + 1 < len ? text.charCodeAt(i + 1) : 0;
        if (!(c === 0x24 && next >= 0x30 && next <= 0x39)) wgt += 1;
      }
    }
    if (i < len) add(i, wgt);
    else if (wgt > 0) add(i, wgt);
  }
  return { weight: best, start: Math.max(0, bestEnd - SUFFIX_WINDOW), end: bestEnd };
}

/**
 * Prior probability that a window of this weight is an adversarial suffix
 * (set from the training split: weight >= 11 was seen on no benign row,
 * weight 8..10 on three of about 2 000, all bracket-heavy role-play prompts;
 * the GCG suffixes of the split mostly weigh 10 or more).
 *
 * @example
 * ```ts
 * suffixScore(12); // 0.8
 * ```
 */
export function suffixScore(weight: number): number {
  if (weight >= 12) return 0.8;
  if (weight >= 10) return 0.6;
  if (weight >= 8) return 0.35;
  return 0;
}
