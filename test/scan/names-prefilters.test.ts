import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LIVES_CHECK, NAME_LINE_CHECK, SENTENCE_START_CHECK, SURNAME_END_CHECK, mayBeKnownName, scanNames } from '../../src/scan/pii/names.js';
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

describe('surname ending prefilter', () => {
  test('every word SURNAME_END takes passes the two-character prefilter', () => {
    const endings = SURNAME_END_CHECK.re.source.slice(3, SURNAME_END_CHECK.re.source.indexOf(')$')).split('|');
    const part = fc.constantFrom(...endings, 'K', 'Ko', 'a', 'é', 'ć', 'x', 'S', 'N', 'Σ', '𝐀');
    let matched = 0;
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (parts) => {
        const word = parts.join('');
        if (!SURNAME_END_CHECK.re.test(word)) return;
        matched++;
        expect(SURNAME_END_CHECK.may(word), word).toBe(true);
      }),
      { numRuns: 5000, seed: 47 },
    );
    expect(matched).toBeGreaterThan(1000);
  });
});

describe('sentence start', () => {
  test('atSentenceStart reads the three characters before an offset as the regex does, Unicode white space included', () => {
    const bit = fc.constantFrom('.', '!', '?', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u2003', '\u2028', '\ufeff', 'a', 'A', ',', '…', 'é', '𝐀');
    fc.assert(
      fc.property(fc.array(bit, { maxLength: 8 }), (parts) => {
        const text = parts.join('') + 'Anna';
        for (let i = 0; i <= text.length; i++) {
          const want = i === 0 || SENTENCE_START_CHECK.re.test(text.slice(Math.max(0, i - 3), i));
          expect(SENTENCE_START_CHECK.at(text, i), `${JSON.stringify(text)} at ${i}`).toBe(want);
        }
      }),
      { numRuns: 5000, seed: 53 },
    );
  });
});

describe('lives at', () => {
  test('the char-code test before the second word and the verb holds wherever both regexes match', () => {
    const bit = fc.constantFrom('Nishiyama', 'Anna', "O'Neil", 'Anne-Marie', 'Zoë', 'A', 'B.', ' ', '  ', '\t', ' lives at 12', ' lived in Rome', ' resides on Main', ' resided at ', 'lives', 'x', '1', '-', "'", 'é', '\u0301');
    let matched = 0;
    fc.assert(
      fc.property(fc.array(bit, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        const word = new RegExp(LIVES_CHECK.word.source, LIVES_CHECK.word.flags);
        for (let p = 0; p < text.length; p++) {
          word.lastIndex = p;
          const m = word.exec(text);
          if (!m || !LIVES_CHECK.lives.test(text.slice(p + m[0].length, p + m[0].length + 30))) continue;
          matched++;
          expect(LIVES_CHECK.may(text, p), `${JSON.stringify(text)} at ${p}`).toBe(true);
        }
      }),
      { numRuns: 5000, seed: 59 },
    );
    expect(matched).toBeGreaterThan(300);
  });

  test('one or two unknown capitalised words that live somewhere are names', () => {
    const found = (text: string) => {
      const out: { start: number; end: number; confidence: number }[] = [];
      scanNames(text, out as never);
      return out.map((c) => `${text.slice(c.start, c.end)}:${c.confidence}`);
    };
    expect(found('Xavo Qerti resides in Berlin')).toEqual(['Xavo Qerti:0.6', 'Qerti:0.6']);
    expect(found('Qerti resided at 5 Main St')).toEqual(['Qerti:0.6']);
    expect(found('Dexter lives on Ziegelgasse 19')).toEqual(['Dexter:0.6']);
  });
});

describe('cue words', () => {
  test('the characters a strong cue word is read with (lower-case letters, é and hyphens) lower-case to themselves, so its hash is the hash of its lower case', () => {
    const cueWordCode = /[\p{Ll}é-]/u;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (c >= 0xd800 && c <= 0xdfff) continue;
      if (cueWordCode.test(ch)) expect(ch.toLowerCase(), `U+${c.toString(16)}`).toBe(ch);
    }
  });

  test('a cue word before an unknown capitalised word still finds it', () => {
    const found = (text: string) => {
      const out: { start: number; end: number; confidence: number }[] = [];
      scanNames(text, out as never);
      return out.map((c) => `${text.slice(c.start, c.end)}:${c.confidence}`);
    };
    expect(found('my kid Agi is six')).toContain('Agi:0.65');
    expect(found('we named him Timmie')).toContain('Timmie:0.65');
    expect(found('a film co-starring Borkowski')).toContain('Borkowski:0.65');
  });
});
