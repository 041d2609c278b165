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
  { name: 'German VAT id', hit: 'USt-IdNr. DE271145682', type: 'de_vat_id', miss: 'USt-IdNr. DE271145683' },
  { name: 'German tax id after a cue', hit: 'Steuer-ID 57319486208', type: 'de_tax_id', miss: 'Steuer-ID 57319486207' },
  { name: 'German health insurance number', hit: 'KVNR A123456780', type: 'de_health_insurance_number', miss: 'KVNR A123456781' },
  { name: 'German pension insurance number', hit: 'RVNR 15070649C103', type: 'de_social_security_number', miss: 'RVNR 15070649C104' },
  { name: 'German passport number', hit: 'Pass-Nr. C74125861', type: 'passport_number', miss: 'Pass-Nr. C74125862' },
  { name: 'UK driving licence', hit: 'licence MORGA753116SM9IJ', type: 'uk_driving_licence', miss: 'licence MORGA713116SM9IJ' },
  { name: 'US Medicare beneficiary id', hit: 'MBI 1EG4-TE5-MK73', type: 'us_mbi', miss: 'MBI 1EG4-TS5-MK73' },
  { name: 'US NPI after a cue', hit: 'NPI 1245319599', type: 'us_npi', miss: 'NPI 1245319598' },
  { name: 'Indian GSTIN', hit: 'GSTIN 27AAPFU0939F1ZV', type: 'in_gstin', miss: 'GSTIN 99AAPFU0939F1ZV' },
  { name: 'Swedish personnummer with century', hit: 'id 198112189876', type: 'se_personnummer', miss: 'id 198112189877' },
  { name: 'Canadian SIN in 3-3-3 groups', hit: 'SIN 123 456 782', type: 'ca_sin', miss: 'SIN 123 456 783' },
  { name: 'phone with extension', hit: 'Fax: 259.735.7502x459', type: 'phone_number', miss: 'ratio 259.735.7502' },
  { name: 'phone next to a phone word', hit: 'Mobile: 723 813 266', type: 'phone_number', miss: 'it is 723 813 266 of them' },
  { name: 'bare PH mobile number', hit: 'ring 09171234567', type: 'phone_number', miss: 'ring 09171234' },
  { name: 'unbranded card after a card cue', hit: 'credit card 503867297114', type: 'credit_card', miss: 'order 503867297114' },
  { name: 'address block', hit: '12 Baker Street\nSuite 4\nLondon\nUnited Kingdom 10001', type: 'street_address', miss: '12 bakers\nworked 4 hours' },
  { name: 'number-street-number address', hit: 'meet at 180 Sahantie 72, Oulu', type: 'street_address', miss: 'we sold 180 Apples 72 times' },
  { name: 'name line atop an address block', hit: 'Anna Kowalski\n12 Baker Street\nLondon', type: 'person', miss: 'Quarterly Report\nRevenue grew' },
  { name: 'greeting with a given name', hit: 'Hi Anna, how are you?', type: 'person', miss: 'Anna has 5 apples.' },
  { name: 'quote attribution', hit: 'He did it," says Bergqvist.', type: 'person', miss: 'He did it," says the report.' },
  { name: 'lower-case name after my name is', hit: 'hello, my name is lena andersson.', type: 'person', miss: 'my name is not important' },
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

  test('detectSensitive: ordinary prose keeps bare given names and placeholder names below the default threshold', () => {
    for (const t of ['Tom has 5 apples and gives 2 to Sarah.', 'John Doe is the usual placeholder.', 'She named the dog Max.']) {
      expect(types(t)).not.toContain('person');
      expect(detectSensitive(t, { secrets: false, minConfidence: 0.4 }).length).toBeGreaterThan(0);
    }
  });

  test('detectSensitive: offsets are UTF-16 and slice back to the entity', () => {
    const text = '😀 mail zoe@example.org';
    const [f] = detectSensitive(text);
    expect(f.type).toBe('email');
    expect(f.start).toBe(8);
    expect(text.slice(f.start, f.end)).toBe('zoe@example.org');
  });
});
