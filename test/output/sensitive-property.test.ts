import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createCanaryScanner, createSensitiveScanner, filterText, type OutputAction, type OutputRule } from '../../src/output/index.js';
import { LONE_SURROGATE, runStream } from './helpers.js';

// Values detectSensitive (src/scan/sensitive.ts) reports, and a few near-misses.
const VALUES = [
  'jane.doe@example.com',
  'ops+alerts@corp.example.org',
  '+1 415 555 0100',
  '4111 1111 1111 1111',
  '5555555555554444',
  'sk-proj-' + 'A'.repeat(20) + 'T3BlbkFJ' + 'b'.repeat(20),
  'ghp_' + 'a1B2'.repeat(9),
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  'DE89 3704 0044 0532 0130 00',
  '192.168.1.20',
  'password = "Tr0ub4dor&3xQ9"',
  'Mr. John Smith',
  "Patrick O'Brien",
  '(212) 555-7890',
  '12 Oak St, Springfield, IL 62704',
  'My name is Alice Johnson.',
  '-----BEGIN RSA PRIVATE KEY-----\n' + 'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n'.repeat(4) + '-----END RSA PRIVATE KEY-----',
];
const WORDS = ['the', 'order', 'Call', 'me', 'at', 'or', 'email', 'Smith', 'John', '415', '1111', 'DE89', 'key:', 'token', 'héllo', '😀', '日本', '.', ','];

// markup a model puts around values: JSON strings, quotes, brackets, Markdown, table cells, HTML tags
const WRAPS: [string, string][] = [['', ''], ['"', '"'], ["'", "'"], ['(', ')'], ['{"v": "', '"}'], ['{"v":"', '"}'], ['| ', ' |'], ['`', '`'], ['**', '**'], ['<b>', '</b>'], ['name=', ';'], ['“', '”']];
const wrapped = fc.tuple(fc.constantFrom(...WRAPS), fc.constantFrom(...VALUES)).map(([[a, b], v]) => a + v + b);
const piece = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...WORDS) }, { weight: 2, arbitrary: wrapped });
const sep = fc.constantFrom(' ', ' ', '\n', ', ', '. ', ' \n', '  ');
const reply = fc.array(fc.tuple(piece, sep), { maxLength: 30 }).map((ps) => ps.map(([p, s]) => p + s).join(''));
const chunking = fc.oneof(fc.constant([1]), fc.array(fc.integer({ min: 1, max: 16 }), { minLength: 1, maxLength: 8 }));
const action = fc.constantFrom<OutputAction>('redact', 'block', 'warn');

describe('sensitive scanner property', () => {
  test('createSensitiveScanner: any chunking gives filterText output and findings', () => {
    fc.assert(
      fc.property(reply, chunking, action, action, (text, sizes, secretsA, piiA) => {
        const rules: OutputRule[] = [
          { scanner: createSensitiveScanner({ secrets: true, pii: false }), action: secretsA },
          { scanner: createSensitiveScanner({ secrets: false, pii: true }), action: piiA },
          { scanner: createCanaryScanner(['CANARY-5d1']), action: 'block' },
        ];
        const full = filterText(text, rules);
        const s = runStream(rules, text, sizes);
        expect(s.text).toBe(full.text);
        expect(s.blocked).toBe(full.blocked);
        expect(s.findings.map((f) => [f.type, f.start, f.end])).toEqual(full.findings.map((f) => [f.type, f.start, f.end]));
        for (const c of s.chunks) expect(LONE_SURROGATE.test(c)).toBe(false);
        for (const v of VALUES) if (full.findings.length && secretsA !== 'warn' && piiA !== 'warn' && v.length > 15 && !v.includes(' ')) expect(s.text).not.toContain(v);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });
});
