import { describe, expect, test } from 'vitest';
import { detectSensitive } from '../../src/scan/sensitive.js';
import { GuardConfigError } from '../../src/errors.js';
import { safeParseGuardOptions } from '../../src/options.js';
import { scanDateTimes, scanWebAddresses } from '../../src/scan/pii/opt-in.js';
import type { Candidate } from '../../src/scan/secrets/candidate.js';
import { STALL_TIMEOUT_MS } from '../helpers/stall.js';

const spans = (text: string, extraTypes?: string[]) => detectSensitive(text, { secrets: false, extraTypes }).map((f) => `${f.type}:${text.slice(f.start, f.end)}`);

describe('opt-in types', () => {
  test('detectSensitive: dates and URLs are reported only when named in extraTypes', () => {
    const text = 'Today is 2024-03-15T14:30:00Z; the report from 5/2021 is at https://www.example.com/store/abc/.';
    expect(spans(text)).toEqual([]);
    expect(spans(text, ['date_time', 'url'])).toEqual(['date_time:2024-03-15T14:30:00Z', 'date_time:5/2021', 'url:https://www.example.com/store/abc/']);
    expect(spans(text, ['url'])).toEqual(['url:https://www.example.com/store/abc/']);
  });

  test('scanDateTimes: full, partial and ISO dates; not halves, versions or glued digits', () => {
    const found = (t: string) => {
      const out: Candidate[] = [];
      scanDateTimes(t, out);
      return out.map((c) => t.slice(c.start, c.end));
    };
    expect(found('on 05-May, in May-2021, on 21/5/21, at 3/15 and 5 May 1980')).toEqual(['05-May', 'May-2021', '21/5/21', '3/15', '5 May 1980']);
    expect(found('add 1/2 cup, v2.3.4, 2024-13-45, Today is5/21, 12:30')).toEqual([]);
  });

  test('scanWebAddresses: scheme URLs, www hosts and common bare domains; not hosts without a top-level domain', () => {
    const found = (t: string) => {
      const out: Candidate[] = [];
      scanWebAddresses(t, out);
      return out.map((c) => t.slice(c.start, c.end));
    };
    expect(found('see http://microsoft.vlaanderen, (https://a.example.org/x?q=1) or microsoft.com.')).toEqual(['http://microsoft.vlaanderen', 'https://a.example.org/x?q=1', 'microsoft.com']);
    expect(found("http://microsoft and 'www.microsoft' and file.txt")).toEqual([]);
  });

  test('detectSensitive: extraTypes names only opt-in types', () => {
    expect(() => detectSensitive('x', { extraTypes: ['email'] })).toThrow(GuardConfigError);
    expect(() => detectSensitive('x', { extraTypes: ['dates'] })).toThrow(/unknown opt-in type 'dates'/);
  });

  test('parseGuardOptions: pii.extraTypes is validated, and rejected under secrets', () => {
    expect(safeParseGuardOptions({ pii: { action: 'redact', extraTypes: ['date_time', 'url'] } }).success).toBe(true);
    const bad = safeParseGuardOptions({ pii: { action: 'redact', extraTypes: ['email'] }, secrets: { action: 'redact', extraTypes: ['url'] } });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.issues.map((i) => i.path.join('.'))).toEqual(['secrets.extraTypes.0', 'pii.extraTypes.0']);
  });

  describe('opt-in scanners: 1 MB adversarial inputs complete', () => {
    for (const u of ['1/', '2024-01-01T', 'May-', '1 May ', 'http://', 'www.', 'a.com/', 'a.', '://a.b']) {
      // a stall guard, not a timing assertion
      test(`detectSensitive: 1 MB of ${JSON.stringify(u)} with extraTypes completes`, () => {
        expect(Array.isArray(detectSensitive(u.repeat(Math.ceil((1 << 20) / u.length)), { extraTypes: ['date_time', 'url'] }))).toBe(true);
      }, STALL_TIMEOUT_MS);
    }
  });
});
