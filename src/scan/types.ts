/**
 * Where a piece of text came from. Trust differs by origin: `system` and
 * `developer` text is written by the application; `user`, `tool` and
 * `document` text may carry attacks.
 */
export type Origin =
  | 'system'
  | 'developer'
  | 'user'
  | 'assistant'
  | 'tool'
  | 'document'
  | 'tool_definition'
  | 'output'
  | 'unknown';

/** The detector family that produced a finding. */
export type DetectorName =
  | 'injection'
  | 'secrets'
  | 'pii'
  | 'canary'
  | 'system-prompt'
  | 'tool-policy'
  | (string & {});

/**
 * One thing a detector found. Findings are data: they never carry the raw
 * matched value of a secret or PII entity, only where it is.
 */
export interface Finding {
  /** Detector family, e.g. `injection`, `secrets`, `pii`. */
  detector: DetectorName;
  /** Stable rule identifier, e.g. `secrets.openai-api-key` or `injection.ignore-previous`. */
  ruleId: string;
  /** Entity or attack type, e.g. `openai_api_key`, `email`, `instruction_override`. */
  type?: string;
  /** Confidence in 0..1. */
  score: number;
  /** Human-readable reason, never containing the matched secret. */
  message: string;
  /** UTF-16 offsets into the scanned text (`text.slice(start, end)`). */
  start: number;
  end: number;
  /** Origin of the scanned text, when known. */
  origin?: Origin;
  /** Index of the message / item / block in the request that held the text. */
  messageIndex?: number;
  /** JSON path of the text inside the request body, e.g. `['messages', 2, 'content', 0, 'text']`. */
  path?: (string | number)[];
}

/** Context passed to a detector for one piece of text. */
export interface DetectContext {
  origin: Origin;
}

/**
 * The one small interface every detector implements, so detectors can be
 * deepened or swapped without touching the pipeline.
 */
export interface Detector {
  readonly name: DetectorName;
  detect(text: string, context: DetectContext): Finding[];
}
