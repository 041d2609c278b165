/**
 * Secret detection: vendor-prefixed tokens plus context-gated generic rules.
 */
import type { Candidate } from './candidate.js';
import { scanContextual } from './contextual.js';
import { scanPrefixRules } from './rules.js';

export type { Candidate } from './candidate.js';

/**
 * All secret candidates in `text` (may overlap; the caller resolves overlaps).
 *
 * @example
 * ```ts
 * detectSecretCandidates('token: ' + 'glpat-' + 'Ab3dE6gH9jK2mN5pQ8sT').length >= 1; // true
 * ```
 */
export function detectSecretCandidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  const vetoes: [number, number][] = [];
  scanPrefixRules(text, out, vetoes);
  const ctx: Candidate[] = [];
  scanContextual(text, ctx);
  for (const c of ctx) {
    // a vendor-prefixed near-miss is not re-reported as a generic secret
    if (vetoes.some(([s, e]) => c.start < e && c.end > s && !out.some((o) => o.start < c.end && o.end > c.start))) continue;
    out.push(c);
  }
  return out;
}
