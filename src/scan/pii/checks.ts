/** Checksum validators for PII numbers. */
export { luhnValid } from '../secrets/checksums.js';

/**
 * IBAN mod-97 check (ISO 13616). Spaces are ignored.
 *
 * @example
 * ```ts
 * ibanValid('GB82 WEST 1234 5698 7654 32'); // true
 * ```
 */
export function ibanValid(iban: string): boolean {
  const s = iban.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s) && ibanChecksumValid(s);
}

/**
 * The IBAN mod-97 check on text of upper-case ASCII letters, digits and
 * spaces (spaces skipped, no copy): for scanners whose regex already
 * guarantees the IBAN's shape.
 *
 * @example
 * ```ts
 * ibanChecksumValid('GB82 WEST 1234 5698 7654 32'); // true
 * ```
 */
export function ibanChecksumValid(iban: string): boolean {
  // the check reads the text rotated by four characters: from the fifth non-space one to the end, then the first four
  let head = 0;
  let k = 0;
  for (; k < iban.length && head < 4; k++) if (iban.charCodeAt(k) !== 32) head++;
  let rem = 0;
  for (let pass = 0; pass < 2; pass++) {
    const from = pass === 0 ? k : 0;
    const to = pass === 0 ? iban.length : k;
    for (let i = from; i < to; i++) {
      const c = iban.charCodeAt(i);
      if (c === 32) continue;
      rem = c >= 65 ? (rem * 100 + (c - 55)) % 97 : (rem * 10 + (c - 48)) % 97;
    }
  }
  return rem === 1;
}

/**
 * Verhoeff check digit validation (used by Aadhaar).
 *
 * @example
 * ```ts
 * verhoeffValid('2363'); // true
 * ```
 */
export function verhoeffValid(num: string): boolean {
  // digits from the right, other characters skipped (no copy without them)
  let c = 0;
  let i = 0;
  for (let k = num.length - 1; k >= 0; k--) {
    const v = num.charCodeAt(k) - 48;
    if (v >= 0 && v <= 9) c = VERHOEFF_D[c][VERHOEFF_P[i++ % 8][v]];
  }
  return c === 0;
}
const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
