import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mayEndStrongBefore, PHONE_STRONG_BEFORE } from '../../src/scan/pii/numbers.js';

/** Every word PHONE_STRONG_BEFORE's alternatives spell, in the forms its optional parts allow. */
const WORDS = [
  'phone', 'tel', 'tel.', 'telephone', 'mobile', 'cell', 'fax', 'desk', 'whatsapp', 'sms', 'telefono', 'teléfono', 'telephone', 'téléphone', 'télephone',
  'telefon', 'telefone', 'telefoon', 'telefoonnummer', 'cellulare', 'celular', 'movil', 'móvil', 'portable', 'handy', 'rufnummer', 'gsm', 'mobiel', 'mobil',
  'tlf', 'tlf.', 'tél', 'tél.', 'text me', 'call me', 'call me on', 'call me at', 'call us', 'call us on', 'call us at', 'reach me', 'reach me on',
  'reach me at', 'answering at', 'messages to', 'ring me', 'ring me on', 'contact number', 'cep',
];
const NUMBER_WORDS = ['no', 'no.', 'number', 'nr', 'nr.', 'numero', 'número', 'nummer'];
const VERBS = [' is', ' es', ' est', ' ist', ' è', ' é', '\tis'];

/** `mayEndStrongBefore(text, text.length)` must hold wherever the regex matches the 30 characters before the end. */
function check(text: string): void {
  if (PHONE_STRONG_BEFORE.test(text.slice(Math.max(0, text.length - 30)))) expect(mayEndStrongBefore(text, text.length)).toBe(true);
}

describe('phone prefilters', () => {
  test('mayEndStrongBefore: true after every word of PHONE_STRONG_BEFORE, in either case, with its number words, verbs and separators', () => {
    for (const w of WORDS) {
      for (const n of ['', ...NUMBER_WORDS]) {
        for (const v of ['', ...VERBS]) {
          for (const sep of ['', ' ', ': ', ' #', '.-', '\u00a0', ' \n']) {
            for (const s of [`${w}${n ? ' ' : ''}${n}${v}${sep}`, `${w}${n}${v}${sep}`]) {
              for (const t of [s, s.toUpperCase(), 'Mr ' + s]) {
                expect(PHONE_STRONG_BEFORE.test(t.slice(-30)) || t.length > 30).toBe(true);
                check(t);
              }
            }
          }
        }
      }
    }
  });

  test('mayEndStrongBefore: never false where the regex matches, on random text built from its words', () => {
    const piece = fc.oneof(
      fc.constantFrom(...WORDS, ...NUMBER_WORDS, ...VERBS),
      fc.constantFrom(' ', '\t', '\n', ':', '.', '#', '-', '\u00a0', '\u2003', '\ufeff', 'é', 'É', 'è', 'È', 'ú', 'x', 'K', '\u212a', '\u017f', '1', ',', '(', ';'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.boolean(), (parts, upper) => {
        const text = parts.join('');
        check(upper ? text.toUpperCase() : text);
      }),
      { numRuns: 20000, seed: 20261204 },
    );
  });

  test('mayEndStrongBefore: false where the characters before the number end in another ASCII letter or hold no word', () => {
    for (const t of ['card ', 'GB82 WESD ', 'id: ', '4111 ', '', ' : ', 'phone, ']) expect(mayEndStrongBefore(t, t.length)).toBe(false);
  });
});
