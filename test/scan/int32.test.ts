import { describe, expect, test } from 'vitest';
import { EMPTY_OFFSETS, doubled, offsetsOf } from '../../src/scan/int32.js';

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
});
