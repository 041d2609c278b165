import type { Finding } from './scan/types.js';
import type { SecurityPhase } from './errors.js';

/** What the guard decided. */
export type SecurityDecision = 'allowed' | 'warned' | 'redacted' | 'pseudonymized' | 'restored' | 'blocked' | 'failed-open';

/**
 * One structured, redacted record of a guard decision. Findings carry rule ids,
 * scores, origins and spans, never the matched secret.
 *
 * @example
 * ```ts
 * new SecureOpenAI({ guard: { onEvent: (e) => logger.info(e, `guard ${e.phase} ${e.decision}`) } });
 * ```
 */
export interface SecurityEvent {
  /** `<phase>.<decision>`, e.g. `input.blocked`, `output.redacted`. */
  type: `${SecurityPhase}.${SecurityDecision}`;
  phase: SecurityPhase;
  decision: SecurityDecision;
  provider: 'openai' | 'anthropic' | (string & {});
  /** Request path, e.g. `/chat/completions`, `/messages`. */
  endpoint: string;
  model?: string;
  /** Whether the reply was streamed (output events). */
  stream?: boolean;
  findings: Finding[];
  /** Time the guard itself took for this decision, in milliseconds. */
  durationMs: number;
  /** Error code when the decision was a refusal. */
  code?: string;
  /** Epoch milliseconds. */
  timestamp: number;
}

/** Calls `onEvent` without letting a throwing handler break the request. */
export function emitEvent(onEvent: ((e: SecurityEvent) => void) | undefined, event: Omit<SecurityEvent, 'type' | 'timestamp'>): void {
  if (!onEvent) return;
  try {
    onEvent({ ...event, type: `${event.phase}.${event.decision}`, timestamp: Date.now() });
  } catch {
    // A logging hook must never change the outcome of a call.
  }
}
