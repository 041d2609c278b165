import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GuardConfigError } from '../../src/errors.js';
import { parseGuardOptions, safeParseGuardOptions } from '../../src/options.js';
import { sensitiveEntityTypes } from '../../src/scan/entity-types.js';
import { detectSensitive } from '../../src/scan/sensitive.js';

const root = join(import.meta.dirname, '../..');
const sources = (dir: string) =>
  readdirSync(join(root, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(root, dir, f), 'utf8'))
    .join('\n');

describe('entity types', () => {
  test('sensitiveEntityTypes: every type the detector sources name is listed, with its kind', () => {
    const listed = new Map(sensitiveEntityTypes.map((t) => [t.type, t.kind]));
    const src = sources('src/scan/secrets') + sources('src/scan/pii') + readFileSync(join(root, 'src/scan/sensitive.ts'), 'utf8');
    // snake_case string literals in the detectors are entity types, but for these few
    const notTypes = new Set(['api_key', 'unknown_entity_type']);
    const named = new Set([...src.matchAll(/'([a-z][a-z0-9]*(?:_[a-z0-9]+)+)'/g)].map((m) => m[1]).filter((t) => !notTypes.has(t)));
    for (const m of src.matchAll(/type: '([a-z0-9_]+)'/g)) named.add(m[1]);
    named.add('email').add('person').add('iban').add('age').add('password').add('postcode');
    expect([...named].filter((t) => !listed.has(t))).toEqual([]);
    for (const m of src.matchAll(/kind: '(secret|pii)', type: '([a-z0-9_]+)'/g)) expect(listed.get(m[2]), m[2]).toBe(m[1]);
  });

  test('sensitiveEntityTypes: findings on sample text only use listed types of the right kind', () => {
    const text = 'mail jane.roe@example.org, call +44 20 7946 0958, card 4111 1111 1111 1111, DOB: 12/03/1987, password = "Xk9mQ2vL7pR4zT", token ' + 'gl' + 'pat-' + 'aB3dE6gH9jK2mN5pQ8sT' + ', Mr. Kowalski';
    const listed = new Map(sensitiveEntityTypes.map((t) => [t.type, t.kind]));
    const found = detectSensitive(text, { minConfidence: 0 });
    expect(found.length).toBeGreaterThan(5);
    for (const f of found) expect(listed.get(f.type), f.type).toBe(f.kind);
  });

  test('sensitiveEntityTypes: the docs page names every type', () => {
    const docs = readFileSync(join(root, 'docs/detectors.md'), 'utf8');
    expect(sensitiveEntityTypes.filter((t) => !docs.includes('`' + t.type + '`')).map((t) => t.type)).toEqual([]);
  });

  test('parseGuardOptions: a misspelt entity type is a GuardConfigError with its path and the nearest type', () => {
    const r = safeParseGuardOptions({ secrets: { action: 'block', types: ['openai_key'] }, pii: { action: 'redact', typeActions: { emial: 'block' } } });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toEqual([
      expect.objectContaining({ code: 'unknown_entity_type', path: ['secrets', 'types', 0], message: "unknown secret type 'openai_key' (did you mean 'openai_api_key'?)" }),
      expect.objectContaining({ code: 'unknown_entity_type', path: ['pii', 'typeActions', 'emial'], message: "unknown PII type 'emial' (did you mean 'email'?)" }),
    ]);
    expect(() => parseGuardOptions({ pii: { action: 'warn', excludeTypes: ['zzzzzzzz'] } })).toThrow(GuardConfigError);
  });

  test('parseGuardOptions: a type of the other kind is rejected (it would switch that scanning off)', () => {
    const r = safeParseGuardOptions({ secrets: { action: 'redact', types: ['email'] } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]).toMatchObject({ code: 'wrong_entity_kind', path: ['secrets', 'types', 0], message: "'email' is a PII type: set it under pii, not secrets" });
  });

  test('parseGuardOptions: custom pattern types are accepted under their own kind', () => {
    const customPatterns = [{ type: 'employee_id', pattern: 'E-\\d{6}' }, { type: 'internal_token', pattern: 'it_[a-z0-9]{20}', kind: 'secret' as const }];
    expect(safeParseGuardOptions({ customPatterns, pii: { action: 'redact', types: ['employee_id', 'email'] }, secrets: { action: 'block', typeActions: { internal_token: 'block' } } }).success).toBe(true);
    expect(safeParseGuardOptions({ customPatterns, secrets: { action: 'block', types: ['employee_id'] } }).success).toBe(false);
  });
});

describe('detectSensitive type names', () => {
  test('detectSensitive: an unknown name in types or excludeTypes throws GuardConfigError naming it', () => {
    expect(() => detectSensitive('mail jane.roe@example.org', { types: ['emial'] })).toThrow(GuardConfigError);
    try {
      detectSensitive('', { excludeTypes: ['ip_adress'] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(GuardConfigError);
      expect((e as GuardConfigError).issues[0]).toMatchObject({ code: 'unknown_entity_type', path: ['excludeTypes', 0], message: "unknown entity type 'ip_adress' (did you mean 'ip_address'?)" });
      expect((e as Error).message).toContain('detectSensitive.excludeTypes.0');
    }
  });

  test('detectSensitive: built-in and custom type names are accepted', () => {
    const f = detectSensitive('employee E-123456 wrote jane.roe@example.org', { types: ['employee_id', 'email'], customPatterns: [{ type: 'employee_id', pattern: 'E-\\d{6}' }] });
    expect(f.map((x) => x.type)).toEqual(['employee_id', 'email']);
  });
});
