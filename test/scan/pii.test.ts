import { describe, expect, test } from 'vitest';
import { detectSensitive } from '../../src/scan/sensitive.js';

const types = (text: string) => detectSensitive(text, { secrets: false }).map((f) => f.type);

const cases: { name: string; hit: string; type: string; miss: string }[] = [
  { name: 'e-mail', hit: 'write to jane.roe@example.org today', type: 'email', miss: 'icon@2x.png and user@localhost' },
  { name: 'international phone', hit: 'call +44 20 7946 0958', type: 'phone_number', miss: 'version 2.0.7946.0958' },
  { name: 'US phone', hit: 'phone: (415) 555-2671', type: 'phone_number', miss: 'order 4155552671 shipped' },
  { name: 'payment card', hit: 'card 4111 1111 1111 1111', type: 'credit_card', miss: 'card 4111 1111 1111 1112' },
  { name: 'IBAN', hit: 'IBAN GB82 WEST 1234 5698 7654 32', type: 'iban', miss: 'ref GB82 WEST 1234 5698 7654 33' },
  { name: 'US SSN', hit: 'SSN 536-90-4399', type: 'us_ssn', miss: 'SSN 000-12-3456 and 666-12-3456 and 123-00-4567' },
  { name: 'IPv4', hit: 'server 192.168.10.1 down', type: 'ip_address', miss: 'value 300.1.1.1 and version 1.2.3.4' },
  { name: 'IPv6', hit: 'host 2001:db8::8a2e:370:7334 up', type: 'ip_address', miss: 'std::vector and 12:34:56' },
  { name: 'MAC address', hit: 'MAC 00:1A:2B:3C:4D:5E', type: 'mac_address', miss: 'MAC 00:00:00:00:00:00' },
  { name: 'person with title', hit: 'Please ask Mrs. Kowalska about it', type: 'person', miss: 'Please ask the team about it' },
  { name: 'person by given name', hit: 'I met Maria Lopez yesterday', type: 'person', miss: 'I met the manager yesterday' },
  { name: 'street address', hit: 'ship to 1600 Pennsylvania Avenue NW', type: 'street_address', miss: 'we sold 1600 units in total' },
  { name: 'Spanish NIE', hit: 'NIE X9613851N', type: 'es_nif', miss: 'NIE X9613851Q' },
  { name: 'Finnish HETU', hit: 'hetu 131052-308T', type: 'fi_hetu', miss: 'hetu 131052-308A' },
];

describe('pii rules', () => {
  for (const c of cases) {
    test(`detectSensitive: ${c.name} is found`, () => {
      expect(types(c.hit)).toContain(c.type);
    });
    test(`detectSensitive: ${c.name} near-miss is ignored`, () => {
      expect(types(c.miss)).not.toContain(c.type);
    });
  }

  test('detectSensitive: custom entity patterns', () => {
    const f = detectSensitive('employee E-123456 joined', { customPatterns: [{ type: 'employee_id', pattern: 'E-\\d{6}' }] });
    expect(f.map((x) => x.type)).toEqual(['employee_id']);
  });

  test('detectSensitive: offsets are UTF-16 and slice back to the entity', () => {
    const text = '😀 mail zoe@example.org';
    const [f] = detectSensitive(text);
    expect(f.type).toBe('email');
    expect(f.start).toBe(8);
    expect(text.slice(f.start, f.end)).toBe('zoe@example.org');
  });
});
