/**
 * Secret detection: vendor-prefixed tokens plus context-gated generic rules.
 */
import type { Candidate } from './candidate.js';
import { scanContextual } from './contextual.js';
import { isKnownPublicSpan } from './known-public.js';
import { scanPrefixRules } from './rules.js';

export type { Candidate } from './candidate.js';

/**
 * All secret candidates in `text` (may overlap; the caller resolves overlaps).
 * `keywordStarts`: where the credential-name stems match, when a caller found
 * them with other cue heads (see cue-heads.ts); computed here otherwise.
 *
 * @example
 * ```ts
 * detectSecretCandidates('token: ' + 'glpat-' + 'Ab3dE6gH9jK2mN5pQ8sT').length >= 1; // true
 * ```
 */
export function detectSecretCandidates(text: string, keywordStarts?: Int32Array): Candidate[] {
  return collectCandidates(text, keywordStarts).filter((c) => !isKnownPublicSpan(text, c.start, c.end));
}

function collectCandidates(text: string, keywordStarts: Int32Array | undefined): Candidate[] {
  const out: Candidate[] = [];
  const vetoes: [number, number][] = [];
  scanPrefixRules(text, out, vetoes);
  const ctx: Candidate[] = [];
  scanContextual(text, ctx, keywordStarts);
  if (vetoes.length === 0) {
    for (const c of ctx) out.push(c);
    return out;
  }
  // a vendor-prefixed near-miss is not re-reported as a generic secret
  // (unless a real prefix-rule match overlaps it too); masks keep this linear
  const vetoed = new Uint8Array(text.length + 1);
  for (const [s, e] of vetoes) vetoed.fill(1, s, e);
  for (const o of out) vetoed.fill(0, o.start, o.end);
  for (const c of ctx) {
    let hit = false;
    for (let i = c.start; i < c.end && !hit; i++) hit = vetoed[i] === 1;
    if (!hit) out.push(c);
  }
  return out;
}
