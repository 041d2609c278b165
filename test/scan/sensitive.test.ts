import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createSensitiveDetector, detectSensitive, redact } from '../../src/scan/sensitive.js';
import { STALL_TIMEOUT_MS } from '../helpers/stall.js';

const seg = fc.constantFrom(
  'jane.roe@example.org',
  '+44 20 7946 0958',
  '4111 1111 1111 1111',
  'GB82 WEST 1234 5698 7654 32',
  '536-90-4399',
  '10.1.2.3',
  'password="' + 'Xk9' + 'mQ2vL7pR4zT"',
  'gl' + 'pat-' + 'aB3dE6gH9jK2mN5pQ8sT',
  'Mrs. Kowalska',
  ' ',
  ', ',
  'hello',
  '\n',
);
const textArb = fc.oneof(fc.array(seg, { maxLength: 8 }).map((a) => a.join(' ')), fc.string({ maxLength: 60 }));

describe('detectSensitive / redact', () => {
  test('detectSensitive: findings are sorted and non-overlapping', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        const f = detectSensitive(t);
        for (let i = 1; i < f.length; i++) expect(f[i].start).toBeGreaterThanOrEqual(f[i - 1].end);
      }),
    );
  });

  test('redact: default placeholders are typed and numbered, same value same number', () => {
    const out = redact('a@b.io, c@d.io and a@b.io');
    expect(out.text).toBe('[EMAIL_1], [EMAIL_2] and [EMAIL_1]');
    expect(out.findings).toHaveLength(3);
  });

  test('redact: custom placeholder builder', () => {
    expect(redact('mail a@b.io', { placeholder: (f) => `<${f.type}>` }).text).toBe('mail <email>');
  });

  test('redact: is idempotent', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        const once = redact(t).text;
        expect(redact(once).text).toBe(once);
      }),
    );
  });

  test('redact: nothing of the redacted types is found afterwards', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        const r = redact(t);
        const redactedTypes = new Set(r.findings.map((f) => f.type));
        expect(detectSensitive(r.text).filter((f) => redactedTypes.has(f.type))).toEqual([]);
      }),
    );
  });

  test('detectSensitive: no finding or message contains the matched value', () => {
    fc.assert(
      fc.property(textArb, (t) => {
        for (const f of detectSensitive(t)) {
          const value = t.slice(f.start, f.end);
          if (value.length < 4) continue;
          expect(JSON.stringify(f)).not.toContain(value);
        }
      }),
    );
  });

  test('detectSensitive: options filter kinds, types and confidence', () => {
    const t = 'a@b.io ' + 'gl' + 'pat-' + 'aB3dE6gH9jK2mN5pQ8sT';
    expect(detectSensitive(t, { secrets: false }).map((f) => f.kind)).toEqual(['pii']);
    expect(detectSensitive(t, { pii: false }).map((f) => f.kind)).toEqual(['secret']);
    expect(detectSensitive(t, { types: ['email'] }).map((f) => f.type)).toEqual(['email']);
    expect(detectSensitive(t, { excludeTypes: ['email'] }).map((f) => f.type)).toEqual(['gitlab_token']);
    expect(detectSensitive(t, { minConfidence: 0.99 })).toEqual([]);
  });

  test('createSensitiveDetector: adapts to the Detector interface with origin', () => {
    const det = createSensitiveDetector();
    const [f] = det.detect('mail a@b.io', { origin: 'user' });
    expect(f).toMatchObject({ detector: 'pii', type: 'email', origin: 'user', ruleId: 'pii.email' });
  });

  describe('detectSensitive: completes on 1 MB adversarial inputs', () => {
    const inputs = [
      'a'.repeat(1e6), '1'.repeat(1e6), '@'.repeat(1e6), '-'.repeat(1e6), 'sk-'.repeat(333_334), '='.repeat(1e6),
      'a@'.repeat(5e5), '1.'.repeat(5e5), '1-'.repeat(5e5), '1 '.repeat(5e5), 'a:'.repeat(5e5), '::'.repeat(5e5),
      'token='.repeat(166_667), 'key: "'.repeat(166_667), '-----BEGIN PRIVATE KEY-----'.repeat(37_000), 'Q~'.repeat(5e5),
      'AKIA'.repeat(250_000), 'http://a:b@'.repeat(90_000), 'Aaron '.repeat(166_667), '12 Main '.repeat(125_000), '-_'.repeat(5e5),
      '1 Aaa 1 '.repeat(125_000), '12 Main Street\nSuite 1\n'.repeat(45_000), 'Anna Smith\n'.repeat(90_000), 'my name is '.repeat(90_000),
      'Hi Anna, '.repeat(110_000), '" says Anna to Bob '.repeat(50_000), 'DE1234567890 '.repeat(80_000), '+1 '.repeat(330_000), '1|'.repeat(5e5),
    ];
    // stall guards, not timing assertions: a super-linear rule takes minutes on 1 MB and hits the test timeout
    for (const [i, s] of inputs.entries()) {
      test(`detectSensitive: 1 MB adversarial input #${i} (${JSON.stringify(s.slice(0, 12))}...) completes`, () => {
        expect(Array.isArray(detectSensitive(s))).toBe(true);
      }, STALL_TIMEOUT_MS);
    }
  });
});
