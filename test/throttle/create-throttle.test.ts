import { describe, expect, test } from 'vitest';
import { QuotaExceededError } from '../../src/errors.js';
import { createThrottle } from '../../src/throttle/create-throttle.js';

describe('createThrottle', () => {
  test('createThrottle: no rate limit configured returns undefined', () => {
    expect(createThrottle({})).toBeUndefined();
    expect(createThrottle({ perUser: true })).toBeUndefined();
  });

  test('take: requestsPerMinute allows a burst, then refills continuously', () => {
    const t = createThrottle({ requestsPerMinute: 3 })!;
    for (let i = 0; i < 3; i++) t.take({ tokens: 10 }, 0);
    const err = (() => {
      try {
        t.take({ tokens: 10 }, 0);
      } catch (e) {
        return e as QuotaExceededError;
      }
    })();
    expect(err).toBeInstanceOf(QuotaExceededError);
    expect(err!.limit).toBe('requestsPerMinute');
    expect(err!.phase).toBe('quota');
    expect(err!.retryAfterMs).toBe(20_000); // one call every 60/3 s
    expect(() => t.take({ tokens: 10 }, 19_999)).toThrow(QuotaExceededError);
    t.take({ tokens: 10 }, 20_000);
  });

  test('take: tokensPerMinute counts the cost, and a refused call takes nothing from any budget', () => {
    const t = createThrottle({ requestsPerMinute: 10, tokensPerMinute: 1000 })!;
    t.take({ tokens: 900 }, 0);
    expect(() => t.take({ tokens: 200 }, 0)).toThrow(/tokensPerMinute \(1000\) reached/);
    // The refused call did not use a request slot: nine more small calls still fit.
    for (let i = 0; i < 9; i++) t.take({ tokens: 10 }, 0);
    expect(() => t.take({ tokens: 1 }, 0)).toThrow(/requestsPerMinute/);
  });

  test('take: a call larger than the whole budget is refused without a retry time', () => {
    const t = createThrottle({ tokensPerMinute: 500 })!;
    try {
      t.take({ tokens: 501 }, 0);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(QuotaExceededError);
      expect((e as QuotaExceededError).retryAfterMs).toBeUndefined();
      expect((e as Error).message).toContain('more than limits.tokensPerMinute (500)');
    }
  });

  test('take: perUser keeps one budget per end user; calls without a user share one', () => {
    const t = createThrottle({ requestsPerMinute: 1, perUser: true })!;
    t.take({ user: 'alice', tokens: 1 }, 0);
    t.take({ user: 'bob', tokens: 1 }, 0);
    t.take({ tokens: 1 }, 0);
    expect(() => t.take({ user: 'alice', tokens: 1 }, 0)).toThrow(/this end user/);
    expect(() => t.take({ tokens: 1 }, 0)).toThrow(/this client/);
  });

  test('take: without perUser every user shares the client budget', () => {
    const t = createThrottle({ requestsPerMinute: 1 })!;
    t.take({ user: 'alice', tokens: 1 }, 0);
    expect(() => t.take({ user: 'bob', tokens: 1 }, 0)).toThrow(QuotaExceededError);
  });

  test('take: idle users are forgotten once many are tracked, so memory stays bounded', () => {
    const t = createThrottle({ requestsPerMinute: 1, perUser: true })!;
    for (let i = 0; i < 25_000; i++) t.take({ user: `u${i}`, tokens: 1 }, i * 100);
    expect(t.tracked).toBeLessThanOrEqual(10_000);
    expect(t.tracked).toBeGreaterThan(0);
    // Users still inside their window keep their state.
    expect(() => t.take({ user: 'u24999', tokens: 1 }, 24_999 * 100)).toThrow(QuotaExceededError);
  });
});
