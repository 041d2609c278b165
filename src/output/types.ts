import type { Finding } from '../scan/types.js';

/**
 * Something that finds spans to act on in reply text.
 *
 * Locality contract (what lets the stream filter reproduce `filterText`): the
 * findings that start at or after `from` may depend only on the text from
 * `from - LOOKBEHIND_CHARS` onward, provided no finding of the full text
 * straddles `from`. Regexes with `\b` or short lookbehinds satisfy this; a
 * scanner that needs more left context than {@link LOOKBEHIND_CHARS} does not.
 */
export interface OutputScanner {
  /** Detector family, e.g. `secrets`, `pii`, `canary`, `system-prompt`, `vault-restore`. */
  readonly name: string;
  /**
   * Spans in `text`. Only findings with `start >= from` are wanted (the filter
   * drops others); the text before `from` is context for lookbehinds and word
   * boundaries. Offsets are UTF-16 indexes into `text`.
   */
  scan(text: string, from?: number): Finding[];
  /**
   * Upper bound on the length of one match. Without `pendingFrom` the stream
   * filter holds back this many characters (plus a small margin); with it,
   * this still caps how far back `pendingFrom` can reach. `Infinity` is
   * allowed (the hold is then capped by `maxHoldChars`).
   */
  readonly maxMatchLength: number;
  /**
   * Optional: the smallest index `i` such that a match could still start at
   * `i` and complete, grow or otherwise change once more text is appended;
   * `text.length` when none can. Lets the filter release text early (low
   * time to first token). Must be conservative: never larger than the truth.
   * `atReplyStart` tells whether `text[0]` starts the reply (otherwise it may
   * sit inside a line or a word); the stream filter always passes it.
   */
  pendingFrom?(text: string, atReplyStart?: boolean): number;
  /**
   * Optional: how many characters before `from` the scanner looks at (keyword
   * cues such as `password =`, `My name is`). The stream filter keeps
   * `max(LOOKBEHIND_CHARS, lookbehind)` released characters as context.
   */
  readonly lookbehind?: number;
}

/** What to do with a span: replace it, end the output before it, or only record it. */
export type OutputAction = 'redact' | 'block' | 'warn';

export interface OutputRule {
  scanner: OutputScanner;
  action: OutputAction;
  /**
   * Text put in place of a redacted span. Default `[REDACTED:<type>]`
   * (`<detector>` when the finding has no type). A restore scanner returns the
   * real value instead. Ignored for `warn` and `block`.
   */
  replacement?: (finding: Finding, original: string) => string;
}

/** A finding as acted on by the output filter. Offsets are into the whole reply. */
export interface OutputFinding extends Finding {
  action: OutputAction;
}

export interface FilterResult {
  /** Text safe to release (after redaction and restoration). */
  text: string;
  /** Findings acted on, in reply order; the blocking finding, if any, is last. */
  findings: OutputFinding[];
  /** True when a `block` rule fired: nothing of its span or after it is (or will be) released. */
  blocked: boolean;
}

export interface StreamFilter {
  /** Feeds the next piece of the reply; returns the text that is safe to release now. */
  push(delta: string): FilterResult;
  /** The reply is complete: flushes what is still held. Further calls return empty results. */
  end(): FilterResult;
  /** Number of reply characters currently held back (not yet released). */
  readonly held: number;
}

export interface StreamFilterOptions {
  /**
   * Hard cap on held characters (default 4096). When the hold computed from
   * the scanners would exceed it, the excess is released: a span that is
   * still open at that point is acted on as seen so far (see docs/streaming.md).
   */
  maxHoldChars?: number;
}

/** Characters of already-released text kept as left context for scanners. */
export const LOOKBEHIND_CHARS = 32;
/** Extra characters held beyond `maxMatchLength`, for one-character lookaheads (`\b`, greedy quantifier ends). */
export const HOLD_MARGIN_CHARS = 4;
