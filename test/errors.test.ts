import { describe, expect, test } from 'vitest';
import { createRequire } from 'node:module';
import {
  GuardConfigError,
  InputRejectedError,
  OutputLeakError,
  PromptInjectionError,
  QuotaExceededError,
  SecurityError,
  SensitiveDataError,
  ToolPolicyError,
  isSecurityError,
} from '../src/errors.js';
import type { Finding } from '../src/scan/types.js';

const finding: Finding = { detector: 'injection', ruleId: 'injection.ignore-previous', score: 0.97, message: 'instruction override', start: 0, end: 10, origin: 'user', messageIndex: 1 };

describe('errors', () => {
  test('PromptInjectionError: carries code, phase and findings and names the rule', () => {
    const e = new PromptInjectionError([finding]);
    expect(e).toBeInstanceOf(SecurityError);
    expect(e).toBeInstanceOf(Error);
    expect(e.code).toBe('prompt_injection');
    expect(e.phase).toBe('input');
    expect(e.findings).toEqual([finding]);
    expect(e.name).toBe('PromptInjectionError');
    expect(e.message).toContain('injection.ignore-previous');
    expect(e.message).toContain('message 1');
  });

  test('instanceof: subclasses do not match each other', () => {
    const e = new SensitiveDataError([]);
    expect(e instanceof SensitiveDataError).toBe(true);
    expect(e instanceof PromptInjectionError).toBe(false);
    expect(new OutputLeakError([]) instanceof SensitiveDataError).toBe(false);
    expect({} instanceof SecurityError).toBe(false);
    expect(null as unknown instanceof SecurityError).toBe(false);
  });

  test('instanceof: an error built by another copy of the module still matches', async () => {
    // Simulates the CJS and ESM builds each holding their own class objects.
    const fresh = await import('../src/errors.js?copy=' + Date.now());
    const other = new fresh.PromptInjectionError([finding]);
    expect(fresh.PromptInjectionError).not.toBe(PromptInjectionError);
    expect(other instanceof PromptInjectionError).toBe(true);
    expect(other instanceof SecurityError).toBe(true);
    expect(isSecurityError(other)).toBe(true);
    expect(createRequire(import.meta.url)).toBeTypeOf('function');
  });

  test('phases: each subclass reports its phase and code', () => {
    expect(new OutputLeakError([]).phase).toBe('output');
    expect(new ToolPolicyError('x').phase).toBe('tool');
    const q = new QuotaExceededError('slow down', { limit: 'requestsPerMinute', retryAfterMs: 500 });
    expect([q.phase, q.code, q.limit, q.retryAfterMs]).toEqual(['quota', 'quota_exceeded', 'requestsPerMinute', 500]);
    expect(new InputRejectedError('too big', 'input_too_large').code).toBe('input_too_large');
  });

  test('GuardConfigError: lists every issue path in the message', () => {
    const e = new GuardConfigError([{ code: 'invalid_value', path: ['output', 'secrets'], message: 'expected one of' }]);
    expect(e.phase).toBe('config');
    expect(e.message).toContain('guard.output.secrets');
    expect(e.issues[0]!.path).toEqual(['output', 'secrets']);
  });

  test('toJSON: is plain data', () => {
    const json = JSON.parse(JSON.stringify(new PromptInjectionError([finding])));
    expect(json).toMatchObject({ name: 'PromptInjectionError', code: 'prompt_injection', phase: 'input' });
    expect(json.findings[0].ruleId).toBe('injection.ignore-previous');
  });

  test('isSecurityError: false for SDK and plain errors', () => {
    expect(isSecurityError(new Error('x'))).toBe(false);
    expect(isSecurityError('x')).toBe(false);
  });
});
