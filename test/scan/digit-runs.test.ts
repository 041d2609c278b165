import { describe, expect, test } from 'vitest';
import { digitRuns, digitTokens, tokenStartsOfLength } from '../../src/scan/pii/digit-runs.js';
import { scanCards } from '../../src/scan/pii/numbers.js';
import type { Candidate } from '../../src/scan/secrets/candidate.js';

/** The runs as a regex finds them, for comparison. */
function regexRuns(text: string): number[] {
  return [...text.matchAll(/\d+/g)].flatMap((m) => [m.index, m.index + m[0].length]);
}

describe('digitRuns', () => {
  test('digitRuns: maximal runs of ASCII digits as [start, end) pairs', () => {
    expect([...digitRuns('tel 555 0100, 4th')]).toEqual([4, 7, 8, 12, 14, 15]);
    expect([...digitRuns('no digits')]).toEqual([]);
    expect([...digitRuns('42')]).toEqual([0, 2]);
  });

  test('digitRuns: non-ASCII digits do not count (Arabic-Indic, fullwidth)', () => {
    expect([...digitRuns('١٢٣ １２３ 7')]).toEqual([8, 9]);
  });

  test('digitRuns: the same runs as /\\d+/g on random text, and a result that later calls do not overwrite', () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = '0123456789 -a.Z\n';
    const kept: [string, Int32Array][] = [];
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let k = Math.floor(rnd() * 3000); k > 0; k--) text += alphabet[Math.floor(rnd() * alphabet.length)];
      const runs = digitRuns(text);
      expect([...runs]).toEqual(regexRuns(text));
      kept.push([text, runs]);
    }
    for (const [text, runs] of kept) expect([...runs]).toEqual(regexRuns(text));
  });

  test('digitRuns: the same runs as /\\d+/g on prose with long stretches between digits (the regex jump)', () => {
    let seed = 17;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let k = Math.floor(rnd() * 20); k > 0; k--) text += 'word '.repeat(Math.floor(rnd() * 12)).slice(0, Math.floor(rnd() * 40)) + (rnd() < 0.7 ? String(Math.floor(rnd() * 1e6)) : '');
      expect([...digitRuns(text)]).toEqual(regexRuns(text));
    }
  });

  test('scanCards: the same cards with shared runs as without', () => {
    const text = 'card 4111 1111 1111 1111, 5500-0000-0000-0004 and 4111 1111-1111 1111; id 12345678901234 x 378282246310005';
    const a: Candidate[] = [];
    const b: Candidate[] = [];
    scanCards(text, a);
    scanCards(text, b, digitRuns(text));
    expect(b).toEqual(a);
    expect(a.map((c) => text.slice(c.start, c.end))).toEqual(['4111 1111 1111 1111', '5500-0000-0000-0004', '378282246310005']);
  });
});

describe('digitTokens', () => {
  test('digitTokens: the letter-and-digit tokens of 9-18 characters that hold a digit, each once', () => {
    const text = 'VIN 1HGCM82633A004352, no. 7; a1b2c3 and plain words, X12345678 and 1234567890123456789';
    expect([...digitTokens(text, digitRuns(text))]).toEqual([4, 21, 54, 63]);
  });

  test('digitTokens: the same tokens as a regex for letter-digit runs with a digit, on random text', () => {
    let seed = 5;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alphabet = '0123456789aZbYcX -_.é';
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let k = Math.floor(rnd() * 2000); k > 0; k--) text += alphabet[Math.floor(rnd() * alphabet.length)];
      const expected = [...text.matchAll(/[A-Za-z0-9]+/g)].filter((m) => /\d/.test(m[0]) && m[0].length >= 9 && m[0].length <= 18).flatMap((m) => [m.index, m.index + m[0].length]);
      expect([...digitTokens(text, digitRuns(text))]).toEqual(expected);
    }
  });

  test('tokenStartsOfLength: the starts of the tokens of one length', () => {
    const text = 'ab12cd34e 1234567890 x9abcdefgh a23456789';
    expect(tokenStartsOfLength(digitTokens(text, digitRuns(text)), 9)).toEqual([0, 32]);
    expect(tokenStartsOfLength(digitTokens(text, digitRuns(text)), 10)).toEqual([10, 21]);
  });
});
