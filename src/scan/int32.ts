/**
 * Offset arrays of the scans: the reusable buffers of the hot loops (cue-head
 * candidates, capitals, digit runs, digit tokens) grow by doubling, and the
 * many start lists that are empty share one array.
 */

/**
 * A copy of `a` in an array twice as long (the rest zero).
 *
 * @example
 * ```ts
 * doubled(Int32Array.of(1, 2)); // Int32Array [1, 2, 0, 0]
 * ```
 */
export function doubled(a: Int32Array): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(Math.max(2, a.length * 2));
  grown.set(a);
  return grown;
}

/** The empty offset array the start lists share (nothing in it to write). */
export const EMPTY_OFFSETS: Int32Array = new Int32Array(0);

/**
 * `Int32Array.from(list)`, or EMPTY_OFFSETS for an empty list: a typed array costs tens of
 * nanoseconds to allocate, and a short prompt builds dozens of start lists, most of them empty.
 *
 * @example
 * ```ts
 * offsetsOf([]) === offsetsOf([]); // true
 * ```
 */
export function offsetsOf(list: readonly number[]): Int32Array {
  return list.length === 0 ? EMPTY_OFFSETS : Int32Array.from(list);
}

/**
 * Two ascending offset lists as one ascending array, every entry of both kept: the starts of a
 * regex from two sources (a head index and a regex for the heads it cannot read).
 *
 * @example
 * ```ts
 * mergeOffsets([1, 7], Int32Array.of(3, 9)); // Int32Array [1, 3, 7, 9]
 * ```
 */
export function mergeOffsets(x: ArrayLike<number>, y: ArrayLike<number>): Int32Array {
  const out = new Int32Array(x.length + y.length);
  let i = 0;
  let j = 0;
  for (let n = 0; n < out.length; n++) out[n] = j === y.length || (i < x.length && x[i] < y[j]) ? x[i++] : y[j++];
  return out;
}
