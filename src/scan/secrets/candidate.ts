/**
 * Internal shape shared by the secret and PII scanners before findings are
 * built. Never leaves the package: it carries offsets only, no values.
 */
export interface Candidate {
  kind: 'secret' | 'pii';
  /** snake_case entity type, e.g. `openai_api_key`, `email`. */
  type: string;
  start: number;
  end: number;
  confidence: number;
  /** Human-readable label used in the finding message (never the value). */
  label?: string;
}
