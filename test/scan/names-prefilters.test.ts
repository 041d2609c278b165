import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { NAME_LINE_CHECK } from '../../src/scan/pii/names.js';

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
