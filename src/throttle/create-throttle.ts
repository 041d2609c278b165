import { QuotaExceededError } from '../errors.js';

/** Client-side rate limits, per client (and its `withGuard` / `withOptions` clones). */
export interface ThrottleLimits {
  /** Calls allowed per rolling minute. */
  requestsPerMinute?: number;
  /**
   * Estimated tokens allowed per rolling minute: prompt characters / 4, plus the
   * call's declared output budget (`max_tokens`, `max_completion_tokens`,
   * `max_output_tokens`) when it has one, the way providers count TPM.
   */
  tokensPerMinute?: number;
  /**
   * Separate budgets per end user, keyed by the request's `user` /
   * `safety_identifier` (OpenAI) or `metadata.user_id` (Anthropic). Calls that
   * name no user share one budget.
   */
  perUser?: boolean;
}

/** What one call costs against the limits. */
export interface ThrottleCost {
  /** The end user the call is made for, if the request names one. */
  user?: string;
  /** Estimated tokens (see {@link ThrottleLimits.tokensPerMinute}). */
  tokens: number;
}

/** Rolling-window budgets for {@link ThrottleLimits}. */
export interface Throttle {
  /**
   * Takes the call's cost from every configured budget, or throws
   * {@link QuotaExceededError} (naming the limit and when a retry can succeed)
   * and takes nothing.
   */
  take(cost: ThrottleCost, now?: number): void;
  /** How many per-user budgets are held in memory (bounded: idle ones are dropped). */
  readonly tracked: number;
}

const MINUTE_MS = 60_000;
/** Budgets of idle users are dropped once this many are tracked (a full bucket carries no state). */
const MAX_TRACKED_KEYS = 10_000;

interface Bucket {
  tokens: number;
  updated: number;
}

/**
 * Token buckets that refill continuously over a minute: a budget of N per
 * minute allows a burst of N, then one more every 60/N seconds.
 */
function createBuckets(capacity: number) {
  const rate = capacity / MINUTE_MS;
  const buckets = new Map<string, Bucket>();
  let lastSweep = -Infinity;

  const level = (key: string, now: number): Bucket => {
    let b = buckets.get(key);
    if (!b) {
      // At most one sweep a second, so many active users cannot make every call O(n).
      if (buckets.size >= MAX_TRACKED_KEYS && now - lastSweep >= 1000) {
        lastSweep = now;
        for (const [k, v] of buckets) if (Math.min(capacity, v.tokens + (now - v.updated) * rate) >= capacity) buckets.delete(k);
      }
      b = { tokens: capacity, updated: now };
      buckets.set(key, b);
    } else if (now > b.updated) {
      b.tokens = Math.min(capacity, b.tokens + (now - b.updated) * rate);
      b.updated = now;
    }
    return b;
  };

  return {
    capacity,
    get size() {
      return buckets.size;
    },
    /** Milliseconds until `cost` fits, 0 when it fits now. */
    wait(key: string, cost: number, now: number): number {
      const b = level(key, now);
      return b.tokens >= cost ? 0 : Math.ceil((cost - b.tokens) / rate);
    },
    take(key: string, cost: number): void {
      buckets.get(key)!.tokens -= cost;
    },
  };
}

/**
 * Creates the rolling-minute budgets a guard checks before a call is sent.
 * Returns `undefined` when no rate limit is configured.
 *
 * @example
 * ```ts
 * const throttle = createThrottle({ requestsPerMinute: 60, perUser: true })!;
 * throttle.take({ user: 'u-42', tokens: 120 }); // throws QuotaExceededError on the 61st call in a minute
 * ```
 */
export function createThrottle(limits: ThrottleLimits): Throttle | undefined {
  const budgets: Array<{ limit: 'requestsPerMinute' | 'tokensPerMinute'; buckets: ReturnType<typeof createBuckets> }> = [];
  if (limits.requestsPerMinute !== undefined) budgets.push({ limit: 'requestsPerMinute', buckets: createBuckets(limits.requestsPerMinute) });
  if (limits.tokensPerMinute !== undefined) budgets.push({ limit: 'tokensPerMinute', buckets: createBuckets(limits.tokensPerMinute) });
  if (budgets.length === 0) return undefined;

  return {
    get tracked() {
      return Math.max(...budgets.map((b) => b.buckets.size));
    },
    take(cost, now = Date.now()) {
      const key = limits.perUser && cost.user ? `user:${cost.user}` : '*';
      const costs = budgets.map((b) => (b.limit === 'requestsPerMinute' ? 1 : cost.tokens));
      for (let i = 0; i < budgets.length; i++) {
        const { limit, buckets } = budgets[i]!;
        const need = costs[i]!;
        const scope = key === '*' ? 'this client' : 'this end user';
        if (need > buckets.capacity) {
          throw new QuotaExceededError(
            `This call needs about ${need} tokens, more than limits.${limit} (${buckets.capacity}) allows for ${scope} in a minute. No request was sent.`,
            { limit },
          );
        }
        const waitMs = buckets.wait(key, need, now);
        if (waitMs > 0) {
          throw new QuotaExceededError(
            `limits.${limit} (${buckets.capacity}) reached for ${scope}; retry in ${(waitMs / 1000).toFixed(1)} s. No request was sent.`,
            { limit, retryAfterMs: waitMs },
          );
        }
      }
      for (let i = 0; i < budgets.length; i++) budgets[i]!.buckets.take(key, costs[i]!);
    },
  };
}
