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
