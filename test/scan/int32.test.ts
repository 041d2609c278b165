import { describe, expect, test } from 'vitest';
import { EMPTY_OFFSETS, doubled, mergeOffsets, offsetsOf } from '../../src/scan/int32.js';

describe('offset arrays', () => {
  test('doubled: a copy twice as long, the rest zero, the original untouched', () => {
    const a = Int32Array.of(1, 2, 3);
    const b = doubled(a);
    expect([...b]).toEqual([1, 2, 3, 0, 0, 0]);
    expect([...a]).toEqual([1, 2, 3]);
    expect(doubled(new Int32Array(0)).length).toBe(2);
  });

  test('offsetsOf: the list as an Int32Array, and the one shared empty array for an empty list', () => {
    expect([...offsetsOf([4, 8, 15])]).toEqual([4, 8, 15]);
    expect(offsetsOf([])).toBe(EMPTY_OFFSETS);
    expect(offsetsOf([])).toBe(offsetsOf([]));
    expect(EMPTY_OFFSETS.length).toBe(0);
    expect(offsetsOf([7])).not.toBe(offsetsOf([7]));
  });

  test('mergeOffsets: two ascending lists as one ascending array, every entry kept', () => {
    expect([...mergeOffsets([1, 7], Int32Array.of(3, 9))]).toEqual([1, 3, 7, 9]);
    expect([...mergeOffsets([], [2, 4])]).toEqual([2, 4]);
    expect([...mergeOffsets([5], [])]).toEqual([5]);
    expect([...mergeOffsets([1, 4, 4], [4, 6])]).toEqual([1, 4, 4, 4, 6]);
    let seed = 3;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let n = 0; n < 200; n++) {
      const x = Array.from({ length: Math.floor(rnd() * 8) }, () => Math.floor(rnd() * 50)).sort((a, b) => a - b);
      const y = Array.from({ length: Math.floor(rnd() * 8) }, () => Math.floor(rnd() * 50)).sort((a, b) => a - b);
      expect([...mergeOffsets(x, y)]).toEqual([...x, ...y].sort((a, b) => a - b));
    }
  });
});
