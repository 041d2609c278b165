import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createVault } from '../../src/scan/vault.js';

describe('createVault', () => {
  test('createVault: same value gets the same placeholder across texts of one call', () => {
    const v = createVault();
    const a = v.pseudonymize('mail ana@example.org');
    const b = v.pseudonymize('again ana@example.org and bo@example.org');
    expect(a.text).toBe('mail [EMAIL_1]');
    expect(b.text).toBe('again [EMAIL_1] and [EMAIL_2]');
    expect(v.size).toBe(2);
    expect(v.placeholders()).toEqual(['[EMAIL_1]', '[EMAIL_2]']);
    expect(v.restore('wrote to [EMAIL_2] and [EMAIL_9]')).toBe('wrote to bo@example.org and [EMAIL_9]');
  });

  test('createVault: placeholders already present in the input are not reused', () => {
    const v = createVault();
    const t = 'literal [EMAIL_1] and real ana@example.org';
    const p = v.pseudonymize(t);
    expect(p.text).toBe('literal [EMAIL_1] and real [EMAIL_2]');
    expect(v.restore(p.text)).toBe(t);
  });

  test('createVault: restore(pseudonymize(x).text) === x', () => {
    const seg = fc.constantFrom('ana@example.org', '+44 20 7946 0958', '4111 1111 1111 1111', '[EMAIL_1]', '[PHONE_NUMBER_1]', 'x', ' ', '10.0.0.1');
    fc.assert(
      fc.property(fc.oneof(fc.array(seg, { maxLength: 10 }).map((a) => a.join('')), fc.string()), (x) => {
        const v = createVault();
        expect(v.restore(v.pseudonymize(x).text)).toBe(x);
      }),
    );
  });
});

describe('vault options', () => {
  test('createVault: an unknown type name fails at creation, not at first use', () => {
    expect(() => createVault({ types: ['emial'] })).toThrow(/unknown entity type 'emial' \(did you mean 'email'\?\)/);
    expect(() => createVault({ types: ['email'] })).not.toThrow();
  });
});
