import { describe, expect, test } from 'vitest';
import { ibanChecksumValid, ibanValid, verhoeffValid } from '../../src/scan/pii/checks.js';

/** ISO 7064 mod 97-10 check digits computed here with BigInt (not with the scanner's loop). */
function withCheckDigits(country: string, bban: string): string {
  const digits = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98n - (BigInt(digits) % 97n);
  return country + String(check).padStart(2, '0') + bban;
}

describe('IBAN checks', () => {
  test('ibanValid: published examples pass, one changed digit fails', () => {
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('gb82 west 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
    expect(ibanValid('GB82')).toBe(false);
  });

  test('ibanChecksumValid: agrees with ibanValid on generated IBANs and on near misses', () => {
    let seed = 3;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    let valid = 0;
    for (let n = 0; n < 2000; n++) {
      let bban = '';
      for (let k = 11 + Math.floor(rnd() * 20); k > 0; k--) bban += alnum[Math.floor(rnd() * alnum.length)];
      let iban = withCheckDigits('FR', bban);
      if (rnd() < 0.5) iban = iban.slice(0, -1) + alnum[Math.floor(rnd() * 10) + 26]; // maybe a wrong last digit
      const spaced = iban.replace(/(.{4})/g, '$1 ').trim();
      expect(ibanChecksumValid(spaced), spaced).toBe(ibanValid(iban));
      expect(ibanChecksumValid(iban), iban).toBe(ibanValid(iban));
      if (ibanValid(iban)) valid++;
    }
    expect(valid).toBeGreaterThan(900);
  });
});

describe('verhoeffValid', () => {
  test('verhoeffValid: the check digit of 236 is 3; separators are skipped; a changed digit fails', () => {
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffValid('2364')).toBe(false);
    expect(verhoeffValid('2 3-6 3')).toBe(true);
    expect(verhoeffValid('123451')).toBe(true); // Verhoeff's own example: check digit 1 for 12345
    expect(verhoeffValid('123452')).toBe(false);
  });
});
