import { describe, expect, test } from 'vitest';
import { detectSensitive } from '../../src/scan/sensitive.js';
import { fieldKind, scanFields } from '../../src/scan/pii/fields.js';
import type { Candidate } from '../../src/scan/secrets/candidate.js';
import { STALL_TIMEOUT_MS } from '../helpers/stall.js';

const found = (text: string) => {
  const out: Candidate[] = [];
  scanFields(text, out);
  return out.map((c) => `${c.type}:${text.slice(c.start, c.end)}`);
};

describe('scanFields', () => {
  test('scanFields: JSON, YAML, key=value and PHP arrays give the values of named fields', () => {
    expect(found('{"first_name": "Maria", "last_name": "Garcia", "dob": "1988-04-12"}')).toEqual(['person:Maria', 'person:Garcia', 'date_of_birth:1988-04-12']);
    expect(found('customer:\n  firstName: Tomasz\n  phoneNumber: 415 867 5309\n')).toEqual(['person:Tomasz', 'phone_number:415 867 5309']);
    expect(found("$row = ['surname' => 'Nowak', 'ssn' => '536-22-8974'];")).toEqual(['person:Nowak', 'us_ssn:536-22-8974']);
    expect(found('user.passportNumber=X1234567; billing_street_address="42 Elm Street"')).toEqual(['passport_number:X1234567', 'street_address:42 Elm Street']);
  });

  test('scanFields: XML elements, HTML inputs and SQL INSERT rows', () => {
    expect(found('<customer><firstName>Sophie</firstName><lastName> Martin </lastName></customer>')).toEqual(['person:Sophie', 'person:Martin']);
    expect(found('<input type="text" name="lastname" value="Johansson">')).toEqual(['person:Johansson']);
    const sql = "INSERT INTO customers (id, first_name, last_name, phone) VALUES (1, 'Kenji', 'O''Hara', '+81 3 1234 5678'), (2, 'Ana', NULL, '');";
    expect(found(sql)).toEqual(['person:Kenji', "person:O''Hara", 'phone_number:+81 3 1234 5678', 'person:Ana']);
  });

  test('scanFields: values that do not fit their field, placeholders and fields of other things are not reported', () => {
    expect(found('{"first_name": "string", "last_name": null, "phone": "n/a", "dob": "yesterday", "ssn": "000-12-3456"}')).toEqual([]);
    expect(found('{"name": "Starter Plan", "filename": "Maria.txt", "first_name": "${FIRST_NAME}", "surname": "the one"}')).toEqual([]);
    expect(found('- name: Build and test\n  run: npm test\nstreet: 12')).toEqual([]);
    // a bare `name` field holds a person only with a known name in it, alone only a given name that is not an English word
    expect(found('{"name": "Aisha Bello"}')).toEqual(['person:Aisha Bello']);
    expect(found('{"name": "Priya", "age": 34}')).toEqual(['person:Priya']);
    expect(found('{"name": "Will"} {"name": "Python"}')).toEqual([]);
  });

  test('fieldKind: exact names, any casing and separator, and the longer names that end in one', () => {
    expect(fieldKind('first_name')).toBe('given');
    expect(fieldKind('FirstName')).toBe('given');
    expect(fieldKind('customer-last-name')).toBe('surname');
    expect(fieldKind('user.dateOfBirth')).toBe('dob');
    expect(fieldKind('filename')).toBeUndefined();
    expect(fieldKind('username')).toBeUndefined();
  });

  test('detectSensitive: a named field outranks nothing it does not fit and joins the other detectors', () => {
    const text = '{"firstName":"Tomasz","lastName":"Nowak","email":"t.nowak@example.pl","phone":"4158675309"}';
    expect(detectSensitive(text).map((f) => f.type)).toEqual(['person', 'person', 'email', 'phone_number']);
  });

  describe('scanFields: 1 MB adversarial inputs complete', () => {
    const MB = 1 << 20;
    for (const u of [':', '=', '"a":', '"first_name":"', 'first_name: ', '</', '<firstName>a</firstName>', '</firstName>', 'name="lastname" value=', 'insert into t (first_name) values (', "('a', ", '=>']) {
      // a stall guard, not a timing assertion
      test(`scanFields: 1 MB of ${JSON.stringify(u)} completes`, () => {
        const out: Candidate[] = [];
        scanFields(u.repeat(Math.ceil(MB / u.length)), out);
        expect(Array.isArray(out)).toBe(true);
      }, STALL_TIMEOUT_MS);
    }
  });
});

describe('field names', () => {
  test('scanFields: a key is read as fieldKind reads it, whatever its case, separators and dotted prefix', () => {
    const names = ['first_name', 'lastName', 'SURNAME', 'customer.full-name', 'Name', 'name', 'patient_Name', 'x.y.given$name', 'user_id', 'timeout', 'latency_ms', 'ip', 'a.', 'billing-Name', 'cardHolder', 'FORENAME', 'nom', 'req'];
    let seed = 13;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const mutate = (k: string) => [...k].map((c) => (rnd() < 0.3 ? (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) : c) + (rnd() < 0.1 ? '_' : '')).join('');
    let fields = 0;
    for (let n = 0; n < 600; n++) {
      const key = rnd() < 0.5 ? names[n % names.length] : mutate(names[n % names.length]);
      const kind = fieldKind(key);
      const text = `{"${key}": "Maria Lopez"}`;
      const hit = found(text).length > 0;
      expect(hit, key).toBe(kind === 'given' || kind === 'surname' || kind === 'full' || kind === 'name');
      if (hit) fields++;
    }
    expect(fields).toBeGreaterThan(200);
  });
});
