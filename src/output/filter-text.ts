import type { FilterResult, OutputFinding, OutputRule } from './types.js';
import { collect, render, resolve, toOutputFinding } from './resolve.js';

/**
 * Filters a complete (non-streamed) reply: every rule scans the whole text,
 * overlaps are resolved (block > redact > warn, then earliest start, then
 * longest), redactions are applied and warnings recorded. On a block the text
 * stops before the blocking span and `blocked` is true (the caller throws
 * `OutputLeakError` with the findings).
 *
 * @example
 * ```ts
 * const r = filterText(reply, [{ scanner: createCanaryScanner([canary]), action: 'block' }]);
 * if (r.blocked) throw new OutputLeakError(r.findings);
 * ```
 */
export function filterText(text: string, rules: readonly OutputRule[]): FilterResult {
  const chosen = resolve(collect(text, rules, 0));
  const block = chosen.find((c) => c.action === 'block');
  const findings: OutputFinding[] = [];
  const out = render(text, chosen, 0, block ? block.start : text.length, rules, 0, findings);
  if (block) findings.push(toOutputFinding(block, 0));
  return { text: out, findings, blocked: block !== undefined };
}
