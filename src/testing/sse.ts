/**
 * Server-sent-events writer of the fake provider: writes a planned sequence of events with
 * optional delays, injected errors and dropped connections, and stops quietly when the client
 * goes away.
 *
 * @internal
 */
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

/** One SSE event. `delta` marks a content delta (counted by `failAfterChunks` / `dropAfterChunks`). @internal */
export interface SseStep {
  event?: string;
  data: unknown;
  delta?: boolean;
}

/** A planned SSE response. @internal */
export interface StreamPlan {
  steps: SseStep[];
  /** Index of the first step after the opening events (where a failure at 0 deltas is injected). */
  bodyStart: number;
  /** Builds the error event injected by `failAfterChunks`. */
  errorStep: () => SseStep;
  /** Whether to end with `data: [DONE]` (OpenAI Chat Completions). */
  done?: boolean;
}

/** Format one SSE event. @internal */
export function formatSse(step: SseStep): string {
  const data = typeof step.data === 'string' ? step.data : JSON.stringify(step.data);
  return (step.event ? `event: ${step.event}\n` : '') + `data: ${data}\n\n`;
}

/** Resolves once `chunk` has been handed to the socket (or the response is gone). @internal */
export function write(res: ServerResponse, chunk: string): Promise<void> {
  if (res.destroyed || res.writableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    res.write(chunk, () => resolve());
  });
}

/** Wait `ms` (0: no wait), resolving `false` when `signal` aborted. @internal */
export async function pause(ms: number | undefined, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return false;
  if (!ms || ms <= 0) return true;
  try {
    await sleep(ms, undefined, { signal });
    return true;
  } catch {
    return false;
  }
}

/** Options controlling how a {@link StreamPlan} is written. @internal */
export interface WriteStreamOptions {
  chunkDelayMs?: number;
  failAfterChunks?: number;
  dropAfterChunks?: number;
}

/**
 * Write `plan` to `res` (headers must already be sent). Returns when the stream ended, failed,
 * was dropped, or the client disconnected (`signal` aborted).
 *
 * @internal
 */
export async function writeStream(res: ServerResponse, plan: StreamPlan, opts: WriteStreamOptions, signal: AbortSignal): Promise<void> {
  const { steps } = plan;
  const cutAfter = (n: number | undefined): number | undefined => {
    if (n === undefined || n < 0) return undefined;
    const deltaIdx = steps.flatMap((s, i) => (s.delta ? [i] : []));
    if (deltaIdx.length === 0 || n === 0) return plan.bodyStart;
    return deltaIdx[Math.min(n, deltaIdx.length) - 1]! + 1;
  };
  const failAt = cutAfter(opts.failAfterChunks);
  const dropAt = cutAfter(opts.dropAfterChunks);

  for (let i = 0; i <= steps.length; i++) {
    if (signal.aborted || res.destroyed) return;
    if (dropAt !== undefined && i === dropAt && (failAt === undefined || dropAt <= failAt)) {
      res.socket?.destroy();
      res.destroy();
      return;
    }
    if (failAt !== undefined && i === failAt) {
      await write(res, formatSse(plan.errorStep()));
      res.end();
      return;
    }
    if (i === steps.length) break;
    if (i > 0 && !(await pause(opts.chunkDelayMs, signal))) return;
    await write(res, formatSse(steps[i]!));
  }
  if (plan.done && !signal.aborted) await write(res, 'data: [DONE]\n\n');
  if (!res.destroyed) res.end();
}
