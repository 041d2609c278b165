import type { FilterResult, OutputFinding, OutputRule, StreamFilter, StreamFilterOptions } from './types.js';
import { HOLD_MARGIN_CHARS, LOOKBEHIND_CHARS } from './types.js';
import { collect, components, render, resolve, toOutputFinding, type Candidate } from './resolve.js';

const DEFAULT_MAX_HOLD_CHARS = 4096;

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * A filter for a streamed reply with the same output as {@link filterText} on
 * the concatenated text, whatever the chunking.
 *
 * Each push appends the delta to a small window (held text plus
 * {@link LOOKBEHIND_CHARS} (or a scanner's `lookbehind`) of released context), rescans only that window and
 * releases the prefix no match can still reach: for each rule the point before
 * which no match can start and still change (`pendingFrom`, or
 * `length - maxMatchLength - margin`), moved back so that no chain of
 * overlapping findings and no surrogate pair is cut. Held text is bounded by
 * `min(maxHoldChars, max maxMatchLength + margin)`; past it the excess is
 * released (an open span is acted on as seen so far). See docs/streaming.md.
 *
 * @example
 * ```ts
 * const f = createStreamFilter(rules);
 * for await (const delta of deltas) { const r = f.push(delta); if (r.blocked) throw new OutputLeakError(r.findings); emit(r.text); }
 * const r = f.end(); if (r.blocked) throw new OutputLeakError(r.findings); emit(r.text);
 * ```
 */
export function createStreamFilter(rules: readonly OutputRule[], options: StreamFilterOptions = {}): StreamFilter {
  const maxHoldChars = options.maxHoldChars ?? DEFAULT_MAX_HOLD_CHARS;
  if (!Number.isInteger(maxHoldChars) || maxHoldChars < 1) {
    throw new RangeError(`maxHoldChars must be a positive integer, got ${maxHoldChars}`);
  }
  const ruleList = [...rules];
  let lookbehind = LOOKBEHIND_CHARS;
  for (const r of ruleList) lookbehind = Math.max(lookbehind, r.scanner.lookbehind ?? 0);
  /** Read on each step: a restore scanner's bound grows with its vault. */
  const maxHold = (): number => {
    let maxLen = 0;
    for (const r of ruleList) maxLen = Math.max(maxLen, r.scanner.maxMatchLength);
    return Math.max(1, Math.min(maxHoldChars, maxLen + HOLD_MARGIN_CHARS));
  };

  // buf = released context (ctx chars) + held text; base = reply offset of buf[0].
  let buf = '';
  let ctx = 0;
  let base = 0;
  let finished = false;

  const empty = (blocked: boolean): FilterResult => ({ text: '', findings: [], blocked });
  let wasBlocked = false;

  /** Position before which every rule's findings are final. */
  function finalBefore(): number {
    const len = buf.length;
    let c = len;
    for (const r of ruleList) {
      let p = len - r.scanner.maxMatchLength - HOLD_MARGIN_CHARS;
      if (r.scanner.pendingFrom) p = Math.max(p, r.scanner.pendingFrom(buf, base === 0));
      if (p < c) c = p;
    }
    return Math.max(ctx, Math.min(c, len));
  }

  /** Moves `k` back until it cuts neither a chain of overlapping findings nor a surrogate pair. */
  function settle(k: number, cands: readonly Candidate[]): number {
    const comps = cands.length ? components(cands) : [];
    for (;;) {
      const before = k;
      if (k > ctx && isHigh(buf.charCodeAt(k - 1)) && (k === buf.length || isLow(buf.charCodeAt(k)))) k--;
      for (const [s, e] of comps) {
        if (s >= k) break;
        if (e > k) {
          k = s;
          break;
        }
      }
      if (k === before) return k;
    }
  }

  function step(final: boolean): FilterResult {
    const len = buf.length;
    const cands = collect(buf, ruleList, ctx);
    const chosen = resolve(cands);
    const safe = final ? len : finalBefore();
    let k = final ? len : settle(safe, cands);
    const limit = final ? len : maxHold();
    if (!final && len - k > limit) {
      // Forced release: the hold limit wins over completeness.
      k = len - limit;
      if (k > ctx && isHigh(buf.charCodeAt(k - 1)) && isLow(buf.charCodeAt(k))) k++;
      for (const c of chosen) {
        if (c.start >= k) break;
        if (c.end > k) k = c.end; // act on the open span as seen so far
      }
    }
    const findings: OutputFinding[] = [];
    const block = chosen.find((c) => c.action === 'block');
    if (block && block.start < Math.max(safe, k)) {
      const text = render(buf, chosen, ctx, block.start, ruleList, base, findings);
      findings.push(toOutputFinding(block, base));
      buf = '';
      ctx = 0;
      finished = true;
      wasBlocked = true;
      return { text, findings, blocked: true };
    }
    const text = detach(render(buf, chosen, ctx, k, ruleList, base, findings));
    const keep = Math.min(lookbehind, k);
    base += k - keep;
    buf = buf.slice(k - keep);
    ctx = keep;
    return { text, findings, blocked: false };
  }

  /**
   * Released text is a slice of the window string, and V8 keeps a slice's parent
   * alive: a caller that accumulates deltas (MessageStream, finalText) would hold
   * a whole window per chunk. Copying a short delta costs far less than that.
   */
  function detach(text: string): string {
    return text.length < 13 ? text : (text + ' ').slice(0, -1);
  }

  return {
    push(delta: string): FilterResult {
      if (finished) return empty(wasBlocked);
      if (delta.length === 0) return empty(false);
      buf += delta;
      return step(false);
    },
    end(): FilterResult {
      if (finished) return empty(wasBlocked);
      const r = step(true);
      finished = true;
      buf = '';
      ctx = 0;
      return r;
    },
    get held(): number {
      return buf.length - ctx;
    },
  };
}
