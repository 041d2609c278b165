/** Checksums used to verify token formats that embed one. */

let CRC_TABLE: Uint32Array | undefined;

/**
 * CRC-32 (IEEE) of an ASCII/latin1 string.
 *
 * @example
 * ```ts
 * crc32('123456789') === 0xcbf43926; // true
 * ```
 */
export function crc32(s: string): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < s.length; i++) crc = CRC_TABLE[(crc ^ s.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * Base62 encoding of a non-negative integer, left-padded with `0` to `width`.
 *
 * @example
 * ```ts
 * base62(61, 2); // '0z'
 * ```
 */
export function base62(n: number, width: number): string {
  let out = '';
  let v = n;
  while (v > 0) {
    out = B62[v % 62] + out;
    v = Math.floor(v / 62);
  }
  return out.padStart(width, '0');
}

/**
 * Verify the checksum tail of GitHub (`ghp_` ...) and npm (`npm_`) tokens:
 * the last 6 characters are the base62 CRC32 of the 30-character body.
 *
 * @example
 * ```ts
 * const body = 'a'.repeat(30);
 * checksumTokenValid('ghp_' + body + base62(crc32(body), 6)); // true
 * ```
 */
export function checksumTokenValid(token: string): boolean {
  const u = token.indexOf('_');
  const rest = token.slice(u + 1);
  if (rest.length !== 36) return false;
  const body = rest.slice(0, 30);
  return base62(crc32(body), 6) === rest.slice(30);
}

/**
 * Luhn (mod 10) check over the digits of a string (non-digits ignored).
 *
 * @example
 * ```ts
 * luhnValid('4111 1111 1111 1111'); // true
 * ```
 */
export function luhnValid(s: string): boolean {
  let sum = 0;
  let dbl = false;
  let n = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) continue;
    n++;
    let d = c;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return n > 0 && sum % 10 === 0;
}
