import type { Finding } from '../scan/types.js';
import type { OutputAction, OutputFinding, OutputRule } from './types.js';

/** One span found by one rule, before overlaps are resolved. Offsets are into the scanned window. */
export interface Candidate {
  finding: Finding;
  rule: number;
  action: OutputAction;
  start: number;
  end: number;
}

const RANK: Record<OutputAction, number> = { block: 0, redact: 1, warn: 2 };

/** Runs every rule over `text`, keeping well-formed findings that start at or after `from`. */
export function collect(text: string, rules: readonly OutputRule[], from: number): Candidate[] {
  const out: Candidate[] = [];
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    for (const f of rule.scanner.scan(text, from)) {
      const start = f.start;
      const end = Math.min(f.end, text.length);
      if (!(start >= from) || !(end > start)) continue;
      out.push({ finding: f, rule: r, action: rule.action, start, end });
    }
  }
  return out;
}

function byStartThenLongest(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end || a.rule - b.rule;
}

/**
 * Picks non-overlapping candidates: block before redact before warn, then
 * earliest start, then longest, then rule order. A `redact` candidate that
 * overlaps a span already picked is trimmed to the parts nobody covers (each
 * part redacted on its own) rather than dropped, so no tail of a secret or
 * prompt fragment leaks because another rule matched its head; `warn` and
 * `block` candidates that overlap are dropped. Returns spans sorted by start.
 * The choice for a candidate depends only on the candidates that
 * (transitively) overlap it, which is what lets the stream filter decide
 * window by window.
 */
export function resolve(cands: readonly Candidate[]): Candidate[] {
  let chosen: Candidate[] = [];
  for (let rank = 0; rank <= 2; rank++) {
    const group = cands.filter((c) => RANK[c.action] === rank).sort(byStartThenLongest);
    if (group.length === 0) continue;
    const picked: Candidate[] = [];
    let lastEnd = -1;
    for (const c of group) {
      if (c.action !== 'redact') {
        if (c.start < lastEnd || overlapsAny(chosen, c)) continue;
        picked.push(c);
        lastEnd = c.end;
        continue;
      }
      let s = Math.max(c.start, lastEnd);
      if (s >= c.end) continue;
      for (let i = firstEndingAfter(chosen, s); s < c.end; i++) {
        const next = chosen[i];
        if (!next || next.start >= c.end) {
          picked.push(s === c.start ? c : { ...c, start: s });
          break;
        }
        if (next.start > s) picked.push({ ...c, start: s, end: next.start });
        s = Math.max(s, next.end);
      }
      lastEnd = c.end;
    }
    chosen = chosen.length === 0 ? picked : merge(chosen, picked);
  }
  return chosen;
}

/** Index of the first span of `sorted` (non-overlapping, by start) that ends after `pos`. */
function firstEndingAfter(sorted: readonly Candidate[], pos: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid].end <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `sorted` is non-overlapping and sorted by start, so its ends are sorted too. */
function overlapsAny(sorted: readonly Candidate[], c: Candidate): boolean {
  const i = firstEndingAfter(sorted, c.start);
  return i < sorted.length && sorted[i].start < c.end;
}

function merge(a: readonly Candidate[], b: readonly Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].start <= b[j].start)) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

/** Groups candidates into maximal chains of overlapping spans: `[start, end)` pairs sorted by start. */
export function components(cands: readonly Candidate[]): Array<[number, number]> {
  const sorted = [...cands].sort((a, b) => a.start - b.start);
  const out: Array<[number, number]> = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c.start < last[1]) last[1] = Math.max(last[1], c.end);
    else out.push([c.start, c.end]);
  }
  return out;
}

export function defaultReplacement(finding: Finding): string {
  return `[REDACTED:${finding.type ?? finding.detector}]`;
}

/**
 * Renders `text[from, to)` with the chosen non-block candidates applied.
 * `base` is the offset of `text[0]` in the whole reply (for finding offsets).
 */
export function render(
  text: string,
  chosen: readonly Candidate[],
  from: number,
  to: number,
  rules: readonly OutputRule[],
  base: number,
  findings: OutputFinding[],
): string {
  let out = '';
  let pos = from;
  for (const c of chosen) {
    if (c.start < from || c.action === 'block') continue;
    if (c.start >= to) break;
    const end = Math.min(c.end, to);
    findings.push(toOutputFinding(c, base, end));
    if (c.action === 'warn') continue;
    const original = text.slice(c.start, end);
    const rule = rules[c.rule];
    out += text.slice(pos, c.start) + (rule.replacement ? rule.replacement(c.finding, original) : defaultReplacement(c.finding));
    pos = end;
  }
  return out + text.slice(pos, to);
}

export function toOutputFinding(c: Candidate, base: number, end = c.end): OutputFinding {
  return { ...c.finding, start: base + c.start, end: base + end, action: c.action };
}
