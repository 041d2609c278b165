import { createStreamFilter, type FilterResult, type OutputFinding, type OutputRule } from '../../src/output/index.js';

export interface StreamRun {
  text: string;
  findings: OutputFinding[];
  blocked: boolean;
  chunks: string[];
  maxHeld: number;
}

/** Pushes `text` cut at the given chunk sizes (cycled), then ends. */
export function runStream(rules: OutputRule[], text: string, sizes: readonly number[], maxHoldChars?: number): StreamRun {
  const f = createStreamFilter(rules, maxHoldChars === undefined ? {} : { maxHoldChars });
  const chunks: string[] = [];
  const findings: OutputFinding[] = [];
  let blocked = false;
  let maxHeld = 0;
  const take = (r: FilterResult) => {
    chunks.push(r.text);
    findings.push(...r.findings);
    blocked ||= r.blocked;
  };
  let i = 0;
  for (let n = 0; i < text.length; n++) {
    const size = Math.max(1, sizes[n % sizes.length] ?? 1);
    take(f.push(text.slice(i, i + size)));
    i += size;
    maxHeld = Math.max(maxHeld, f.held);
  }
  take(f.end());
  return { text: chunks.join(''), findings, blocked, chunks, maxHeld };
}

export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
