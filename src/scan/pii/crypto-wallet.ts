/**
 * Bitcoin wallet addresses, checksum-validated: Base58Check (P2PKH `1...`,
 * P2SH `3...`; double SHA-256 checksum) and Bech32 / Bech32m (`bc1...`,
 * BIP-173 / BIP-350 polymod). A random string of the right shape fails the
 * checksum with probability 1 - 2^-32 (Base58Check) or 1 - 2^-30 (Bech32).
 */
import type { Candidate } from '../secrets/candidate.js';

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 of a byte array (small inputs only: wallet payloads are 21 bytes). */
export function sha256(data: Uint8Array): Uint8Array {
  const len = data.length;
  const blocks = Math.ceil((len + 9) / 64);
  const buf = new Uint8Array(blocks * 64);
  buf.set(data);
  buf[len] = 0x80;
  const bits = len * 8;
  const dv = new DataView(buf.buffer);
  dv.setUint32(buf.length - 4, bits >>> 0);
  dv.setUint32(buf.length - 8, Math.floor(bits / 2 ** 32));
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let b = 0; b < blocks; b++) {
    for (let i = 0; i < 16; i++) w[i] = dv.getUint32(b * 64 + i * 4);
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, bb, c, d, e, f, g, hh] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] += a;
    h[1] += bb;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
  }
  const out = new Uint8Array(32);
  const odv = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) odv.setUint32(i * 4, h[i]);
  return out;
}

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Base58Check: decodes to 25 bytes (version + 20-byte hash + 4-byte checksum) with a valid double-SHA-256 checksum. */
export function base58CheckValid(s: string): boolean {
  let bytes: number[] = [];
  for (const ch of s) {
    let carry = B58.indexOf(ch);
    if (carry < 0) return false;
    for (let i = 0; i < bytes.length; i++) {
      carry += bytes[i] * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (let i = 0; i < s.length && s[i] === '1'; i++) bytes.push(0);
  bytes = bytes.reverse();
  if (bytes.length !== 25) return false;
  const payload = Uint8Array.from(bytes.slice(0, 21));
  const check = sha256(sha256(payload));
  return check[0] === bytes[21] && check[1] === bytes[22] && check[2] === bytes[23] && check[3] === bytes[24];
}

const BECH = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** Bech32 (witness v0) or Bech32m (v1+) address with the `bc` prefix. */
export function bech32Valid(addr: string): boolean {
  if (addr !== addr.toLowerCase() && addr !== addr.toUpperCase()) return false;
  const s = addr.toLowerCase();
  const sep = s.lastIndexOf('1');
  if (sep !== 2 || s.slice(0, 2) !== 'bc' || s.length - sep - 1 < 7) return false;
  const data: number[] = [];
  for (const ch of s.slice(sep + 1)) {
    const v = BECH.indexOf(ch);
    if (v < 0) return false;
    data.push(v);
  }
  const G = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of [3, 3, 0, 2, 3, ...data]) {
    // hrp "bc" expanded: [b>>5, c>>5, 0, b&31, c&31] = [3, 3, 0, 2, 3]
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= G[i];
  }
  const version = data[0];
  return version === 0 ? chk === 1 : version <= 16 && chk === 0x2bc830a3;
}

const B58_RE = /(?<![A-Za-z0-9])([13][1-9A-HJ-NP-Za-km-z]{25,34})(?![A-Za-z0-9])/g;
const BECH_RE = /(?<![A-Za-z0-9])((?:bc|BC)1[02-9ac-hj-np-zAC-HJ-NP-Z]{8,87})(?![A-Za-z0-9])/g;

/**
 * Find checksum-valid Bitcoin addresses.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanCryptoWallets('send to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', out); // out[0].type === 'crypto_wallet'
 * ```
 */
export function scanCryptoWallets(text: string, out: Candidate[]): void {
  let m: RegExpExecArray | null;
  B58_RE.lastIndex = 0;
  while ((m = B58_RE.exec(text)) !== null) {
    if (base58CheckValid(m[1])) out.push({ kind: 'pii', type: 'crypto_wallet', start: m.index, end: m.index + m[1].length, confidence: 0.85, label: 'crypto wallet address' });
  }
  BECH_RE.lastIndex = 0;
  while ((m = BECH_RE.exec(text)) !== null) {
    if (bech32Valid(m[1])) out.push({ kind: 'pii', type: 'crypto_wallet', start: m.index, end: m.index + m[1].length, confidence: 0.85, label: 'crypto wallet address' });
  }
}
