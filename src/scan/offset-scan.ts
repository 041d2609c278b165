/**
 * Sticky regexes run only where their matches can start, instead of global
 * regexes tried at every position.
 */

import { offsetsOf } from './int32.js';

/**
 * A sticky regex tried only at the given offsets (ascending): `exec()`
 * returns what a global exec from `lastIndex` returns, for a regex whose every
 * match starts at one of them: upper-case letters (upperStarts in names.ts)
 * for regexes that start with one, cue phrase heads (headStarts, or
 * matchStarts below) for cue regexes. `lastIndex` must not point inside a
 * surrogate pair, where a global `u` regex would step back to the pair's start.
 */
export class OffsetScan {
  lastIndex = 0;
  private k = 0;
  constructor(
    private readonly re: RegExp,
    private readonly text: string,
    private readonly starts: ArrayLike<number>,
  ) {}
  exec(): RegExpExecArray | null {
    const { re, text, starts } = this;
    let k = this.k;
    while (k > 0 && starts[k - 1] >= this.lastIndex) k--;
    while (k < starts.length && starts[k] < this.lastIndex) k++;
    for (; k < starts.length; k++) {
      re.lastIndex = starts[k];
      const m = re.exec(text);
      if (m) {
        this.k = k + 1;
        this.lastIndex = m.index + m[0].length;
        return m;
      }
    }
    this.k = k;
    return null;
  }
}

/**
 * Every offset where the global regex `head` matches, overlapping matches
 * included: the starts an OffsetScan needs for a regex whose every match
 * begins where `head` does. `head` should be a plain alternation (no `u`
 * flag) that irregexp finds fast.
 *
 * @example
 * ```ts
 * matchStarts(/ab|b/g, 'abab'); // Int32Array [0, 1, 2, 3]
 * ```
 */
export function matchStarts(head: RegExp, text: string): Int32Array {
  const out: number[] = [];
  head.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = head.exec(text)) !== null) {
    out.push(m.index);
    head.lastIndex = m.index + 1;
  }
  return offsetsOf(out);
}
