import { describe, expect, test } from 'vitest';
import { detectSensitive } from '../../src/scan/sensitive.js';
import { NATIONAL_ID_GATES, NATIONAL_ID_LEAD_RULES, NATIONAL_ID_TOKEN_RULES, orgNumberHoldFrom } from '../../src/scan/pii/national-ids.js';

const types = (text: string) => detectSensitive(text, { secrets: false }).map((f) => f.type);

// Check digits computed here from each scheme's published algorithm (not with the
// scanner's own validators), so a wrong validator fails these tests.
const weighted = (digits: string, weights: number[]) => weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0);

/** Korean RRN: weights 2-9,2-5; check (11 - sum mod 11) mod 10. */
const krRrn = (twelve: string) => twelve + ((11 - (weighted(twelve, [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5]) % 11)) % 10);
/** Turkish TCKN: d10 = (7 x odd positions - even positions) mod 10, d11 = sum of the first ten mod 10. */
const trTckn = (nine: string) => {
  const d = [...nine].map(Number);
  const d10 = ((((d[0] + d[2] + d[4] + d[6] + d[8]) * 7 - (d[1] + d[3] + d[5] + d[7])) % 10) + 10) % 10;
  const d11 = (d.reduce((a, b) => a + b, 0) + d10) % 10;
  return nine + d10 + d11;
};
/** Thai national id: weights 13..2; check (11 - sum mod 11) mod 10. */
const thId = (twelve: string) => twelve + ((11 - (weighted(twelve, [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) % 11)) % 10);
/** Luhn check digit (South African id). */
const luhn = (body: string) => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let v = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return body + ((10 - (sum % 10)) % 10);
};
/** Verhoeff check digit (Aadhaar). */
const verhoeff = (body: string) => {
  const d = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]];
  const p = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]];
  const inv = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];
  let c = 0;
  const digits = [...body].reverse().map(Number);
  for (let i = 0; i < digits.length; i++) c = d[c][p[(i + 1) % 8][digits[i]]];
  return body + inv[c];
};
/** Change the last character to another digit (or letter) so the check fails. */
const bump = (v: string) => {
  const last = v[v.length - 1];
  const next = /\d/.test(last) ? String((Number(last) + 1) % 10) : last === 'Z' ? 'A' : String.fromCharCode(last.charCodeAt(0) + 1);
  return v.slice(0, -1) + next;
};

const rrn = krRrn('850709123456');
const tckn = trTckn('123456789');
const thai = thId('110170020703');
const za = luhn('800101500908');
const uid = verhoeff('23412341234');

const cases: { name: string; hit: string; type: string; miss: string }[] = [
  { name: 'Korean resident registration number without a dash (check digit)', hit: `RRN ${rrn}`, type: 'kr_rrn', miss: `RRN ${bump(rrn)}` },
  // written YYMMDD-SNNNNNN: since October 2020 the digits after S are arbitrary, so only the date and S are checked
  { name: 'Korean resident registration number with a dash', hit: `RRN ${rrn.slice(0, 6)}-${bump(rrn).slice(6)}`, type: 'kr_rrn', miss: 'RRN 850230-1234567 and 851321-1234567 and 850709-9234567' },
  { name: 'Korean foreign resident number with a dash', hit: '외국인등록번호 000505-7637892', type: 'kr_rrn', miss: '외국인등록번호 000230-7637892 and 010229-7637892' },
  { name: 'Turkish national id', hit: `TC kimlik ${tckn}`, type: 'tr_national_id', miss: `TC kimlik ${bump(tckn)}` },
  { name: 'Polish PESEL after its name', hit: 'PESEL 44051401458', type: 'pl_pesel', miss: 'PESEL 44051401459' },
  { name: 'South African id number', hit: `ID ${za}`, type: 'za_id', miss: `ID ${bump(za)}` },
  { name: 'Thai national id after a cue', hit: `Thai ID ${thai}`, type: 'th_national_id', miss: `Thai ID ${bump(thai)}` },
  { name: 'Singapore NRIC', hit: 'NRIC S1234567D', type: 'sg_nric', miss: 'NRIC S1234567E' },
  { name: 'Italian fiscal code', hit: 'codice fiscale RSSMRA85T10A562S', type: 'it_fiscal_code', miss: 'codice fiscale rssmra85t10a562t' }, // upper case with a wrong check letter is reported at 0.5 (a test below)
  { name: 'UK national insurance number', hit: 'NI number AB 12 34 56 C', type: 'uk_nino', miss: 'NI number BG 12 34 56 C' },
  { name: 'Indian PAN', hit: 'PAN AFZPK7190K', type: 'in_pan', miss: 'PAN AFZXK7190K' },
  { name: 'Korean driver licence number', hit: 'licence 11-22-333333-44', type: 'kr_driver_license', miss: 'licence 30-22-333333-44' },
  { name: 'Aadhaar number', hit: `Aadhaar ${uid.slice(0, 4)} ${uid.slice(4, 8)} ${uid.slice(8)}`, type: 'in_aadhaar', miss: `Aadhaar ${uid.slice(0, 4)} ${uid.slice(4, 8)} ${bump(uid).slice(8)}` },
  { name: 'Swedish personnummer, 6+4 digits', hit: 'personnummer 811218-9876', type: 'se_personnummer', miss: 'personnummer 811218-9877' },
  { name: 'Canadian SIN without separators after a cue', hit: 'SIN 130692544', type: 'ca_sin', miss: 'SIN 130692545' },
];

describe('national id rules', () => {
  for (const c of cases) {
    test(`detectSensitive: ${c.name} is found`, () => {
      expect(types(c.hit)).toContain(c.type);
    });
    test(`detectSensitive: ${c.name} near-miss is ignored`, () => {
      expect(types(c.miss)).not.toContain(c.type);
    });
  }
});

describe('national-id gates', () => {
  test('scanNationalIds: every match of a gated rule holds its gate (the gate only skips texts the rule cannot match)', () => {
    const pieces = ['RSSMRA85T10A562S', 'AB123456C', 'AB 12 34 56 C', 'C01X00T47', 'ABCPE1234F', 'T22000129', 'x', ' ', '1', '12', '1234', 'A', 'Z', 'a', '-', 'ABCDE', 'qq 12 34 56 d'];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    let matched = 0;
    for (let n = 0; n < 20000; n++) {
      let text = '';
      for (let k = 1 + Math.floor(rnd() * 8); k > 0; k--) text += pieces[Math.floor(rnd() * pieces.length)];
      for (const { re, gate } of NATIONAL_ID_GATES) {
        if (new RegExp(re.source, re.flags.replace('g', '')).test(text)) {
          matched++;
          expect(gate.test(text), `${re.source} on ${JSON.stringify(text)}`).toBe(true);
        }
      }
    }
    expect(NATIONAL_ID_GATES.length).toBe(1);
    expect(matched).toBeGreaterThan(300);
  });
});

describe('national-id token rules', () => {
  test('scanNationalIds: every match of a token rule is a whole letter-digit token of its length (the rule runs at those tokens only)', () => {
    const pieces = ['RSSMRA85T10A562S', 'C01X00T47', 'ABCPE1234F', '27ABCPE1234F1Z5', 'S1234567D', 'X123456789', '12345678A123', 'MORGA657054SM9IJ', '12345678901', '1234567890123', 'x', ' ', '-', '_', '.', ',', '1', '12', 'A', 'Z', 'a', 'ABCDE'];
    let seed = 9;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    let matched = 0;
    for (let n = 0; n < 20000; n++) {
      let text = '';
      for (let k = 1 + Math.floor(rnd() * 6); k > 0; k--) text += pieces[Math.floor(rnd() * pieces.length)];
      for (const { re, token } of NATIONAL_ID_TOKEN_RULES) {
        for (const m of text.matchAll(new RegExp(re.source, 'g'))) {
          matched++;
          const before = text[m.index - 1] ?? ' ';
          const after = text[m.index + m[0].length] ?? ' ';
          expect(m[0].length, `${re.source} on ${JSON.stringify(text)}`).toBe(token);
          expect(/^[A-Za-z0-9]+$/.test(m[0]) && /\d/.test(m[0]) && !/[A-Za-z0-9]/.test(before) && !/[A-Za-z0-9]/.test(after), `${re.source} on ${JSON.stringify(text)}`).toBe(true);
        }
      }
    }
    expect(NATIONAL_ID_TOKEN_RULES.length).toBe(20);
    expect(matched).toBeGreaterThan(1000);
  });
});

describe('national-id lead rules', () => {
  test('scanNationalIds: every match of a lead rule starts at a digit run of a lead length followed by a lead character (the rule runs at those runs only)', () => {
    // each rule's shapes, digit groups of 1-13 digits (some with the leading digits a rule needs) and separators, in random order
    const shapes = ['131052-308T', '131052A308T', '19811218-9876', '811218-9876', '811218+9876', '8112189876', '900101-1234567', '9001011234567', '123-45-67890', '12345-67890', '1234567890',
      '046 454 286', '046-454-286', '046454286', '1EG4-TE5-MK73', '1EG4TE5MK73', '1234-567-890', '11-23-456789-12', '198112189876', '123.456.789-09', '51 824 753 556', '004 085 616', '123456 789',
      '943 476 5919', '943-476-5919', '9434765919', '0111-0001-5', '011100015', '2345 6789 0123', '2345-6789-0123', '234567890123'];
    const groups = ['0', '1', '2', '12', '19', '20', '123', '1234', '12345', '123456', '1234567', '12345678'];
    const seps = ['-', '-', ' ', ' ', '.', '+', 'A', 'E', 'x', '\n', '/', '_'];
    let seed = 13;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const pick = (a: string[]) => a[Math.floor(rnd() * a.length)];
    let matched = 0;
    for (let n = 0; n < 30000; n++) {
      let text = '';
      for (let k = 1 + Math.floor(rnd() * 6); k > 0; k--) text += rnd() < 0.4 ? pick(shapes) : rnd() < 0.5 ? pick(groups) : pick(seps);
      for (const { re, lead } of NATIONAL_ID_LEAD_RULES) {
        for (const m of text.matchAll(new RegExp(re.source, 'g'))) {
          matched++;
          let e = m.index;
          while (/\d/.test(text[e] ?? '')) e++;
          const length = e - m.index;
          const then = /^\d*/.exec(text.slice(e + 1))![0].length;
          const fits = !/\d/.test(text[m.index - 1] ?? '') && lead.some((l) => l.length === length && (l.next === undefined || l.next.includes(text[e] ?? '\u0000')) && (l.then === undefined || l.then === then));
          expect(fits, `${re.source} on ${JSON.stringify(text)}`).toBe(true);
        }
      }
    }
    expect(NATIONAL_ID_LEAD_RULES.length).toBe(22);
    expect(matched).toBeGreaterThan(5000);
  });
});

describe('company numbers', () => {
  /** ABN check digits computed here (ATO: subtract 1 from the first digit, weights 10, 1, 3, ..., 19, sum divisible by 89). */
  const abnValid = (d: string) => [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19].reduce((a, w, i) => a + w * (Number(d[i]) - (i === 0 ? 1 : 0)), 0) % 89 === 0;
  /** ACN check digit computed here (ASIC: weights 8..1, complement of the sum mod 10). */
  const acnCheck = (eight: string) => (10 - ([...eight].reduce((a, c, i) => a + (8 - i) * Number(c), 0) % 10)) % 10;

  test('detectSensitive: an Australian business number in its 2-3-3-3 grouping or as 11 digits with its check; a wrong check, a longer group or a +61 phone are not', () => {
    expect(abnValid('51824753556')).toBe(true);
    expect(types('ABN: 51 824 753 556')).toContain('au_abn');
    expect(types('our ABN is 51824753556')).toContain('au_abn');
    expect(types('51824753556')).toContain('au_abn');
    expect(types('51824753557')).not.toContain('au_abn');
    expect(types('52 824 753 556')).not.toContain('au_abn');
    expect(types('51 824 753 5564')).not.toContain('au_abn');
    expect(types('+61 412 345 678')).not.toContain('au_abn');
  });

  test('detectSensitive: an Australian company number in its 3-3-3 grouping or after ACN; a wrong check digit is not', () => {
    const acn = '00549998' + acnCheck('00549998');
    expect(acn).toBe('005499981');
    expect(types('005 499 981')).toContain('au_acn');
    expect(types('ACN 005499981')).toContain('au_acn');
    expect(types('ACN: 123 456 780')).toContain('au_acn');
    expect(types('123 456 780 euros')).not.toContain('au_acn'); // a quantity with thousands separators: no cue, no leading 0
    expect(types('005 499 982')).not.toContain('au_acn');
    expect(types('824753557')).not.toContain('au_acn');
  });

  test('detectSensitive: German commercial register numbers (HRA / HRB and up to six digits); HRC or seven digits are not', () => {
    expect(types('Amtsgericht München HRB 12345.')).toContain('de_commercial_register');
    expect(types('eingetragen im HRA 99999 Köln')).toContain('de_commercial_register');
    expect(types('HRC 12345')).not.toContain('de_commercial_register');
    expect(types('HRB 1234567')).not.toContain('de_commercial_register');
  });

  test('detectSensitive: a Swedish organisation number next to an organisation word; a personal number, a letter inside or no cue are not', () => {
    expect(types('556703-7485 är vårt orgnummer.')).toContain('se_organisation_number');
    expect(types('Our company identity code is: 212000-0142. Thank you.')).toContain('se_organisation_number');
    expect(types('Call 556703-7485 now')).not.toContain('se_organisation_number');
    expect(types('556703-7r85 är vårt orgnummer')).not.toContain('se_organisation_number');
    expect(types('vårt orgnummer: 811228-9874')).not.toContain('se_organisation_number'); // third digit 1: a personal number's month
  });
});

describe('Singapore UEN', () => {
  test('detectSensitive: a Singapore UEN of the 2009 format with a known entity-type code; another code or length is not', () => {
    expect(types('UEN T16RF0037C')).toContain('sg_uen');
    expect(types('S57TU0392K')).toContain('sg_uen');
    expect(types('T16ZZ0037C')).not.toContain('sg_uen');
    expect(types('T16RF00370C')).not.toContain('sg_uen');
  });
});

describe('mistyped and dashed identifiers', () => {
  test('detectSensitive: an Italian fiscal code with a wrong check letter is reported below a checked one; spaced or lower-case it is not', () => {
    const f = (t: string) => detectSensitive(t, { secrets: false }).map((x) => `${x.type}:${x.confidence}`);
    expect(f('RSSMRA85T10A562S')).toEqual(['it_fiscal_code:0.85']);
    expect(f('RSSMRA85T10A562X')).toEqual(['it_fiscal_code:0.5']);
    expect(f('AAAAAA - 00B11C333N')).toEqual([]);
    expect(f('rssmra85t10a562x')).toEqual([]);
  });

  test('detectSensitive: a German VAT id with a wrong check digit is reported at 0.5 in upper case; lower-case de and nine digits (a Romance preposition) need the check', () => {
    const f = (t: string) => detectSensitive(t, { secrets: false }).map((x) => `${x.type}:${x.confidence}`);
    expect(f('USt-IdNr. DE271145682')).toEqual(['de_vat_id:0.75']);
    expect(f('USt-IdNr. DE271145683')).toEqual(['de_vat_id:0.5']);
    expect(f('de 271 145 683 habitantes')).toEqual([]);
    expect(f('DE2711456830')).toEqual([]);
  });

  test('detectSensitive: a US routing number in its dashed 4-4-1 form needs no cue; a wrong check digit is not one', () => {
    expect(types('3222-7162-7')).toContain('aba_routing_number');
    expect(types('1234-0000-0')).not.toContain('aba_routing_number');
  });

  test('detectSensitive: a German passport number with four digits anywhere (L01X00T44); a wrong check digit or a tenth character is not', () => {
    expect(types('L01X00T44')).toContain('passport_number');
    expect(types('L01X00T47')).not.toContain('passport_number');
    expect(types('C012345678')).not.toContain('passport_number');
  });
});

describe('dates and issue rules inside identity numbers', () => {
  test('detectSensitive: a Finnish identity code needs a real date (31 February is none), with the century of its sign', () => {
    expect(types('131052-308T')).toContain('fi_hetu');
    expect(types('310289-211C')).not.toContain('fi_hetu');
  });

  test('detectSensitive: a Korean number with a failing check digit is reported for holders born since 2000 (issued since 2020, maybe) or after an RRN cue, not for older holders', () => {
    expect(types('000505-3637892')).toContain('kr_rrn'); // born 2000: may be a new-format number
    expect(types('His Korean RRN is 960121-1234567')).toContain('kr_rrn'); // a cue
    expect(types('000402-2214431')).not.toContain('kr_rrn'); // born 1900, check digit fails
    expect(types('760413-5212134')).not.toContain('kr_rrn'); // a 1976 foreign resident, check digit fails
  });
});

describe('orgNumberHoldFrom', () => {
  test('orgNumberHoldFrom: holds from a 6-4 number while its 30-character cue window is open, not after', () => {
    expect(orgNumberHoldFrom('Ring 556703-7485 är')).toBe(5);
    const later = 'Ring 556703-7485 är vårt orgnummer och mer text här nu';
    expect(orgNumberHoldFrom(later)).toBe(later.length);
    expect(orgNumberHoldFrom('no number here')).toBe('no number here'.length);
  });
});
