import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ID_MATCH_MAX, NATIONAL_ID_PATTERNS, scanNationalIds } from '../../src/scan/pii/national-ids.js';
import type { Candidate } from '../../src/scan/secrets/candidate.js';

/** Pieces that form identifiers, near-misses and the characters around them. */
const piece = fc.oneof(
  fc.constantFrom('X9613851N', '12345678Z', '131052-308T', '850709-9805', '19850709-9805', '900101-1234567', '123-45-67890', '10000000146', '44051401458', '9001014800086', 'S1234567D',
    'RSSMRA85T10A562S', 'AB 12 34 56 C', 'DE 123 456 789', '12/345/6789', '1EG4-TE5-MK73', '27AAPFU0939F1ZV', 'ABCPE1234F', '2345 6789 0123', '046 454 286'),
  fc.integer({ min: 0, max: 99_999_999 }).map(String),
  fc.constantFrom(' ', '\n', '-', '.', ',', '/', '+', 'a', 'Z', 'id ', 'pesel ', 'tax id: ', 'x'),
  fc.integer({ min: 0, max: 300 }).map((n) => 'text '.repeat(Math.ceil(n / 5)).slice(0, n)),
);

describe('national ids: windows around digit runs', () => {
  test('scanNationalIds: a long text scanned in windows gives the whole-text scan\'s findings', () => {
    fc.assert(
      fc.property(fc.array(piece, { minLength: 20, maxLength: 160 }), (parts) => {
        const text = parts.join('').padEnd(16384, ' filler');
        const whole: Candidate[] = [];
        const windowed: Candidate[] = [];
        scanNationalIds(text, whole, { windowed: false });
        scanNationalIds(text, windowed);
        expect(windowed).toEqual(whole);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  test('scanNationalIds: no rule matches more than ID_MATCH_MAX - 4 characters (the windows rely on it)', () => {
    const chars = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPRSTUVWXYZabcdefghz -+/.'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 60 }), (cs) => {
        const text = cs.join('');
        for (const re of NATIONAL_ID_PATTERNS) {
          const g = new RegExp(re.source, 'g');
          for (const m of text.matchAll(g)) expect(m[0].length).toBeLessThanOrEqual(ID_MATCH_MAX - 4);
        }
      }),
      { numRuns: 3000, seed: 9 },
    );
  });
});
