/** E-mail address detection. */
import type { Candidate } from '../secrets/candidate.js';

/** Run sticky at the start of an '@''s local part (see scanEmail). */
const EMAIL_AT_RE = /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9-]{1,63}\.){1,8}(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59})(?![\w-]|\.[A-Za-z0-9])/y;

/** A local-part character: the class of the local part, which is also the lookbehind's. */
function isLocalChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

/**
 * Find e-mail addresses.
 *
 * Led by the `@`s instead of trying the pattern at every letter: a match's
 * local part is the whole run of local-part characters before its `@` (the
 * lookbehind forbids a start inside the run), so there is one place to try
 * per `@`, and none when that run is longer than 64 or starts with `.`, `_`,
 * `%`, `+` or `-`. The matches are the ones a global scan of the pattern finds.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanEmail('write to ana@example.org', out); // out[0].type === 'email'
 * ```
 */
export function scanEmail(text: string, out: Candidate[]): void {
  let at = text.indexOf('@');
  let next = 0; // where a global scan would resume: the end of the last match
  while (at !== -1) {
    let s = at;
    while (s > 0 && at - s <= 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
    // the loop stops at the run's start unless the run is longer than 64; the pattern checks the rest
    if (s >= next && at - s >= 1 && at - s <= 64) {
      EMAIL_AT_RE.lastIndex = s;
      const m = EMAIL_AT_RE.exec(text);
      if (m) {
        next = s + m[0].length;
        const v = m[0];
        const local = v.slice(0, at - s);
        const domain = v.slice(at - s + 1);
        // retina assets like icon@2x.png
        if (!/\.(?:png|jpe?g|gif|svg|webp|js|ts|css|py)$/i.test(domain) && !/^\d+x$/i.test(local)) {
          out.push({ kind: 'pii', type: 'email', start: s, end: next, confidence: 0.95, label: 'e-mail address' });
        }
      }
    }
    at = text.indexOf('@', at + 1);
  }
}
