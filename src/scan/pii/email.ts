/** E-mail address detection. */
import type { Candidate } from '../secrets/candidate.js';

const EMAIL_RE = /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9-]{1,63}\.){1,8}(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59})(?![\w-]|\.[A-Za-z0-9])/g;

/**
 * Find e-mail addresses.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanEmail('write to ana@example.org', out); // out[0].type === 'email'
 * ```
 */
export function scanEmail(text: string, out: Candidate[]): void {
  if (!text.includes('@')) return;
  EMAIL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = EMAIL_RE.exec(text)) !== null) {
    const v = m[0];
    const domain = v.slice(v.indexOf('@') + 1);
    if (/\.(?:png|jpe?g|gif|svg|webp|js|ts|css|py)$/i.test(domain)) continue; // retina assets like icon@2x.png
    if (/^\d+x$/i.test(v.slice(0, v.indexOf('@')))) continue;
    out.push({ kind: 'pii', type: 'email', start: m.index, end: m.index + v.length, confidence: 0.95, label: 'e-mail address' });
  }
}
