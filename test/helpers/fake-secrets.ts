/**
 * Format-valid but fake credentials for tests, generated at run time so no
 * literal in the repository looks like a live key.
 */
import { base62, crc32 } from '../../src/scan/secrets/checksums.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Deterministic pseudo-random alphanumerics (mulberry32). */
export function randomChars(length: number, seed: number): string {
  let a = seed >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out += ALNUM[((t ^ (t >>> 14)) >>> 0) % ALNUM.length];
  }
  return out;
}

/** An OpenAI project key in the current format (`sk-proj-` … `T3BlbkFJ` …). */
export function fakeOpenAIKey(seed = 1): string {
  return 'sk-proj-' + randomChars(74, seed) + 'T3BlbkFJ' + randomChars(74, seed + 1);
}

/** A GitHub classic token with a valid CRC32 tail. */
export function fakeGitHubToken(seed = 2): string {
  const body = randomChars(30, seed);
  return 'ghp_' + body + base62(crc32(body), 6);
}

/** A Stripe live secret key. */
export function fakeStripeKey(seed = 3): string {
  return 'sk_live_' + randomChars(24, seed);
}
