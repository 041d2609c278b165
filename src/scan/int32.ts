/**
 * The reusable offset buffers of the hot scan loops (cue-head candidates,
 * capitals, digit runs, digit tokens) grow by doubling.
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
