import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NAME_LINE_CHECK, mayBeKnownName, scanNames } from '../../src/scan/pii/names.js';
import { GIVEN_NAMES } from '../../src/scan/pii/names-data.js';

describe('name line prefilter', () => {
  test('every line NAME_LINE_RE takes passes the ASCII prefilter', () => {
    const word = fc.constantFrom('Anna', 'Berg', 'anna', 'berg', "O'Brien", 'Anne-Marie', 'o’neil', 'R.', 'R', 'r.', 'r', 'Zoë', 'Émile', 'émile', 'Σοφία', 'σοφία', 'Ax\u0301', 'x', 'B2', 'a:b', ',', '.', '-', "'");
    const gap = fc.constantFrom(' ', '  ', '   ', '    ', '\t', ' \t', '', '\u00a0');
    let matched = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { minLength: 1, maxLength: 5 }), fc.constantFrom('', 'x'), (pairs, pad) => {
        const line = pairs.flat().join('').trimEnd();
        const text = pad + line + pad;
        if (!NAME_LINE_CHECK.re.test(line)) return;
        matched++;
        expect(NAME_LINE_CHECK.may(text, pad.length, pad.length + line.length), JSON.stringify(line)).toBe(true);
      }),
      { numRuns: 6000, seed: 43 },
    );
    expect(matched).toBeGreaterThan(100);
  });
});

describe('known-word filter', () => {
  test('every given name passes the hash filter that spares most capitalised words the Set lookups', () => {
    for (const w of GIVEN_NAMES) expect(mayBeKnownName(w), w).toBe(true);
  });

  test('a Chinese family name and a possessive given name are still found', () => {
    const found = (text: string) => {
      const out: { start: number; end: number }[] = [];
      scanNames(text, out as never);
      return out.map((c) => text.slice(c.start, c.end));
    };
    expect(found('We met Wang Fang yesterday.')).toContain('Wang Fang');
    expect(found('Tom has 5 apples')).toContain('Tom');
    expect(found("Melvin's daughter called")).toContain('Melvin');
  });
});
