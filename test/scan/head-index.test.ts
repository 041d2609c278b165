import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createHeadIndex } from '../../src/scan/head-index.js';
import { HEAD_SCANS, headStarts } from '../../src/scan/pii/names.js';
import { cueHeads } from '../../src/scan/cue-heads.js';
import { documentHeadStarts } from '../../src/scan/pii/national-ids.js';
import { dateHeadStarts } from '../../src/scan/pii/dates.js';
import { matchStarts } from '../../src/scan/offset-scan.js';
import { KEYWORD_RE } from '../../src/scan/secrets/contextual.js';

/** Every offset where `head` matches, as a global scan that steps one code unit past each match finds them. */
function everyMatch(head: RegExp, text: string): number[] {
  const re = new RegExp(head.source, head.flags.includes('g') ? head.flags : head.flags + 'g');
  const out: number[] = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push(m.index);
    re.lastIndex = m.index + 1;
  }
  return out;
}

describe('head index', () => {
  test('createHeadIndex.find: the offsets of each head regex, overlapping heads, case variants and the text end included', () => {
    const index = createHeadIndex([/\b(?:Mr|Mrs|Dr)/g, /[Nn]ame|[Cc]all|'m called/g, /addre[sſ][sſ]|liv/gi, /im|i am/g]);
    const bit = fc.constantFrom('Mr', 'Mrs', 'Dr', 'xMr', 'Name', 'name', 'NAME', 'call', "I'm called", 'address', 'ADDRESS', 'addreſſ', 'LIV', 'time', 'i am', 'im', ' ', '.', 'é', '\n', 'x', '𝐀', '’');
    fc.assert(
      fc.property(fc.array(bit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const heads = [/\b(?:Mr|Mrs|Dr)/g, /[Nn]ame|[Cc]all|'m called/g, /addre[sſ][sſ]|liv/gi, /im|i am/g];
        expect(index.find(text).map((a) => [...a])).toEqual(heads.map((h) => everyMatch(h, text)));
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  test('createHeadIndex.find: only the first three characters of an alternative are read (the regex checks the rest)', () => {
    const heads = [/[aA][cC][cC][eE][sS][sS][_.-]?[iI][dD]|[pP][wW][dD]|xyz(?:1|2)/g];
    const index = createHeadIndex(heads);
    const bit = fc.constantFrom('access_id', 'ACCESSID', 'access', 'acc', 'pwd', 'PWD', 'xyz1', 'xyz2', 'xyz3', 'Mr.', 'Dr', 'aMr', ' ', '.', 'x');
    fc.assert(
      fc.property(fc.array(bit, { maxLength: 20 }), (parts) => {
        const text = parts.join('');
        expect([...index.find(text)[0]]).toEqual(everyMatch(heads[0], text));
      }),
      { numRuns: 2000, seed: 6 },
    );
  });

  test('headStarts: the offsets of every cue head of the name and address scans', () => {
    const bit = fc.constantFrom(
      'my name is ', 'Name: ', 'Call me ', 'Regards, ', 'says ', 'Prénom', 'Attn', "What's your name", 'I am ', "I'm ", "i’m ", 'this is ', 'im', 'am called',
      'Mr. ', 'MR ', 'Prof', 'Frau ', 'Producer ', 'Senator ', 'lives at ', 'ſent to ', 'SHIP TO ', 'Anna', ' ', '\t', '\n', ',', 'x', 'é', '𝐀', '12',
    );
    fc.assert(
      fc.property(fc.array(bit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(headStarts(text).map((a) => [...a])).toEqual(HEAD_SCANS.map((h) => everyMatch(h.head, text)));
      }),
      { numRuns: 3000, seed: 9 },
    );
  });

  test('cueHeads: the credential-name stems and the PII cue heads found in one pass are those each scan finds alone', () => {
    const bit = fc.constantFrom(
      'password', 'PASSWD', 'pwd', 'api_key', 'Secret', 'TOKEN', 'creds', 'auth', 'login', 'access_id', 'ACCESS-ID', 'accessid', 'Cloudflare', 'sendgrid', 'OKTA', 'heroku', 'her',
      'my name is ', 'Name: ', 'Mr. ', 'Producer ', "I'm ", 'i’m ', 'lives at ', 'ſent to ', 'Attn', ' ', '=', '"', '\n', 'x', 'é', '𝐀', '12',
      'passport ', 'licence plate ', 'DOB ', 'born ', 'NÉ LE ', "i'll ", 'I am ', 'turned ', 'age ',
    );
    fc.assert(
      fc.property(fc.array(bit, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const { keywords, pii } = cueHeads(text);
        expect([...keywords]).toEqual([...matchStarts(KEYWORD_RE, text)]);
        expect(pii.names.map((a) => [...a])).toEqual(headStarts(text).map((a) => [...a]));
        expect(pii.documents.map((a) => [...a])).toEqual(documentHeadStarts(text).map((a) => [...a]));
        expect(pii.dates.map((a) => [...a])).toEqual(dateHeadStarts(text).map((a) => [...a]));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  test('createHeadIndex: a head the index cannot read is refused when the index is built', () => {
    expect(() => createHeadIndex([/na+me/g])).toThrow(/quantified/);
    expect(() => createHeadIndex([/(?:ab)c/g, /ab(?:c|d)/g])).toThrow(/unsupported head syntax/);
    expect(() => createHeadIndex([/a.c/g])).toThrow(/unsupported head syntax/);
    expect(() => createHeadIndex([/[^a]bc/g])).toThrow(/unsupported class/);
    expect(() => createHeadIndex([/x/g])).toThrow(/two characters/);
    expect(() => createHeadIndex([/naïve/g])).toThrow(/not in the alphabet/);
    expect(() => createHeadIndex([/name/gu])).toThrow(/unicode/);
  });

  test('headStarts: linear on 1 MB of a repeated head prefix', () => {
    for (const unit of ['Na', 'Mr', 'nam', 'i a', 'ſ']) {
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
      expect(headStarts(text).length).toBe(HEAD_SCANS.length);
    }
  });
});
