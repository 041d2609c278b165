import { describe, expect, test } from 'vitest';
import { GuardConfigError } from '../src/errors.js';
import { mergeGuardOptions, parseGuardOptions, safeParseGuardOptions, type GuardOptions } from '../src/options.js';

describe('options', () => {
  test('parseGuardOptions: secure defaults', () => {
    const o = parseGuardOptions(undefined);
    expect(o.injection.action).toBe('block');
    expect(o.secrets.action).toBe('redact');
    expect(o.pii.action).toBe('warn');
    expect(o.output.secrets).toBe('redact');
    expect(o.output.systemPrompt).toBe('redact');
    expect(o.failMode).toBe('closed');
    expect(o.injection.origins).not.toContain('system');
  });

  test('parseGuardOptions: string and object forms', () => {
    const o = parseGuardOptions({ injection: { action: 'warn', thresholds: { document: 0.8 } }, pii: 'pseudonymize', secrets: { action: 'block', typeActions: { jwt: 'redact' } } });
    expect(o.injection).toMatchObject({ action: 'warn', thresholds: { document: 0.8 } });
    expect(o.pii.action).toBe('pseudonymize');
    expect(o.secrets.typeActions).toEqual({ jwt: 'redact' });
  });

  test('parseGuardOptions: a bad action throws GuardConfigError naming the path and expected values', () => {
    let err: unknown;
    try {
      parseGuardOptions({ injection: 'maybe' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(GuardConfigError);
    const e = err as GuardConfigError;
    expect(e.issues[0]!.path).toEqual(['injection']);
    expect(e.issues[0]!.expected).toContain("'block'");
    expect(e.message).toContain('guard.injection');
  });

  test('parseGuardOptions: unknown keys and nested errors are reported with their paths', () => {
    const r = safeParseGuardOptions({ injektion: 'block', output: { secrets: 'hide' }, limits: { maxInputChars: -1 } });
    expect(r.success).toBe(false);
    if (r.success) return;
    const paths = r.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('');
    expect(paths).toContain('output.secrets');
    expect(paths).toContain('limits.maxInputChars');
    expect(r.issues.find((i) => i.path.length === 0)!.message).toContain("'injektion'");
    expect(r.issues.find((i) => i.path.join('.') === 'output.secrets')!.expected).toContain('"redact"');
  });

  test('parseGuardOptions: rejects a non-function onEvent and short canaries', () => {
    const r = safeParseGuardOptions({ onEvent: 'log', output: { canaries: ['abc'] } });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['onEvent', 'output.canaries.0']));
  });

  test('parseGuardOptions: accepts options declared `as const` (readonly arrays)', () => {
    const declared = {
      pii: { action: 'redact', origins: ['user', 'document'] },
      output: { canaries: ['CANARY-0a1b2c3d'] },
      tools: { allow: ['search'] },
    } as const satisfies GuardOptions;
    const o = parseGuardOptions(declared);
    expect(o.pii.origins).toEqual(['user', 'document']);
    expect(o.output.canaries).toEqual(['CANARY-0a1b2c3d']);
    expect(o.tools.allow).toEqual(['search']);
  });

  test('parseGuardOptions: rate limits are validated and default to none', () => {
    expect(parseGuardOptions({}).limits).toMatchObject({ requestsPerMinute: undefined, tokensPerMinute: undefined, perUser: false });
    expect(parseGuardOptions({ limits: { requestsPerMinute: 60, perUser: true } }).limits).toMatchObject({ requestsPerMinute: 60, perUser: true });
    const r = safeParseGuardOptions({ limits: { requestsPerMinute: -1 } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]!.path).toEqual(['limits', 'requestsPerMinute']);
  });

  test('parseGuardOptions: tools.validate must be a function', () => {
    const validate = () => true;
    expect(parseGuardOptions({ tools: { validate } }).tools.validate).toBe(validate);
    const r = safeParseGuardOptions({ tools: { validate: 'yes' as never } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]!.path).toEqual(['tools', 'validate']);
  });

  test('safeParseGuardOptions: returns data instead of throwing', () => {
    const r = safeParseGuardOptions({ pii: 'redact' });
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.pii.action).toBe('redact');
  });

  test('mergeGuardOptions: top-level keys replace, output/tools/limits merge', () => {
    const merged = mergeGuardOptions({ injection: 'block', output: { secrets: 'block', pii: 'redact' } }, { injection: 'off', output: { pii: 'off' } });
    expect(merged).toEqual({ injection: 'off', output: { secrets: 'block', pii: 'off' } });
  });
});
