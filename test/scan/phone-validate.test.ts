import fc from 'fast-check';
import examples from 'libphonenumber-js/examples.mobile.json';
import metadata from 'libphonenumber-js/metadata.min.json';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { describe, expect, test } from 'vitest';
import { isPossiblePhone, isValidPhone, parsePhone, phoneValid } from '../../src/scan/pii/phone-validate.js';

const countries = (metadata as unknown as { countries: Record<string, unknown[]> }).countries;
const COUNTRY_CODES = Object.keys(countries);

/** What libphonenumber-js answers, in one comparable string. */
function library(text: string, country?: string): string {
  const p = parsePhoneNumberFromString(text, country as CountryCode | undefined);
  return p ? `${p.countryCallingCode}|${p.nationalNumber}|${p.country ?? ''}|${p.isValid()}|${p.isPossible()}` : 'none';
}

function ours(text: string, country?: string): string {
  const p = parsePhone(text, country);
  return p ? `${p.callingCode}|${p.nationalNumber}|${p.country ?? ''}|${isValidPhone(p)}|${isPossiblePhone(p)}` : 'none';
}

/** Every country's example mobile number written the ways text writes phone numbers, plus near-misses. */
function exampleShapes(): string[] {
  const out: string[] = [];
  for (const [cc, national] of Object.entries(examples as Record<string, string>)) {
    const plan = countries[cc];
    const callingCode = plan[0] as string;
    const trunk = (plan[5] as string | 0) || '';
    for (const v of [national, trunk + national, `+${callingCode}${national}`, `+${callingCode} ${trunk}${national}`, `00${callingCode}${national}`, `011${callingCode}${national}`, callingCode + national]) {
      out.push(v, v.slice(0, -1), v + '7', v.slice(0, 3) + ' ' + v.slice(3, 6) + '-' + v.slice(6), `(${v.slice(0, 3)}) ${v.slice(3)}`);
    }
  }
  return out;
}

describe('phone validation (port of libphonenumber-js over its min metadata)', () => {
  test('parsePhone: agrees with libphonenumber-js on every country example, its trunk and international forms and near-misses', () => {
    const shapes = exampleShapes();
    let valid = 0;
    const mismatches: string[] = [];
    for (const s of shapes) {
      for (const country of [undefined, 'US', 'GB', 'DE', 'TR', 'PH', 'IN', 'BR']) {
        const want = library(s, country);
        if (want.endsWith('|true|true')) valid++;
        if (ours(s, country) !== want) mismatches.push(`${JSON.stringify(s)} ${country}: ${want} vs ${ours(s, country)}`);
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(valid).toBeGreaterThan(1000); // the comparison covers valid numbers, not only rejections
  });

  test('parsePhone: agrees with libphonenumber-js on random digit strings with separators, plus signs and default countries', () => {
    const text = fc
      .tuple(fc.constantFrom('', '+', '00', '('), fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom('', '', '', ' ', '-', '.', ')', '/', '\t', '~')), { minLength: 2, maxLength: 17 }))
      .map(([lead, parts]) => lead + parts.map(([d, s]) => `${d}${s}`).join(''));
    fc.assert(
      fc.property(text, fc.option(fc.constantFrom(...COUNTRY_CODES), { nil: undefined }), (s, country) => {
        expect(ours(s, country)).toBe(library(s, country));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  test('parsePhone: agrees with libphonenumber-js on numbers written with non-ASCII punctuation and other characters', () => {
    // libphonenumber's dashes, slashes, dots, spaces and brackets past ASCII, and characters near them that are none of these
    const seps = ['\u2010', '\u2013', '\u2015', '\u2212', '\u30FC', '\uFF0D', '\uFF0F', '\uFF0E', '\u00A0', '\u00AD', '\u200B', '\u2060', '\u3000', '\uFF08', '\uFF09', '\uFF3B', '\uFF3D', '[', ']', '\u2016', '\u2009', '\u00B7', '\uFF10', '+', '~', ',', 'x'];
    const text = fc
      .tuple(fc.constantFrom('', '+', '00', '(', '\uFF0B'), fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom('', '', ' ', ...seps)), { minLength: 2, maxLength: 15 }))
      .map(([lead, parts]) => lead + parts.map(([d, s]) => `${d}${s}`).join(''));
    fc.assert(
      fc.property(text, fc.option(fc.constantFrom('US', 'GB', 'DE', 'TR', 'PH'), { nil: undefined }), (s, country) => {
        expect(ours(s, country)).toBe(library(s, country));
      }),
      { numRuns: 2000, seed: 20261204 },
    );
  });

  test('phoneValid: a real UK number is valid, one digit short is not, an unknown default country is ignored', () => {
    expect(phoneValid('+44 20 7946 0958')).toBe(true);
    expect(phoneValid('+44 20 7946 095')).toBe(false);
    expect(phoneValid('020 7946 0958', 'GB')).toBe(true);
    expect(phoneValid('020 7946 0958')).toBe(false); // no country, no '+': not parseable
    expect(phoneValid('020 7946 0958', 'ZZ')).toBe(false);
    expect(phoneValid('(415) 555-0132', 'US')).toBe(true);
  });

  test('isPossiblePhone: a length the plan allows is possible even when the number is not valid', () => {
    const p = parsePhone('+44 20 7946 095');
    expect(p).toBeDefined();
    expect(isValidPhone(p!)).toBe(false);
    expect(isPossiblePhone(p!)).toBe(true);
  });

  test('parsePhone: text outside the port\'s domain (letters, an extension) gets libphonenumber-js\'s own answer', () => {
    for (const s of ['+1 415 555 0132 ext. 12', 'tel:+14155550132', '+44 20 7946 0958 x7']) expect(ours(s)).toBe(library(s));
  });
});
