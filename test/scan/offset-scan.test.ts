import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ADDRESS_GATES, CAPITAL_LED_ADDRESS_SCANS, GAZETTEER_SCANS, HEAD_SCANS, NUMBERED_ADDRESS_PATTERNS, SAID_SCAN, SKIPPED_PAIRS, TOKEN_READERS, addressNumberStarts, headStarts, nameTokenStarts, upperStarts } from '../../src/scan/pii/names.js';
import { SURNAMES } from '../../src/scan/pii/names-data.js';
import { OffsetScan, matchStarts } from '../../src/scan/offset-scan.js';
import { DATE_HEAD_SCANS } from '../../src/scan/pii/dates.js';
import { DIGIT_SHAPE_SCANS, DOCUMENT_HEAD_SCANS, LETTER_LED_SCANS, documentCueStarts, scanDocumentNumbers } from '../../src/scan/pii/national-ids.js';

const TOKEN = "\\p{Lu}[\\p{Ll}\\p{M}'’]+(?:-\\p{Lu}[\\p{Ll}\\p{M}'’]+)?";
/** The shapes the name scanner runs this way: every match starts with an upper-case letter. */
const SOURCES = [
  "\\p{Lu}[\\p{Ll}'’]+",
  `(?<![\\p{L}\\p{M}'’-])(${TOKEN})[ \\t]+(?:\\p{Lu}\\.?[ \\t]+)?(${TOKEN})(?![\\p{L}\\p{M}-])`,
  `(?<![\\p{L}\\p{M}])${TOKEN}(?:(?:,[ \\t]*|,?[ \\t]+(?:and|&|or)[ \\t]+)${TOKEN}){1,11}`,
  '\\b\\p{Lu}[\\p{L}-]{1,30}[ \\t]+(?:Weg|Gade)[ \\t]+\\d{1,5}[A-Za-z]?\\b',
];
/** ASCII, Latin-1, Greek, Cyrillic, combining marks, an astral capital (𝐀) and a lone surrogate. */
const piece = fc.constantFrom(' Weg 12', ' Gade 3b', 'A', 'b', 'É', 'é', 'Σ', 'σ', 'Ж', 'ж', '\u0301', '𝐀', '\ud835', "'", '’', '-', ' ', '\t', ',', ' and ', '.', 'x', 'Mc');

/** One code point: lastIndex never points inside a surrogate pair (a global /u regex would step back to its start). */
const step = (s: string): number => ((s.codePointAt(0) as number) > 0xffff ? 2 : 1);

describe('upper-case offsets', () => {
  test('upperStarts: every offset whose code point is \\p{Lu}, in order', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const want: number[] = [];
        for (let i = 0; i < text.length; i++) {
          const cp = text.codePointAt(i) as number;
          if (!(text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff) && /^\p{Lu}$/u.test(String.fromCodePoint(cp))) want.push(i);
        }
        expect([...upperStarts(text)]).toEqual(want);
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  test('upperStarts: every BMP code unit that is \\p{Lu}, and no other', () => {
    const upper = /^\p{Lu}$/u;
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      expect([...upperStarts(`a${ch}b`)], `U+${c.toString(16)}`).toEqual(upper.test(ch) ? [1] : []);
    }
  });

  test('OffsetScan.exec: at upper-case offsets, the same matches as a global scan, also when lastIndex is moved back into a match', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 0, max: SOURCES.length - 1 }), fc.boolean(), (parts, which, stepBack) => {
        const text = parts.join('');
        const g = new RegExp(SOURCES[which], 'gu');
        const scan = new OffsetScan(new RegExp(SOURCES[which], 'uy'), text, upperStarts(text));
        const want: string[] = [];
        const got: string[] = [];
        let m: RegExpExecArray | null;
        while ((m = g.exec(text)) !== null) {
          want.push(`${m.index}:${m[0]}`);
          if (stepBack && m[0].length > step(m[0])) g.lastIndex = m.index + step(m[0]);
        }
        while ((m = scan.exec()) !== null) {
          got.push(`${m.index}:${m[0]}`);
          if (stepBack && m[0].length > step(m[0])) scan.lastIndex = m.index + step(m[0]);
        }
        expect(got).toEqual(want);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  test('address patterns: a leading lookbehind moved after the first digit (\\d(?<![\\w-]\\d)) matches as before', () => {
    const pairs: [RegExp, RegExp][] = [
      [/(?<![\w-])\d{1,6}[ \t]+(?:\d{1,5}[ \t]+)?Rue/gu, /\d(?<![\w-]\d)\d{0,5}[ \t]+(?:\d{1,5}[ \t]+)?Rue/gu],
      [/(?<![\w.,$€£-])\d{1,6}[A-Za-z]?[ \t]+\p{Lu}\p{Ll}{2,}[ \t]+\d{1,5}/gu, /\d(?<![\w.,$€£-]\d)\d{0,5}[A-Za-z]?[ \t]+\p{Lu}\p{Ll}{2,}[ \t]+\d{1,5}/gu],
    ];
    const all = (re: RegExp, t: string) => [...t.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
    const bit = fc.constantFrom('1', '23', '1234567', 'a', 'B', '-', '.', ',', '$', '€', ' ', 'Rue', 'Abc', '\t', '_', 'é', '𝟏');
    for (const [before, after] of pairs) {
      fc.assert(
        fc.property(fc.array(bit, { maxLength: 30 }), (parts) => {
          const text = parts.join('');
          expect(all(after, text)).toEqual(all(before, text));
        }),
        { numRuns: 3000, seed: 3 },
      );
    }
  });
});

describe('address cue heads', () => {
  /** The cue pattern as a global scan over the whole text. */
  const REFERENCE =
    /\b(?:address is|address:|located at|lives at|live at|living at|sent to|send it to|deliver(?:ed)? to|ship(?:ped)? to|drops? you off at|meet you at|arrived at|corner of|return to|moved to)[ \t\n]+((?:the corner of )?[^.?!;\n]{0,20}\d[^?!;]{2,100}?)(?=[.?!;]\s|[.?!;]?$|\n\n| in case| after| last| and i| but)/giu;

  const address = HEAD_SCANS.find((h) => h.re.source.startsWith('\\b(?:address is'))!;
  const addressCueMatches = (text: string) => {
    const scan = new OffsetScan(address.re, text, headStarts(text)[HEAD_SCANS.indexOf(address)]);
    const out: RegExpExecArray[] = [];
    let m: RegExpExecArray | null;
    while ((m = scan.exec()) !== null) out.push(m);
    return out;
  };

  test('OffsetScan.exec: the address cues at their heads are the matches of a whole-text scan, with cue phrases in any case, the long s (ſ) and overlapping heads', () => {
    const bit = fc.constantFrom('lives at ', 'LIVES AT ', 'ſent to ', 'Sent to ', 'send it to ', 'shipped to ', 'drops you off at ', 'moved to ', 'address: ', 'corner of ', 'the corner of ', 'return to ', 'meet you at ', 'deliver', 'ed to ', '221 ', 'Baker Street', '. ', '; ', '\n', '\n\n', ' in case', ' after', ' but', 'x', 'liv', 'ſ', '12', 'é');
    fc.assert(
      fc.property(fc.array(bit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const want = [...text.matchAll(REFERENCE)].map((m) => `${m.index}:${m[0]}:${m[1]}`);
        expect(addressCueMatches(text).map((m) => `${m.index}:${m[0]}:${m[1]}`)).toEqual(want);
      }),
      { numRuns: 4000, seed: 13 },
    );
  });
});

/** `index:match` of the sticky regex `re` run at `starts` by an OffsetScan. */
function offsetMatches(re: RegExp, text: string, starts: ArrayLike<number>): string[] {
  const scan = new OffsetScan(re, text, starts);
  const got: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = scan.exec()) !== null) got.push(`${m.index}:${m[0]}`);
  return got;
}

/** `index:match` of the same regex as a global scan over the whole text. */
function wholeMatches(re: RegExp, text: string): string[] {
  return [...text.matchAll(new RegExp(re.source, re.flags.replace('y', 'g')))].map((m) => `${m.index}:${m[0]}`);
}

/**
 * On random texts joined from `bit`, each regex run at its starts (ascending) returns what a
 * global scan over the whole text returns.
 */
function expectStartsHoldEveryMatch(scans: readonly { re: RegExp; starts: (text: string) => ArrayLike<number> }[], bit: fc.Arbitrary<string>, maxLength: number, numRuns: number, seed: number): void {
  fc.assert(
    fc.property(fc.array(bit, { maxLength }), (parts) => {
      const text = parts.join('');
      for (const { re, starts } of scans) {
        const at = Array.from(starts(text));
        expect(at).toEqual([...at].sort((x, y) => x - y));
        expect(offsetMatches(re, text, at)).toEqual(wholeMatches(re, text));
      }
    }),
    { numRuns, seed },
  );
}

describe('cue heads', () => {
  test('OffsetScan.exec: every cue regex run at its heads returns a whole-text scan\'s matches', () => {
    const bit = fc.constantFrom(
      'my name is ', 'My name is ', 'Name: ', 'name is ', 'named ', 'called ', 'Call me ', 'Signed ', 'Regards, ', 'Best,\n', 'Thanks, ', 'Thank you, ', 'Yours truly, ', 'Warmly, ',
      'says ', 'said ', 'Full Name: ', 'Surname: ', 'Prénom : ', 'Nom: ', 'Apellidos: ', 'Customer: ', 'Attn: ', 'Ship to: ', "What's your name? ", 'I am ', "I'm ", 'Directed By: ',
      'am called ', "'m called ", 'lives at ', 'ſent to ', 'Anna', 'Berg', 'Mc', 'Óscar', 'anna', ' ', '\t', '\n', ',', '.', '12 ', 'x', '𝐀',
      'Mr. ', 'Mrs ', 'Dr ', 'Prof. ', 'Frau ', 'MR ', 'Producer ', 'Senator ', 'Detective ', "i'm ", 'i’m ', 'this is ', 'im ', 'BERG', 'bob', 'Xx',
    );
    fc.assert(
      fc.property(fc.array(bit, { maxLength: 24 }), (parts) => {
        const text = parts.join('');
        const heads = headStarts(text);
        for (const [k, { re }] of HEAD_SCANS.entries()) expect(offsetMatches(re, text, heads[k])).toEqual(wholeMatches(re, text));
      }),
      { numRuns: 3000, seed: 17 },
    );
  });
});

describe('date cue heads', () => {
  test('OffsetScan.exec: the date-of-birth and age cues run at their heads return a whole-text scan\'s matches', () => {
    const bit = fc.constantFrom(
      'date of birth ', 'Date Of Birth: ', 'DOB ', 'd.o.b. ', 'D.O.B ', 'born on ', 'BORN ', 'birthday is ', 'birth date ', 'Geburtsdatum ', 'geboren am ', 'fecha de nacimiento ',
      'nacida el ', 'date de naissance ', 'née le ', 'NÉ LE ', 'data di nascita ', 'nato il ', 'aged ', 'age: ', 'Age is ', "I'll turn ", 'i am turning ', 'turned ', ' years old', ' yrs old', '-year-old', ' YEARS OLD', '\tyr old', '-',
      '12/03/1987', '1987-03-12', '5 May 1980', 'May 5, 1980', '5-MAY-1980', '45', '7', '120', '1234', ' ', '\t', '\n', '. ', 'x', 'ſ', 'K', 'é', '_', '𝐀', 'it is ', 'on ', 'was ',
    );
    expectStartsHoldEveryMatch(DATE_HEAD_SCANS, bit, 24, 4000, 21);
  });
});

describe('name pairs and lists', () => {
  test('OffsetScan.exec: the given-name + surname pairs and the name lists, run only at the capitalised words they can go on from, return a whole-text scan\'s matches', () => {
    const bit = fc.constantFrom(
      'Anna', 'Berg', "Anna's", 'O\'Brien', 'Anne-Marie', 'Zoë', 'Émile', 'McDonald', 'J.', 'J', 'and', 'or', '&', ' and ', ' or ', ' & ', ', and ', ' orange ', ' andrew ',
      ' ', '  ', '\t', ', ', ',', '.', '-', "'", '’', 'x', ' the ', '\n', '𝐀',
    );
    expectStartsHoldEveryMatch(GAZETTEER_SCANS, bit, 20, 4000, 29);
  });
});

describe('quote attribution', () => {
  test('OffsetScan.exec: the said/says regex, run at the punctuation before a verb and a name token, returns a whole-text scan\'s matches', () => {
    const bit = fc.constantFrom(
      ',', '!', '?', '"', '”', "'", '“', '.', ' ', '  ', '\t', '\n', 'said', 'says', 'asked', 'replied', 'added', 'wrote', 'unsaid', 'saids', 'to', ' to ',
      ', said ', '" says ', '! \tasked  ', '?wrote\t', "' added ", '”  replied ', '. said ', ', unsaid ',
      'Anna', 'Berg', "O'Brien", 'Anne-Marie', 'Zoë', 'Émile', 'R.', 'J', 'x', '𝐀', '\u0301',
    );
    expectStartsHoldEveryMatch([SAID_SCAN], bit, 20, 4000, 37);
  });
});

describe('name token readers', () => {
  test('the char-code readers of the capitalised word and sequence regexes end where the sticky regex does, at every code point', () => {
    const word = fc.constantFrom(
      'Anna', 'Berg', "Anna's", 'Ann’s', "O'Brien", "O'B", 'O’Neil', "I'm", 'Anne-Marie', 'Anne-O’x', 'Jean-', 'Jean-Ö', 'Jean-Xé', 'Jean-x', 'A', 'R', 'Mc', 'Zoë', 'Él', 'é', 'ab', 'x', 'Q', 'Ax\u0301', '𝐀b', '\ud835',
    );
    const gap = fc.constantFrom('', ' ', '  ', '\t', ' R. ', ' R ', ' R.', ' É. ', ' é ', '. ', ', ', '-', "'", '’', '\n');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 8 }), (pairs) => {
        const text = pairs.flat().join('');
        for (const { re, end } of TOKEN_READERS) {
          const sticky = new RegExp(re.source, re.flags);
          for (let at = 0; at < text.length; at += step(text.slice(at))) {
            sticky.lastIndex = at;
            const m = sticky.exec(text);
            expect(end(text, at), `${JSON.stringify(text)} at ${at}`).toBe(m ? at + m[0].length : -1);
          }
        }
      }),
      { numRuns: 4000, seed: 31 },
    );
  });
});

describe('pairs without a known surname', () => {
  test('the pair starts not tried take no known surname, and the first word of their match holds no other name token', () => {
    const word = fc.constantFrom('Anna', 'Holmberg', "Holmberg's", 'Holmberg’s', 'Kowalski', 'Marie', 'Berg', 'Holmbergx', 'HolmbergA', 'Holmberg-Berg', 'Holmbergé', 'Zoë', 'Émile', "O'Brien", 'Anne-Marie', 'R', 'x', '𝐀b');
    const gap = fc.constantFrom(' ', '  ', '\t', ' R. ', ' R ', ' R.', ' R.x ', ' É. ', '. ', ', ', '-', "'", '', '1', ' \u0301');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 6 }), (pairs) => {
        const text = pairs.flat().join('');
        const tokens = nameTokenStarts(text, upperStarts(text));
        const sticky = new RegExp(SKIPPED_PAIRS.re.source, SKIPPED_PAIRS.re.flags);
        for (const p of tokens) {
          if (!SKIPPED_PAIRS.skipped(text, p)) continue;
          sticky.lastIndex = p;
          const m = sticky.exec(text);
          if (!m) continue;
          expect(SURNAMES.has(m[2].replace(/['’]s$/, '')), `${JSON.stringify(text)} at ${p}`).toBe(false);
          expect(tokens.filter((q) => q > p && q < p + m[1].length)).toHaveLength(0);
        }
      }),
      { numRuns: 4000, seed: 41 },
    );
  });
});

describe('document cue heads', () => {
  test('OffsetScan.exec: the document and plate cues run at their heads return a whole-text scan\'s matches', () => {
    const bit = fc.constantFrom(
      "driver's license ", 'Driving Licence no. ', 'license ', 'LICENCE: ', 'passport ', 'Pasaporte ', 'passeport ', 'passaporto ', 'Reisepass ', 'travel document ', 'Fuehrerschein ',
      'Steuernummer ', 'St.-Nr. ', 'st-nr ', 'StNr ', 'LANR ', 'id card ', 'ID\tcard ', 'id\ncard ', 'Fuehrerschein ', 'führerschein ', 'FÜHRERSCHEIN ', 'identity card ', 'national id ', 'voter id ', 'certificate ', 'membership number ', 'member id ',
      'policy number ', 'account number ', 'medical record ', 'MRN ', 'patient id ', 'licence plate ', 'number plate: ', 'plate number ', 'registration number ', 'reg no. ', 'car reg ',
      'Kennzeichen ', 'matrícula ', 'matricula ', 'immatriculation ', 'targa ', 'is ', 'ist ', '# ', ': ', 'X1234567', 'AB12 CDE', '12/345/67890', 'K', 'ſ', 'still ', 'idea ',
      ' ', '\t', '\n', '.', '-', 'x', 'é', '𝐀',
    );
    fc.assert(
      fc.property(fc.array(bit, { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        const starts = documentCueStarts(text);
        for (const [k, { re }] of DOCUMENT_HEAD_SCANS.entries()) expect(offsetMatches(re, text, starts[k])).toEqual(wholeMatches(re, text));
      }),
      { numRuns: 3000, seed: 23 },
    );
  });

  test('OffsetScan.exec: the letter-led plates, postcodes and passport numbers run at letters shortly before a digit return a whole-text scan\'s matches', () => {
    const bit = fc.constantFrom(
      'SW1A 1AA', 'EC1A1BB', 'GIR 0AA', 'GIR0AA', 'M1 1AE', 'B33 8TH', 'AB12 CDE', 'LA51 ABC', 'MH 12 AB 1234', 'BR01AB1234', 'KJA-999PZ', 'APP 456CV', 'M123A4567', 's123b4567', 'B-MW 1234',
      'M-AB 12E', 'ÄÖ-X 99', 'Ü A 1', 'ABC-DE 12', 'BOR DE 4', 'X', 'Q', 'a', '1', '12', '123', ' ', '-', '\n', '.', 'é',
    );
    expectStartsHoldEveryMatch(LETTER_LED_SCANS, bit, 12, 6000, 43);
  });

  test('OffsetScan.exec: the tax number, Medicare and organisation number shapes run at their digit runs return a whole-text scan\'s matches', () => {
    const bit = fc.constantFrom('12/345/67890', '123/4567/89012', '12/34/5678', '2123 45670 1', '2123 4567 1', '6123 45670 12', '556703-7485', '55670-7485', '5567031-7485', '1', '12', '1234', '12345', '123456', '/', '-', ' ', 'x', '.', '\n');
    expectStartsHoldEveryMatch(DIGIT_SHAPE_SCANS, bit, 12, 6000, 47);
  });

  test('scanDocumentNumbers: a Führerschein cue, which the head index cannot read, still finds its number', () => {
    const out: Parameters<typeof scanDocumentNumbers>[1] = [];
    scanDocumentNumbers('Mein Führerschein: B072RRE2I55, FÜHRERSCHEINNUMMER K1234567', out);
    expect(out.filter((c) => c.type === 'driver_license').map((c) => c.start)).toEqual([19, 51]);
  });
});

describe('address gates', () => {
  test('scanAddresses: a street-suffix regex can only match where its gate does', () => {
    const noise = fc.constantFrom('x', 'B', 'é', '-', '\n', '.', ' ', '12');
    const word = fc.constantFrom('Haupt', 'Bahnhof', 'B', 'Ørsted', 'Nord-');
    const suffix = fc.constantFrom('straße', 'Straße', 'strasse', 'str.', 'Str.', 'gasse', 'weg', 'Weg', 'gatan', 'utca', 'Gade', 'Vej', 'Allee', 'Platz', 'laan', 'ulice');
    const sep = fc.constantFrom('', ' ', '\t', '  ', ' \t');
    const num = fc.constantFrom('12', '5a', '1', '123456', 'x');
    const street = fc.tuple(word, sep, suffix, sep, num).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(fc.oneof(noise, street), { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        for (const { re, gate, gateHit } of ADDRESS_GATES) {
          const whole = new RegExp(re.source, re.flags.replace('y', 'g'));
          const gateAnywhere = new RegExp(gate.source, gate.flags.replace('y', '')).test(text);
          expect(gateHit(text)).toBe(gateAnywhere);
          if (whole.test(text)) expect(gateAnywhere).toBe(true);
        }
      }),
      { numRuns: 5000, seed: 31 },
    );
  });
});

describe('numbered address starts', () => {
  test('addressNumberStarts: each digit-led address regex run at the numbered starts returns a whole-text scan\'s matches', () => {
    const bit = fc.constantFrom(
      '1', '12', '221', '123456', '1234567', 'B', 'b', ' ', '\t', '  ', '\n', '-', '.', ',', '_', '$', '€', 'x', 'é', 'É', '𝐀', 'N ', 'North ',
      'Main', 'Baker', 'Street', 'St', 'Ave', 'Apt 5', 'Rue', 'Avenida', 'ul.', 'de la ', 'Sahantie', 'December', 'Elm Road', '%', 'am',
    );
    fc.assert(
      fc.property(fc.array(bit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const { numbered } = addressNumberStarts(text);
        for (const re of NUMBERED_ADDRESS_PATTERNS) expect(offsetMatches(re, text, numbered)).toEqual(wholeMatches(re, text));
      }),
      { numRuns: 6000, seed: 37 },
    );
  });

  test('scanAddresses: the street-prefix, unit and military regexes run at the capitals that start their words return a whole-text scan\'s matches', () => {
    const bit = fc.constantFrom(
      'Rua ', 'Avenida ', 'Av. ', 'Calle ', 'C/ ', 'Carrer ', 'Via ', 'Viale ', 'Piazza ', 'Corso ', 'Rue ', 'Avenue ', 'Boulevard ', 'Chemin ', 'Allée ', 'Place ', 'Ul. ', 'ul. ', 'Ulica ',
      'Plac ', 'Aleja ', 'Strada ', 'Odos ', 'Leoforos ', 'de la ', 'dos ', 'Augusta', 'Mayor', 'Apt ', 'Apt. ', 'Apartment ', 'Suite ', 'Unit ', 'P.O. Box ', 'PO Box ', 'P O Box ', 'P.O.\tBox ',
      'USNS ', 'USS ', 'PSC ', 'Box ', 'FPO ', 'APO ', 'AE ', 'AA ', '12', '12345', '#4', ', ', ' ', '\n', 'x', 'é', 'RUA ', 'rua ', 'aul. ',
    );
    expectStartsHoldEveryMatch(CAPITAL_LED_ADDRESS_SCANS, bit, 14, 6000, 41);
  });
});
