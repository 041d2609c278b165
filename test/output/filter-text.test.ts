import { describe, expect, test } from 'vitest';
import { createCanaryScanner, createRegexScanner, filterText, type OutputRule } from '../../src/output/index.js';

const KEY = 'sk-' + 'Ab1'.repeat(10);
const keyScanner = createRegexScanner('secrets', 'openai_api_key', /sk-[A-Za-z0-9]{20,60}/, 63);
const emailScanner = createRegexScanner('pii', 'email', /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24}/, 280);

describe('filterText', () => {
  test('filterText: no rules returns the text unchanged', () => {
    expect(filterText('hello', [])).toEqual({ text: 'hello', findings: [], blocked: false });
  });

  test('filterText: redact replaces the span with [REDACTED:<type>]', () => {
    const r = filterText(`key ${KEY} end`, [{ scanner: keyScanner, action: 'redact' }]);
    expect(r.text).toBe('key [REDACTED:openai_api_key] end');
    expect(r.blocked).toBe(false);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ type: 'openai_api_key', action: 'redact', start: 4, end: 4 + KEY.length });
    expect(JSON.stringify(r.findings)).not.toContain(KEY);
  });

  test('filterText: custom replacement receives the finding and original text', () => {
    const r = filterText(`a ${KEY} b`, [{ scanner: keyScanner, action: 'redact', replacement: (f, o) => `<${f.type}:${o.length}>` }]);
    expect(r.text).toBe(`a <openai_api_key:${KEY.length}> b`);
  });

  test('filterText: warn passes the text unchanged and records the finding', () => {
    const r = filterText(`mail a.b@example.com now`, [{ scanner: emailScanner, action: 'warn' }]);
    expect(r.text).toBe('mail a.b@example.com now');
    expect(r.findings.map((f) => [f.type, f.action])).toEqual([['email', 'warn']]);
  });

  test('filterText: block releases only the text before the span and reports it last', () => {
    const rules: OutputRule[] = [
      { scanner: emailScanner, action: 'redact' },
      { scanner: createCanaryScanner(['CANARY-42']), action: 'block' },
    ];
    const r = filterText('x@example.com says CANARY-42 and y@example.com', rules);
    expect(r.blocked).toBe(true);
    expect(r.text).toBe('[REDACTED:email] says ');
    expect(r.findings.map((f) => f.type)).toEqual(['email', 'canary']);
    expect(r.findings[1].action).toBe('block');
  });

  test('filterText: overlaps resolve block > redact > warn, then earliest start, then longest; a redact loses only the overlap', () => {
    const a = createRegexScanner('t', 'a', /abcdef/, 6);
    const b = createRegexScanner('t', 'b', /cdefgh/, 6);
    const c = createRegexScanner('t', 'c', /cdefghij/, 8);
    // same action: earliest start wins, the later span keeps its uncovered tail
    const e = filterText('xxabcdefghij', [{ scanner: b, action: 'redact' }, { scanner: a, action: 'redact' }]);
    expect(e.text).toBe('xx[REDACTED:a][REDACTED:b]ij');
    expect(e.findings.map((f) => [f.type, f.start, f.end])).toEqual([['a', 2, 8], ['b', 8, 10]]);
    // same start: longest wins
    expect(filterText('xxabcdefghij', [{ scanner: b, action: 'redact' }, { scanner: c, action: 'redact' }]).text).toBe('xxab[REDACTED:c]');
    expect(filterText('xxabcdefghij', [{ scanner: b, action: 'warn' }, { scanner: c, action: 'warn' }]).findings.map((f) => f.type)).toEqual(['c']);
    // redact beats an earlier warn, which is dropped
    const w = filterText('xxabcdefghij', [{ scanner: a, action: 'warn' }, { scanner: b, action: 'redact' }]);
    expect(w.text).toBe('xxab[REDACTED:b]ij');
    expect(w.findings.map((f) => f.type)).toEqual(['b']);
    // block beats an earlier redact: nothing of the block span is released, the redact's head is still redacted
    const k = filterText('xxabcdefghij', [{ scanner: a, action: 'redact' }, { scanner: b, action: 'block' }]);
    expect(k).toMatchObject({ text: 'xx[REDACTED:a]', blocked: true });
    expect(k.findings.map((f) => [f.type, f.start, f.end, f.action])).toEqual([['a', 2, 4, 'redact'], ['b', 4, 10, 'block']]);
  });

  test('filterText: the first block wins and later findings are not reported', () => {
    const r = filterText('A1 B2 A3', [{ scanner: createRegexScanner('t', 'a', /A\d/, 2), action: 'block' }, { scanner: createRegexScanner('t', 'b', /B\d/, 2), action: 'warn' }]);
    expect(r).toMatchObject({ text: '', blocked: true });
    expect(r.findings.map((f) => f.type)).toEqual(['a']);
  });
});
