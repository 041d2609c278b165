/**
 * National identifiers with a checksum or a rigid structure. Pure-digit
 * identifiers whose checksum passes by chance too often need a context word.
 */
import type { Candidate } from '../secrets/candidate.js';
import { luhnValid, verhoeffValid } from './checks.js';
import { TOKEN_MAX, TOKEN_MIN, digitRuns, digitTokens, tokenStartsOfLength } from './digit-runs.js';
import { createHeadIndex } from '../head-index.js';
import { mergeOffsets, offsetsOf } from '../int32.js';
import { OffsetScan, matchStarts } from '../offset-scan.js';

interface IdRule {
  type: string;
  label: string;
  re: RegExp;
  validate: (m: string) => boolean;
  confidence: number;
  /** Context words required within 40 chars before the match. */
  context?: RegExp;
  /** Every reported match has a run of at least this many consecutive digits: the rule is skipped on text without one. */
  minDigitRun: number;
  /** Every regex match (reported or not) has a digit run this long; default `minDigitRun`. Long texts are scanned only around such runs. */
  matchDigitRun?: number;
  /**
   * A digit-led regex that every match of `re` contains: tested once per text before `re`, which starts
   * with a letter class and so is tried at every letter of ordinary prose.
   */
  gate?: RegExp;
  /**
   * Every match is a whole token of ASCII letters and digits of this length (see digitTokens): the rule
   * runs sticky at such tokens only, not as a global regex tried at every digit or letter.
   */
  token?: number;
  /**
   * Every match starts at a digit run of one of these lengths, followed by one of the characters of
   * `next` (any character when absent) and, with `then`, a run of `then` digits right after it: the
   * rule runs sticky at such runs only (see leadStarts).
   */
  lead?: readonly { length: number; next?: string; then?: number }[];
}

function digits(s: string): number[] {
  return [...s.replace(/\D/g, '')].map(Number);
}

function esNif(s: string): boolean {
  const v = s.replace(/-/g, '').toUpperCase();
  const m = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(v);
  if (!m) return false;
  const prefix = m[1] === 'X' ? '0' : m[1] === 'Y' ? '1' : m[1] === 'Z' ? '2' : '';
  const n = Number(prefix + m[2]);
  return 'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23] === m[3];
}

/** Whether day `dd` of month `mm` (1-12) exists in `year`. */
function realDate(year: number, mm: number, dd: number): boolean {
  return mm >= 1 && mm <= 12 && dd >= 1 && dd <= new Date(Date.UTC(year, mm, 0)).getUTCDate();
}

function fiHetu(s: string): boolean {
  const m = /^(\d{6})([-+A-FU-Y])(\d{3})([0-9A-Y])$/i.exec(s);
  if (!m) return false;
  const dd = Number(m[1].slice(0, 2));
  const mm = Number(m[1].slice(2, 4));
  // a real date: the sign gives the century (+ 1800s; - and U-Y 1900s; A-F 2000s), so 31.02. is no birth date
  const sign = m[2].toUpperCase();
  const year = (sign === '+' ? 1800 : sign >= 'A' && sign <= 'F' ? 2000 : 1900) + Number(m[1].slice(4, 6));
  if (!realDate(year, mm, dd)) return false;
  return '0123456789ABCDEFHJKLMNPRSTUVWXY'[Number(m[1] + m[3]) % 31] === m[4].toUpperCase();
}

function sePnr(s: string): boolean {
  const d = s.replace(/\D/g, '');
  const ten = d.length === 12 ? d.slice(2) : d;
  if (ten.length !== 10) return false;
  const mm = Number(ten.slice(2, 4));
  const dd = Number(ten.slice(4, 6));
  if (mm < 1 || mm > 12 || dd < 1 || dd > 91) return false;
  return luhnValid(ten);
}

/**
 * The date and sex/century digit of a Korean RRN or foreign resident number,
 * without the check digit: numbers issued since October 2020 end in arbitrary
 * digits, and a mistyped number still discloses its holder.
 */
function krRrnShape(s: string): boolean {
  const d = digits(s);
  if (d.length !== 13 || d[6] < 1 || d[6] > 8) return false;
  const year = (d[6] <= 2 || d[6] === 5 || d[6] === 6 ? 1900 : 2000) + d[0] * 10 + d[1];
  const mm = d[2] * 10 + d[3];
  const dd = d[4] * 10 + d[5];
  return realDate(year, mm, dd);
}

/**
 * The shape of a number that may lack a valid check digit: the holder was born in 2000 or later (sex and
 * century digit 3, 4, 7 or 8), so the number may have been issued since October 2020. Numbers of people born
 * before 2000 were all issued earlier, with a check digit that holds.
 */
function krRrnRecentShape(s: string): boolean {
  const d = digits(s);
  return (d[6] === 3 || d[6] === 4 || d[6] === 7 || d[6] === 8) && krRrnShape(s);
}

function krRrn(s: string): boolean {
  if (!krRrnShape(s)) return false;
  const d = digits(s);
  const w = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = w.reduce((a, x, i) => a + x * d[i], 0);
  return (11 - (sum % 11)) % 10 === d[12];
}

function krBrn(s: string): boolean {
  const d = digits(s);
  if (d.length !== 10) return false;
  const w = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += w[i] * d[i];
  sum += Math.floor((d[8] * 5) / 10);
  return (10 - (sum % 10)) % 10 === d[9];
}

function trTckn(s: string): boolean {
  const d = digits(s);
  if (d.length !== 11 || d[0] === 0) return false;
  const odd = d[0] + d[2] + d[4] + d[6] + d[8];
  const even = d[1] + d[3] + d[5] + d[7];
  if ((((odd * 7 - even) % 10) + 10) % 10 !== d[9]) return false;
  return d.slice(0, 10).reduce((a, b) => a + b, 0) % 10 === d[10];
}

function plPesel(s: string): boolean {
  const d = digits(s);
  if (d.length !== 11) return false;
  const mm = (d[2] * 10 + d[3]) % 20;
  const dd = d[4] * 10 + d[5];
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return false;
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = w.reduce((a, x, i) => a + x * d[i], 0);
  return (10 - (sum % 10)) % 10 === d[10];
}

function zaId(s: string): boolean {
  const d = s.replace(/\D/g, '');
  if (d.length !== 13) return false;
  const mm = Number(d.slice(2, 4));
  const dd = Number(d.slice(4, 6));
  if (mm < 1 || mm > 12 || dd < 1 || dd > 31 || !/[012]/.test(d[10])) return false;
  return luhnValid(d);
}

function sgNric(s: string): boolean {
  const v = s.toUpperCase();
  const d = digits(v.slice(1, 8));
  const w = [2, 7, 6, 5, 4, 3, 2];
  let sum = w.reduce((a, x, i) => a + x * d[i], 0);
  const first = v[0];
  if (first === 'T' || first === 'G') sum += 4;
  if (first === 'M') sum += 3;
  const r = sum % 11;
  const st = 'JZIHGFEDCBA';
  const fg = 'XWUTRQPNMLK';
  const m = 'KLJNPQRTUWX';
  const table = first === 'S' || first === 'T' ? st : first === 'M' ? m : fg;
  return table[r] === v[8];
}

/** The fiscal code's layout: surname and name letters, year, month letter, day, place code, check letter (digits of a homocode written as letters). */
const IT_FISCAL_SHAPE_RE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

function itFiscal(s: string): boolean {
  const v = s.toUpperCase();
  if (!IT_FISCAL_SHAPE_RE.test(v)) return false;
  const odd: Record<string, number> = {};
  const oddVals = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
  for (let i = 0; i < 26; i++) odd[String.fromCharCode(65 + i)] = oddVals[i];
  for (let i = 0; i < 10; i++) odd[String(i)] = oddVals[i];
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const c = v[i];
    if (i % 2 === 0) sum += odd[c];
    else sum += /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26)) === v[15];
}

function caSin(s: string): boolean {
  const d = s.replace(/\D/g, '');
  return d.length === 9 && d[0] !== '0' && d[0] !== '8' && luhnValid(d);
}

function aadhaar(s: string): boolean {
  // the match is 12 digits, maybe in groups of four: no copy without the separators (this runs at every card-like number)
  const c0 = s.charCodeAt(0);
  return c0 >= 50 && c0 <= 57 && verhoeffValid(s);
}

function thTnin(s: string): boolean {
  const d = digits(s);
  if (d.length !== 13 || d[0] === 0) return false;
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += d[i] * (13 - i);
  return (11 - (sum % 11)) % 10 === d[12];
}

/** ISO 7064 MOD 11,10 check digit (German tax id and VAT id). */
function mod1110(d: number[]): boolean {
  let p = 10;
  for (let i = 0; i < d.length - 1; i++) {
    let x = (d[i] + p) % 10;
    if (x === 0) x = 10;
    p = (2 * x) % 11;
  }
  let c = 11 - p;
  if (c === 10) c = 0;
  return c === d[d.length - 1];
}

function deVat(s: string): boolean {
  const d = digits(s);
  return d.length === 9 && d[0] !== 0 && mod1110(d);
}

function deTaxIdChecksum(s: string): boolean {
  const d = digits(s);
  return d.length === 11 && d[0] !== 0 && mod1110(d);
}

function deTaxId(s: string): boolean {
  const d = digits(s);
  if (!deTaxIdChecksum(s)) return false;
  // in the first ten digits exactly one digit repeats (2 or 3 times), at least one digit is missing
  const counts = new Array(10).fill(0);
  for (let i = 0; i < 10; i++) counts[d[i]]++;
  const rep = counts.filter((c) => c > 1);
  return rep.length === 1 && rep[0] <= 3;
}

/** Letters as two-digit numbers (A=01 ... Z=26), as the German KVNR and RVNR do. */
function letterNum(c: string): string {
  return String(c.toUpperCase().charCodeAt(0) - 64).padStart(2, '0');
}

function crossSum(n: number): number {
  return n > 9 ? Math.floor(n / 10) + (n % 10) : n;
}

function deKvnr(s: string): boolean {
  const v = s.toUpperCase();
  if (!/^[A-Z]\d{9}$/.test(v)) return false;
  const d = [...(letterNum(v[0]) + v.slice(1, 9))].map(Number);
  let sum = 0;
  for (let i = 0; i < d.length; i++) sum += crossSum(d[i] * (i % 2 === 0 ? 1 : 2));
  return sum % 10 === Number(v[9]);
}

function deRvnr(s: string): boolean {
  const v = s.toUpperCase();
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})([A-Z])(\d{2})(\d)$/.exec(v);
  if (!m) return false;
  const dd = Number(m[2]);
  const mm = Number(m[3]);
  if (dd < 1 || dd > 31 || mm < 1 || mm > 12) return false;
  const d = [...(m[1] + m[2] + m[3] + m[4] + letterNum(m[5]) + m[6])].map(Number);
  const w = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += crossSum(d[i] * w[i]);
  return sum % 10 === Number(m[7]);
}

/** ICAO 9303 7-3-1 check digit over the document number (German passport / id card). */
function icaoCheck(s: string): boolean {
  const v = s.toUpperCase();
  const w = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < v.length - 1; i++) {
    const c = v[i];
    const n = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += n * w[i % 3];
  }
  return sum % 10 === Number(v[v.length - 1]);
}

function ukDrivingLicence(s: string): boolean {
  const v = s.toUpperCase();
  const m = /^[A-Z9]{5}(\d)([0156]\d)([0-3]\d)(\d)[A-Z9]{2}\d[A-Z]{2}$/.exec(v);
  if (!m) return false;
  const mm = Number(m[2]) % 50;
  const dd = Number(m[3]);
  return mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31 && /^[A-Z]/.test(v);
}

/** CPF: the 10th and 11th digits are mod-11 checks over the digits before them (weights 10..2, then 11..2). */
function brCpf(s: string): boolean {
  const d = digits(s);
  if (d.length !== 11 || d.every((x) => x === d[0])) return false;
  for (const n of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += d[i] * (n + 1 - i);
    const r = (sum * 10) % 11;
    if ((r === 10 ? 0 : r) !== d[n]) return false;
  }
  return true;
}

/** Australian TFN: the weighted sum of the nine digits is a multiple of 11. */
function auTfn(s: string): boolean {
  const d = digits(s);
  if (d.length !== 9 || d.every((x) => x === d[0])) return false;
  const w = [1, 4, 3, 7, 5, 8, 6, 9, 10];
  return w.reduce((a, x, i) => a + x * d[i], 0) % 11 === 0;
}

/** Australian business number: subtract 1 from the first digit, weights 10, 1, 3, 5, ..., 19, sum divisible by 89. */
function auAbn(s: string): boolean {
  const d = digits(s);
  if (d.length !== 11 || d[0] === 0) return false;
  const w = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += w[i] * (i === 0 ? d[0] - 1 : d[i]);
  return sum % 89 === 0;
}

/** Australian company number: weights 8..1 over the first eight digits, (10 - sum mod 10) mod 10 is the ninth. */
function auAcn(s: string): boolean {
  const d = digits(s);
  if (d.length !== 9 || d.every((x) => x === 0)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (8 - i) * d[i];
  return (10 - (sum % 10)) % 10 === d[8];
}

/** NHS number: weights 10..2 over the first nine digits, 11 - (sum mod 11) is the tenth (11 -> 0, 10 is invalid). */
function nhsNumber(s: string): boolean {
  const d = digits(s);
  if (d.length !== 10 || d.every((x) => x === d[0])) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += d[i] * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === d[9];
}

/** ABA routing number: 3(d1 + d4 + d7) + 7(d2 + d5 + d8) + (d3 + d6 + d9) is a multiple of 10; the first two digits are a Federal Reserve range. */
function abaRouting(s: string): boolean {
  const d = digits(s);
  if (d.length !== 9 || d.every((x) => x === d[0])) return false;
  const prefix = d[0] * 10 + d[1];
  if (!((prefix <= 12) || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80)) return false;
  return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 === 0;
}

function npi(s: string): boolean {
  const d = s.replace(/\D/g, '');
  return d.length === 10 && /^[12]/.test(d) && luhnValid('80840' + d);
}

function seLong(s: string): boolean {
  const d = s.replace(/\D/g, '');
  return d.length === 12 && /^(?:18|19|20)/.test(d) && sePnr(d);
}

const RULES: IdRule[] = [
  { type: 'es_nif', label: 'Spanish NIF/NIE', re: /(?<![\w-])(?:[XYZxyz]\d{7}|\d{7,8}-?)[A-Za-z](?![\w-])/g, validate: esNif, confidence: 0.8, minDigitRun: 7 },
  { type: 'fi_hetu', label: 'Finnish personal identity code', re: /(?<![\w-])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![\w-])/g, validate: fiHetu, confidence: 0.85, minDigitRun: 6, lead: [{ length: 6, next: '-+ABCDEFUVWXY' }] },
  { type: 'se_personnummer', label: 'Swedish personal identity number', re: /(?<![\w-])(?:\d{6}|(?:18|19|20)\d{6})[-+]?\d{4}(?!\w)/g, validate: sePnr, confidence: 0.6, context: /personnummer|pnr|identity|swedish|id\b|nummer/i, minDigitRun: 6, lead: [{ length: 6, next: '-+' }, { length: 8, next: '-+' }, { length: 10 }, { length: 12 }] },
  { type: 'kr_rrn', label: 'Korean resident registration number', re: /(?<![\w-])\d{6}-?\d{7}(?![\w-])/g, validate: krRrn, confidence: 0.75, minDigitRun: 6, lead: [{ length: 6, next: '-' }, { length: 13 }] },
  // the written form YYMMDD-SNNNNNN with a real date and sex digit, whatever its check digit, for holders born since 2000 (see krRrnRecentShape)
  { type: 'kr_rrn', label: 'Korean resident registration number', re: /(?<![\w-])\d{6}-\d{7}(?![\w-])/g, validate: krRrnRecentShape, confidence: 0.6, minDigitRun: 6, lead: [{ length: 6, next: '-' }] },
  // any holder's, after an RRN cue (a mistyped number still discloses its holder)
  { type: 'kr_rrn', label: 'Korean resident registration number', re: /(?<![\w-])\d{6}-\d{7}(?![\w-])/g, validate: krRrnShape, confidence: 0.6, context: /\brrn\b|resident registration|주민등록/i, minDigitRun: 6, lead: [{ length: 6, next: '-' }] },
  // Korean business registration number (a sole trader's is personal data): weighted check digit, with a cue
  { type: 'kr_brn', label: 'Korean business registration number', re: /(?<![\w-])\d{3}-?\d{2}-?\d{5}(?![\w-])/g, validate: krBrn, confidence: 0.65, context: /\bbrn\b|business registration|사업자/i, minDigitRun: 5, lead: [{ length: 3, next: '-' }, { length: 5, next: '-' }, { length: 10 }] },
  { type: 'tr_national_id', label: 'Turkish national id', re: /(?<![\w-])[1-9]\d{10}(?![\w-])/g, validate: trTckn, confidence: 0.65, minDigitRun: 11, token: 11 },
  { type: 'pl_pesel', label: 'Polish PESEL', re: /(?<![\w-])\d{11}(?![\w-])/g, validate: plPesel, confidence: 0.6, context: /pesel|polish|poland|id\b/i, minDigitRun: 11, token: 11 },
  { type: 'za_id', label: 'South African id number', re: /(?<![\w-])\d{13}(?![\w-])/g, validate: zaId, confidence: 0.65, minDigitRun: 13, token: 13 },
  { type: 'th_national_id', label: 'Thai national id', re: /(?<![\w-])\d{13}(?![\w-])/g, validate: thTnin, confidence: 0.6, context: /thai|tnin|id\b|บัตร/i, minDigitRun: 13, token: 13 },
  { type: 'sg_nric', label: 'Singapore NRIC/FIN', re: /(?<![\w-])[STFGMstfgm]\d{7}[A-Za-z](?![\w-])/g, validate: sgNric, confidence: 0.75, minDigitRun: 7, token: 9 },
  { type: 'it_fiscal_code', label: 'Italian fiscal code', re: /(?<![\w-])[A-Za-z]{6}\d{2}[A-Za-z]\d{2}[A-Za-z]\d{3}[A-Za-z](?![\w-])/g, validate: itFiscal, confidence: 0.85, minDigitRun: 3, token: 16 },
  // the same layout with a wrong check letter (a mistyped code still names its holder): upper case only, below the checked rule
  { type: 'it_fiscal_code', label: 'Italian fiscal code (check letter mismatch)', re: /(?<![\w-])[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z](?![\w-])/g, validate: (v) => IT_FISCAL_SHAPE_RE.test(v) && !itFiscal(v), confidence: 0.5, minDigitRun: 3, token: 16 },
  { type: 'uk_nino', label: 'UK national insurance number', re: /(?<![\w-])(?!bg|gb|nk|kn|tn|nt|zz|BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Za-ceghj-pr-tw-z][A-CEGHJ-NPR-TW-Za-ceghj-npr-tw-z] ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d](?![\w-])/g, validate: () => true, confidence: 0.7, minDigitRun: 2, gate: /\d{2} ?\d{2} ?\d{2} ?[A-Da-d]/ },
  { type: 'ca_sin', label: 'Canadian social insurance number', re: /(?<![\w-])\d{3}([- ]?)\d{3}\1\d{3}(?![\w-])/g, validate: caSin, confidence: 0.6, context: /sin\b|nas\b|social insurance|assurance sociale/i, minDigitRun: 3, lead: [{ length: 3, next: '- ' }, { length: 9 }] },
  // German VAT id (USt-IdNr.): DE + 9 digits, MOD 11,10 check
  { type: 'de_vat_id', label: 'German VAT id', re: /(?<![\w.-])[Dd][Ee][ .]?\d{3}[ .]?\d{3}[ .]?\d{3}(?![\w-]|\.\d)/g, validate: deVat, confidence: 0.75, minDigitRun: 3 },
  // the same shape in upper case with a wrong check digit: a mistyped VAT id still names its holder (lower-case `de` is a preposition in Romance languages)
  { type: 'de_vat_id', label: 'German VAT id (check digit mismatch)', re: /(?<![\w.-])DE[ .]?\d{3}[ .]?\d{3}[ .]?\d{3}(?![\w-]|\.\d)/g, validate: (v) => !deVat(v), confidence: 0.5, minDigitRun: 3 },
  // German tax id (Steuer-IdNr.): 11 digits, MOD 11,10 check and the digit-repetition rule
  { type: 'de_tax_id', label: 'German tax id', re: /(?<![\w.,-])[1-9]\d{10}(?![\w-]|[.,]\d)/g, validate: deTaxId, confidence: 0.6, minDigitRun: 11, token: 11 },
  { type: 'de_tax_id', label: 'German tax id', re: /(?<![\w.,-])[1-9]\d{10}(?![\w-]|[.,]\d)/g, validate: deTaxIdChecksum, confidence: 0.75, context: /steuer|idnr|tax[ -]?id|\btin\b/i, minDigitRun: 11, token: 11 },
  // German health insurance number (KVNR): letter + 9 digits with check digit
  { type: 'de_health_insurance_number', label: 'German health insurance number', re: /(?<![\w-])[A-Za-z]\d{9}(?![\w-])/g, validate: deKvnr, confidence: 0.7, minDigitRun: 9, token: 10 },
  // German pension insurance number (RVNR): area, birth date, initial, serial, check digit
  { type: 'de_social_security_number', label: 'German pension insurance number', re: /(?<![\w-])\d{8}[A-Za-z]\d{3}(?![\w-])/g, validate: deRvnr, confidence: 0.75, minDigitRun: 8, token: 12 },
  // German passport / id card number: 9 characters from the restricted alphabet, ICAO check digit
  { type: 'passport_number', label: 'German passport number', re: /(?<![\w-])[CFGHJKLMNPRTVWXYZcfghjklmnprtvwxyz][CFGHJKLMNPRTVWXYZ0-9]{7}\d(?![\w-])/g, validate: (v) => icaoCheck(v) && (v.match(/\d/g)?.length ?? 0) >= 4, confidence: 0.6, minDigitRun: 1, matchDigitRun: 1, token: 9 },
  // UK driving licence: surname, birth date (month + 50 for women), initials, check letters
  { type: 'uk_driving_licence', label: 'UK driving licence number', re: /(?<![\w-])[A-Za-z9]{5}\d{6}[A-Za-z9]{2}\d[A-Za-z]{2}(?![\w-])/g, validate: ukDrivingLicence, confidence: 0.8, minDigitRun: 6, token: 16 },
  // US Medicare Beneficiary Identifier: 11 positions with fixed letter/digit classes
  { type: 'us_mbi', label: 'US Medicare beneficiary id', re: /(?<![\w-])[1-9][AC-HJKMNP-RT-Yac-hjkmnp-rt-y][AC-HJKMNP-RT-Yac-hjkmnp-rt-y\d]\d-?[AC-HJKMNP-RT-Yac-hjkmnp-rt-y][AC-HJKMNP-RT-Yac-hjkmnp-rt-y\d]\d-?[AC-HJKMNP-RT-Yac-hjkmnp-rt-y]{2}\d{2}(?![\w-])/g, validate: (v) => /[A-Za-z]/.test(v.slice(1, 3)), confidence: 0.75, minDigitRun: 2, lead: [{ length: 1, next: 'ACDEFGHJKMNPQRTUVWXYacdefghjkmnpqrtuvwxy' }] },
  // US National Provider Identifier: 10 digits, Luhn over 80840 + number; dashed form or a provider cue
  { type: 'us_npi', label: 'US national provider id', re: /(?<![\w-])[12]\d{3}-\d{3}-\d{3}(?![\w-])/g, validate: npi, confidence: 0.6, minDigitRun: 4, lead: [{ length: 4, next: '-', then: 3 }] },
  { type: 'us_npi', label: 'US national provider id', re: /(?<![\w-])[12]\d{9}(?![\w-])/g, validate: npi, confidence: 0.7, context: /\bnpi\b|provider/i, minDigitRun: 10, token: 10 },
  // Indian GSTIN: state code + PAN + entity digit + Z + check character
  { type: 'in_gstin', label: 'Indian GSTIN', re: /(?<![\w-])(?:0[1-9]|[12]\d|3[0-7])[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z](?![\w-])/g, validate: () => true, confidence: 0.8, minDigitRun: 4, token: 15 },
  // Indian PAN: 3 letters, holder type, letter, 4 digits, letter
  { type: 'in_pan', label: 'Indian PAN', re: /(?<![\w-])[A-Z]{3}[PCHABGJLFT][A-Z]\d{4}[A-Z](?![\w-])/g, validate: (v) => !/^(?:ABCDE|XXXXX)/.test(v), confidence: 0.6, minDigitRun: 4, token: 10 },
  // Korean driver's licence: region (11-28) - year - serial - check
  { type: 'kr_driver_license', label: 'Korean driver licence number', re: /(?<![\w-])(?:1[1-9]|2[0-8])-\d{2}-\d{6}-\d{2}(?![\w-])/g, validate: () => true, confidence: 0.7, minDigitRun: 6, lead: [{ length: 2, next: '-', then: 2 }] },
  // Swedish personnummer with century (12 digits) or YYMMDD-NNNN: date + Luhn, no cue needed
  { type: 'se_personnummer', label: 'Swedish personal identity number', re: /(?<![\w-])(?:18|19|20)\d{6}-?\d{4}(?!\w)/g, validate: seLong, confidence: 0.65, minDigitRun: 8, lead: [{ length: 8, next: '-' }, { length: 12 }] },
  { type: 'se_personnummer', label: 'Swedish personal identity number', re: /(?<![\w-])\d{6}[-+]\d{4}(?!\w)/g, validate: sePnr, confidence: 0.6, minDigitRun: 6, lead: [{ length: 6, next: '-+' }] },
  // Canadian SIN written in 3-3-3 groups (phone numbers are 3-3-4): Luhn, no cue needed
  { type: 'ca_sin', label: 'Canadian social insurance number', re: /(?<![\w-])\d{3}([- ])\d{3}\1\d{3}(?![\w-]|[ -]\d)/g, validate: caSin, confidence: 0.55, minDigitRun: 3, lead: [{ length: 3, next: '- ' }] },
  { type: 'in_aadhaar', label: 'Aadhaar number', re: /(?<![\w-])\d{4}([- ]?)\d{4}\1\d{4}(?![\w-])/g, validate: aadhaar, confidence: 0.6, minDigitRun: 4, lead: [{ length: 4, next: '- ', then: 4 }, { length: 12 }] },
  // Brazilian CPF: 11 digits, two mod-11 check digits; the written form 000.000.000-00 alone, bare digits after a CPF cue
  { type: 'br_cpf', label: 'Brazilian CPF', re: /(?<![\w.-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\w-]|\.\d)/g, validate: brCpf, confidence: 0.85, minDigitRun: 3, lead: [{ length: 3, next: '.' }] },
  { type: 'br_cpf', label: 'Brazilian CPF', re: /(?<![\w.-])\d{11}(?![\w-]|\.\d)/g, validate: brCpf, confidence: 0.8, context: /\bcpf\b/i, minDigitRun: 11, token: 11 },
  // Australian tax file number: 9 digits, weights 1 4 3 7 5 8 6 9 10 (mod 11), after a TFN cue
  // Singapore UEN of an entity registered since 2009: T/S/R and the year, an entity-type code from ACRA's list, four digits, a letter
  { type: 'sg_uen', label: 'Singapore unique entity number', re: /(?<![\w-])[TSR]\d{2}(?:LP|LL|FC|PF|RF|MQ|MM|NB|CC|CS|MB|FM|GS|DP|CP|NR|CM|CD|MD|HS|VH|CH|MH|CL|XL|CX|RP|TU|TC|FB|FN|PA|PB|SS|MC|SM|GA|GB)\d{4}[A-Z](?![\w-])/g, validate: () => true, confidence: 0.7, minDigitRun: 4, token: 10 },
  // Australian business number: the printed 2-3-3-3 grouping with its mod-89 check, or 11 bare digits (after an ABN cue above the others)
  { type: 'au_abn', label: 'Australian business number', re: /(?<![\w+-])\d{2} \d{3} \d{3} \d{3}(?![\w-]| \d)/g, validate: auAbn, confidence: 0.7, minDigitRun: 2, lead: [{ length: 2, next: ' ', then: 3 }] },
  { type: 'au_abn', label: 'Australian business number', re: /(?<![\w-])\d{11}(?![\w-])/g, validate: auAbn, confidence: 0.8, context: /\babn\b|australian business number/i, minDigitRun: 11, token: 11 },
  // 11 bare digits with the check (1 in 89 by chance, as rare as a TCKN's two check digits)
  { type: 'au_abn', label: 'Australian business number', re: /(?<![\w-])\d{11}(?![\w-])/g, validate: auAbn, confidence: 0.6, minDigitRun: 11, token: 11 },
  // Australian company number after an ACN cue, grouped 3-3-3 or not; without a cue only when it starts with 0 (old companies'
  // numbers: a quantity written with thousands separators, `271 145 683 habitantes`, never does)
  { type: 'au_acn', label: 'Australian company number', re: /(?<![\w+-])0\d{2} \d{3} \d{3}(?![\w-]| \d)/g, validate: auAcn, confidence: 0.55, minDigitRun: 2, lead: [{ length: 3, next: ' ' }] },
  { type: 'au_acn', label: 'Australian company number', re: /(?<![\w-])\d{3} ?\d{3} ?\d{3}(?![\w-]| \d)/g, validate: auAcn, confidence: 0.8, context: /\bacn\b|australian company number|company number/i, minDigitRun: 3, lead: [{ length: 3, next: ' ' }, { length: 6, next: ' ' }, { length: 9 }] },
  { type: 'au_tfn', label: 'Australian tax file number', re: /(?<![\w-])\d{3}([ -]?)\d{3}\1\d{3}(?![\w-])/g, validate: auTfn, confidence: 0.85, context: /\btfn\b|tax file number/i, minDigitRun: 3, lead: [{ length: 3, next: ' -' }, { length: 9 }] },
  // UK NHS number: 10 digits (3-3-4), mod-11 check digit; written like a phone number, so only after an NHS cue (and above a phone's confidence)
  { type: 'uk_nhs_number', label: 'UK NHS number', re: /(?<![\w-])\d{3}([ -]?)\d{3}\1\d{4}(?![\w-])/g, validate: nhsNumber, confidence: 0.9, context: /\bnhs\b|health service/i, minDigitRun: 3, lead: [{ length: 3, next: ' -' }, { length: 10 }] },
  // US ABA routing transit number: 9 digits, weights 3-7-1, after a routing cue
  { type: 'aba_routing_number', label: 'US bank routing number', re: /(?<![\w-])(?:\d{9}|\d{4}-\d{4}-\d)(?![\w-])/g, validate: abaRouting, confidence: 0.85, context: /routing|\baba\b|\brtn\b|transit number/i, minDigitRun: 4, lead: [{ length: 9 }, { length: 4, next: '-', then: 4 }] },
  // the dashed 4-4-1 form is written only for routing numbers: no cue needed with a valid check digit
  { type: 'aba_routing_number', label: 'US bank routing number', re: /(?<![\w-])\d{4}-\d{4}-\d(?![\w-])/g, validate: abaRouting, confidence: 0.7, minDigitRun: 4, lead: [{ length: 4, next: '-', then: 4 }] },
];

/**
 * For each rule with a `context`: the same words without `\b` (a superset), tested once on the whole text. A
 * rule whose cue occurs nowhere is skipped: the 40-character window before a match can only hold a cue the
 * text holds (the windows start inside the text, and only a leading `\b` could match at a window's cut).
 */
const CUE_GATES = new Map(RULES.filter((r) => r.context).map((r) => [r, new RegExp(r.context!.source.replace(/\\b/g, ''), r.context!.flags)]));

/** Run lengths are counted exactly up to this; longer runs count here (no rule needs more). */
const RUN_HIST_MAX = 32;
/** The run-length histogram of the current scanNationalIds call (reused: one call at a time). */
const RUN_HIST = new Int32Array(RUN_HIST_MAX + 1);

/**
 * The length of the longest of the digit runs `runs` (flat [start, end) pairs, see digit-runs.ts); with
 * `hist`, `hist[n]` becomes the number of runs of `n` digits (longer runs in the last slot).
 */
function runStats(runs: Int32Array, hist?: Int32Array): number {
  let longest = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const n = runs[k + 1] - runs[k];
    if (n > longest) longest = n;
    if (hist) hist[n < RUN_HIST_MAX ? n : RUN_HIST_MAX]++;
  }
  return longest;
}

/** Longest match of any rule (16) plus its lookahead, with room to spare; a test checks the rules against it. */
export const ID_MATCH_MAX = 24;
/** Window margin around a digit run: a match holding the run lies within ID_MATCH_MAX of it. */
const PAD = 2 * ID_MATCH_MAX;
/** Below this length a text is scanned whole: windows would not pay for themselves. */
const WINDOW_MIN_TEXT = 4096;

/**
 * Merged windows [ws, we) around the digit runs of at least `minRun` digits,
 * or undefined when they would cover more than half the text.
 */
function windows(runs: number[], minRun: number, length: number): number[] | undefined {
  const out: number[] = [];
  let covered = 0;
  for (let k = 0; k < runs.length; k += 2) {
    if (runs[k + 1] - runs[k] < minRun) continue;
    const ws = Math.max(0, runs[k] - PAD);
    const we = Math.min(length, runs[k + 1] + PAD);
    if (out.length && ws <= out[out.length - 1]) {
      covered += we - Math.max(ws, out[out.length - 1]);
      out[out.length - 1] = Math.max(we, out[out.length - 1]);
    } else {
      out.push(ws, we);
      covered += we - ws;
    }
    if (covered * 2 > length) return undefined;
  }
  return out;
}

/**
 * Which digit-run lengths get windows: for each rule threshold, false when the runs are so many that their
 * windows would cover half the text anyway (number-dense text: scan it whole), from the run-length histogram
 * alone. The choice only affects speed.
 */
function windowedThresholds(hist: Int32Array, length: number): Map<number, boolean> {
  const out = new Map<number, boolean>();
  for (const t of RULE_THRESHOLDS) {
    let n = 0;
    for (let k = Math.min(t, RUN_HIST_MAX); k <= RUN_HIST_MAX; k++) n += hist[k];
    out.set(t, n * 2 * PAD <= length / 2);
  }
  return out;
}

/** The distinct digit-run thresholds of the windowed rules (`matchDigitRun`, else `minDigitRun`; token rules need no windows). */
const RULE_THRESHOLDS: readonly number[] = [...new Set(RULES.filter((r) => r.token === undefined).map((r) => r.matchDigitRun ?? r.minDigitRun))];

/** The windows for runs of `minRun` digits, memoised in `byRun` (undefined: scan the whole text). */
function windowsFor(byRun: Map<number, number[] | undefined>, runs: number[], minRun: number, length: number): number[] | undefined {
  if (!byRun.has(minRun)) byRun.set(minRun, windows(runs, minRun, length));
  return byRun.get(minRun);
}

function accept(r: IdRule, text: string, out: Candidate[], value: string, at: number): void {
  if (!r.validate(value)) return;
  if (r.context && !r.context.test(text.slice(Math.max(0, at - 40), at))) return;
  out.push({ kind: 'pii', type: r.type, start: at, end: at + value.length, confidence: r.confidence, label: r.label });
}

/**
 * Scan for national identifiers.
 *
 * Each rule's regex runs over the whole text, or, for a long text, only over
 * windows around the digit runs its matches must contain. A window is
 * scanned as a slice with a few characters of context on each side and only
 * matches that start inside it are kept, so the matches (and the order in
 * which one consumes text another could start in) are the whole-text scan's:
 * every match holds such a run and lies within ID_MATCH_MAX of it, well
 * inside its window. Rules whose matches are whole letter-digit tokens of a
 * fixed length run at those tokens only. `options.runs` is `digitRuns(text)`
 * and `options.tokens` is `digitTokens(text, runs)`, when the caller shares
 * them with other scans.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanNationalIds('NIE X9613851N', out); // out[0].type === 'es_nif'
 * ```
 */
export function scanNationalIds(text: string, out: Candidate[], options: { windowed?: boolean; runs?: Int32Array; tokens?: Int32Array } = {}): void {
  const windowed = (options.windowed ?? true) && text.length >= WINDOW_MIN_TEXT;
  // windows are for long texts; their runs are collected only when some rule threshold
  // is sparse enough for windows to pay, and only the runs that long
  const hist = RUN_HIST.fill(0);
  const allRuns = options.runs ?? digitRuns(text);
  const longest = runStats(allRuns, hist);
  const sparse = windowed ? windowedThresholds(hist, text.length) : undefined;
  let minSparse = Infinity;
  if (sparse) for (const [t, ok] of sparse) if (ok && t <= longest && t < minSparse) minSparse = t;
  const runs: number[] = [];
  if (minSparse !== Infinity) for (let k = 0; k < allRuns.length; k += 2) if (allRuns[k + 1] - allRuns[k] >= minSparse) runs.push(allRuns[k], allRuns[k + 1]);
  // windows per digit-run length, computed once per call (long texts only)
  const byRun = minSparse !== Infinity ? new Map<number, number[] | undefined>() : undefined;
  let tokens: Int32Array | undefined;
  let byLength: RunsByLength | undefined;
  for (const r of RULES) {
    if (longest < r.minDigitRun || (r.gate && !r.gate.test(text))) continue;
    const cue = CUE_GATES.get(r);
    if (cue && !cue.test(text)) continue;
    // at runs only when they are sparse: a sticky try costs what a global regex spends on ~40 characters
    let bound = -1;
    if (r.lead !== undefined) {
      bound = 0;
      for (const l of r.lead) bound += hist[l.length];
    }
    if (bound === 0) continue;
    // the runs of the lead lengths bound the starts; a `then` or `next` may leave few of many
    const limit = Math.floor(text.length / LEAD_SPACING);
    const starts = r.lead !== undefined && (bound <= limit || LEADS_WITH_THEN.has(r)) ? leadStarts(text, (byLength ??= runStartsByLength(allRuns, hist)), r.lead, limit) : undefined;
    if (starts !== undefined && starts.length === 0) continue;
    if (starts !== undefined) {
      const scan = new OffsetScan(STICKY_RULES.get(r)!, text, starts);
      let m: RegExpExecArray | null;
      while ((m = scan.exec()) !== null) accept(r, text, out, m[0], m.index);
      continue;
    }
    if (r.token !== undefined) {
      const sticky = STICKY_RULES.get(r)!;
      for (const at of tokenStartsOfLength((tokens ??= options.tokens ?? digitTokens(text, allRuns)), r.token)) {
        sticky.lastIndex = at;
        const m = sticky.exec(text);
        if (m !== null) accept(r, text, out, m[0], at);
      }
      continue;
    }
    const threshold = r.matchDigitRun ?? r.minDigitRun;
    const wins = byRun && sparse!.get(threshold) ? windowsFor(byRun, runs, threshold, text.length) : undefined;
    let m: RegExpExecArray | null;
    if (!wins) {
      r.re.lastIndex = 0;
      while ((m = r.re.exec(text)) !== null) accept(r, text, out, m[0], m.index);
      continue;
    }
    for (let k = 0; k < wins.length; k += 2) {
      const ws = wins[k];
      const we = wins[k + 1];
      const s0 = Math.max(0, ws - 4);
      const s1 = Math.min(text.length, we + 4);
      const sub = text.slice(s0, s1);
      r.re.lastIndex = ws - s0;
      while ((m = r.re.exec(sub)) !== null) {
        const at = s0 + m.index;
        // past the last start a real match can have, the slice's end may fake a match: stop (not at the text's own end)
        if (we < text.length && at > we - ID_MATCH_MAX) break;
        accept(r, text, out, m[0], at);
      }
    }
  }
}

for (const r of RULES) if (r.token !== undefined && (r.token < TOKEN_MIN || r.token > TOKEN_MAX)) throw new Error(`national ids: token length ${r.token} outside digitTokens' range`);
/** Sticky copies of the token and lead rules' regexes. */
const STICKY_RULES = new Map(RULES.filter((r) => r.token !== undefined || r.lead !== undefined).map((r) => [r, new RegExp(r.re.source, 'y')]));

/** The lead rules with a `then`: their starts may be few though their runs are many. */
const LEADS_WITH_THEN: ReadonlySet<IdRule> = new Set(RULES.filter((r) => r.lead?.some((l) => l.then !== undefined)));
/** A lead rule runs at its runs when they are at most one per this many characters (else as a global regex). */
const LEAD_SPACING = 40;
/** The longest digit run a lead rule starts at; runs up to it are bucketed by length. */
const LEAD_MAX = Math.max(...RULES.flatMap((r) => (r.lead ?? []).map((l) => l.length)));

/** The starts of digit runs ordered by run length: those of `n` digits are `starts[from[n]]` to `starts[from[n + 1] - 1]`. */
interface RunsByLength {
  starts: Int32Array;
  from: Int32Array;
}

/**
 * The starts of the digit runs `runs` (flat [start, end) pairs) of up to LEAD_MAX digits, by length:
 * one counting pass shared by the lead rules, laid out from the run-length histogram `hist` (see runStats).
 */
function runStartsByLength(runs: Int32Array, hist: Int32Array): RunsByLength {
  const from = new Int32Array(LEAD_MAX + 2);
  for (let n = 0; n <= LEAD_MAX; n++) from[n + 1] = from[n] + hist[n];
  const starts = new Int32Array(from[LEAD_MAX + 1]);
  const filled = from.slice(0, LEAD_MAX + 1);
  for (let k = 0; k < runs.length; k += 2) {
    const n = runs[k + 1] - runs[k];
    if (n <= LEAD_MAX) starts[filled[n]++] = runs[k];
  }
  return { starts, from };
}

/** Per lead entry, the ASCII characters of its `next` as a table (the check runs at every run of its length). */
const NEXT_TABLES = new Map(
  RULES.flatMap((r) => r.lead ?? []).map((l) => {
    const table = new Uint8Array(128);
    for (const ch of l.next ?? '') table[ch.charCodeAt(0)] = 1;
    return [l, table] as const;
  }),
);

/** The starts of the runs a lead rule's matches can begin at, ascending (the lead rules' doc in IdRule); undefined past `limit` of them. */
function leadStarts(text: string, byLength: RunsByLength, lead: NonNullable<IdRule['lead']>, limit: number): number[] | undefined {
  const starts: number[] = [];
  const { starts: ordered, from } = byLength;
  const runs = lead.reduce((n, l) => n + from[l.length + 1] - from[l.length], 0);
  let seen = 0;
  for (const entry of lead) {
    const { length, next, then } = entry;
    const nextTable = NEXT_TABLES.get(entry)!;
    for (let x = from[length]; x < from[length + 1]; x++) {
      const s = ordered[x];
      // the first 256 runs tell whether the starts will be too many: then stop early
      if (++seen === 256 && starts.length * runs > limit * 256) return undefined;
      if (next !== undefined && nextTable[text.charCodeAt(s + length)] !== 1) continue; // NaN at the end, a non-ASCII code: undefined
      if (then !== undefined && digitRunLength(text, s + length + 1) !== then) continue;
      if (starts.push(s) > limit) return undefined; // more than pay for sticky tries: the global regex
    }
  }
  return lead.length > 1 ? starts.sort((a, b) => a - b) : starts;
}

/** How many ASCII digits follow from `i` on. */
function digitRunLength(text: string, i: number): number {
  let j = i;
  while (j < text.length && text.charCodeAt(j) - 48 >>> 0 <= 9) j++;
  return j - i;
}

/** The lead rules (regex and lead), for the test that every match starts at such a digit run. */
export const NATIONAL_ID_LEAD_RULES: readonly { re: RegExp; lead: NonNullable<IdRule['lead']> }[] = RULES.filter((r) => r.lead !== undefined).map((r) => ({ re: r.re, lead: r.lead! }));

/** The token rules (regex and token length), for the test that every match is a whole token of that length. */
export const NATIONAL_ID_TOKEN_RULES: readonly { re: RegExp; token: number }[] = RULES.filter((r) => r.token !== undefined).map((r) => ({ re: r.re, token: r.token! }));

/** Each rule's regex, for the test that checks ID_MATCH_MAX. */
export const NATIONAL_ID_PATTERNS: readonly RegExp[] = RULES.map((r) => r.re);

/** The rules that have a gate, with it, for the test that each gate holds in every match. */
export const NATIONAL_ID_GATES: readonly { re: RegExp; gate: RegExp }[] = RULES.filter((r) => r.gate).map((r) => ({ re: r.re, gate: r.gate! }));

/** The entity types (and labels) of the national-id rules. */
export const NATIONAL_ID_TYPES: readonly { type: string; label: string }[] = RULES.map((r) => ({ type: r.type, label: r.label }));

const DOC_CTX_RE =
  /\b(driver'?s?\s+licen[cs]e|driving\s+licen[cs]e|licen[cs]e|passport|pasaporte|passeport|passaporto|reisepass|travel\s+document|f(?:ü|ue)hrerschein(?:nummer)?|steuernummer|st\.?-?nr\.?|lanr|id\s+card|identity\s+card|national\s+id|voter(?:\s+id)?|certificate|member(?:ship)?\s+(?:id|number)|policy\s+number|account\s+number|medical\s+record|mrn|patient\s+id)(?:\s+(?:number|no\.?|num|#))?(?:\s+(?:is|es|ist|est|è|é))?(?:\s*[:#])?[ \t]+([A-Za-z]{0,3}\d[A-Za-z0-9-]{3,18})(?![\w-])/iy;
/** Korean passport cue (여권, 여권번호): a letter and 8 characters. */
const KR_PASSPORT_RE = /여권(?:번호)?(?:는|은|:)?[ \t]*([A-Za-z][0-9]{3}[A-Za-z0-9][0-9]{4})(?![A-Za-z0-9])/g;
/** Taxpayer identification number after a `TIN` cue with `:` or `is` (PH BIR TIN 9 or 12 digits, dashed or not). */
const TIN_RE = /\b(?:TIN|T\.I\.N\.|[Tt]axpayer [Ii](?:dentification|D) [Nn](?:umber|o\.?))(?:\s+is|\s*:)[ \t]*(\d{3}-?\d{3}-?\d{3}(?:-?\d{3})?)(?![\w-])/g;
/**
 * UK postcodes (full unit postcodes only: outward + inward code, upper case,
 * letters restricted as the Royal Mail does: no Q/V/X first, no I/J/Z second,
 * no C/I/K/M/O/V in the inward letters).
 */
const UK_POSTCODE_RE = /(?<![A-Za-z0-9])(GIR ?0AA|[A-PR-UWYZ](?:\d[\dA-HJKPSTUW]?|[A-HK-Y]\d[\dABEHMNPRV-Y]?) ?\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])/y;
/** UK vehicle registrations, current format (2001-): two letters, age identifier (02-25, 51-75), three letters. */
const UK_PLATE_RE = /(?<![A-Za-z0-9])([A-HJ-PR-Y][A-HJ-PR-Y](?:0[2-9]|1\d|2[0-5]|5[1-9]|6\d|7[0-5]) [A-HJ-PR-Z]{3})(?![A-Za-z0-9])/y;
/** Australian Medicare card number in its printed 4-5-1 grouping ("2123 45670 1"): first digit 2-6, weighted check digit. */
const AU_MEDICARE_RE = /(?<![\d-])([2-6]\d{3} \d{5} \d)(?![\d-])/y;
function auMedicare(s: string): boolean {
  const d = digits(s);
  const w = [1, 3, 7, 9, 1, 3, 7, 9];
  return d.length === 10 && w.reduce((a, x, i) => a + x * d[i], 0) % 10 === d[8];
}
/** Korean passport, current format without a cue: type letter (M/S/R/O/D), 3 digits, a letter, 4 digits ("M123A4567"). */
const KR_PASSPORT_BARE_RE = /(?<![A-Za-z0-9])([MSRODmsrod]\d{3}[A-Za-z]\d{4})(?![A-Za-z0-9])/y;
/** German Steuernummer in the state format with slashes ("12/345/6789", "123/4567/8901", "987/654/32100"). */
const DE_STNR_RE = /(?<![\d/])(\d{2,3}\/\d{3,4}\/\d{4,5})(?![\d/])/y;
/** Indian registrations: state code, district number, series letters, 4-digit number ("KA53ME3456", "DL3CJI0001"). */
const IN_PLATE_RE =
  /(?<![A-Za-z0-9])((?:AN|AP|AR|AS|BR|CG|CH|DD|DL|DN|GA|GJ|HP|HR|JH|JK|KA|KL|LA|LD|MH|ML|MN|MP|MZ|NL|OD|OR|PB|PY|RJ|SK|TN|TR|TS|UK|UP|WB)[ -]?\d{1,2}[ -]?[A-Z]{1,3}[ -]?\d{4})(?![A-Za-z0-9])/y;
/** Nigerian registrations: 3-letter LGA code, 3 digits, 2 letters ("KJA-999PZ", "APP 456CV"). */
const NG_PLATE_RE = /(?<![A-Za-z0-9-])([A-Z]{3}[- ]?\d{3}[A-Z]{2})(?![A-Za-z0-9-])/y;
/**
 * German district codes (Unterscheidungszeichen) of vehicle registrations, as
 * listed by berlin.de (kfz-kennz-d.csv): the first part of "HH-AB 1234".
 */
const DE_DISTRICTS: ReadonlySet<string> = new Set(
  `A AA AB ABI ABG AC AE AIC AK AM AN AÖ AP AS AUR AW AZ B BA BAD BAR BB BC BD BGL BI BIR BIT BK BL BLK BM BN BO BOR
  BOT BP BRA BRB BS BT BTF BÜS BW BWL BYL BZ C CB CE CHA CO COC COE CUX CW D DA DAH DAN DAU DBR DD DE DEG DEL DGF DH DL
  DLG DN DO DON DU DÜW E EA EB EBE ED EE EF EI EIC EL EM EMD EMS EN ER ERB ERH ERZ ES ESW EU F FB FD FDS FF FFB FG FL
  FN FO FR FRG FRI FS FT FÜ G GAP GE GER GF GG GI GL GM GÖ GP GR GRZ GS GT GTH GÜ GZ H HA HAL HAM HAS HB HBN HD HDH
  HE HEF HEI HEL HER HF HG HGW HH HI HL HM HN HO HOL HOM HP HR HRO HS HSK HST HU HVL HWI HX HZ IGB IK IN IZ J JL K KA
  KB KC KE KEH KF KG KH KI KIB KL KLE KN KO KR KS KT KU KÜN KUS KYF L LA LAU LB LD LDK LDS LER LEV LG LI LIF LIP LL LM
  LÖ LOS LRO LSA LSN LU LWL M MA MB MD ME MEI MG MI MIL MK MKK MM MN MOL MOS MR MS MSH MSP MST MTK MÜ MÜR MVL MYK MZ MZG
  N NB ND NDH NE NEA NES NEW NF NI NK NL NM NMS NOH NOM NR NU NVP NW NWM OA OAL OB OD OE OF OG OH OHA OHV OHZ OL OPR
  OS OSL OVP P PA PAF PAN PB PCH PE PF PI PIR PLÖ PM PR PS R RA RD RE REG RO ROS ROW RP RPL RS RT RÜD RÜG RV RW RZ S
  SAD SAL SAW SB SC SDL SE SG SH SHA SHG SHK SHL SI SIG SIM SK SL SLF SLK SLS SM SN SO SOK SÖM SON SP SPN SR ST STA STD SU
  SÜW SW SZ TDO TBB TF TG THL THW TIR TÖL TR TS TÜ TUT UE UL UM UN V VB VEC VER VIE VK VR VS W WAF WAK WB WE WEN WES WF
  WHV WI WIL WL WM WN WND WO WOB WST WT WTM WÜ WUG WUN WW WZ Y Z ZW`.split(/\s+/),
);
/**
 * German registrations written with separators: district code, one or two
 * letters, 1-4 digits without a leading zero, an optional E (electric) or H
 * (historic); at most 8 characters without the separators ("HH-AB 1234",
 * "KA EF 12H"). Upper case only. The district must be a real one and the
 * letters no English word, so capitals prose ("CHECK IN AT 10") is not a plate.
 */
const DE_PLATE_RE = /(?<![\p{L}\p{N}-])([A-ZÄÖÜ]{1,3})[ -]([A-Z]{1,2})[ -]([1-9]\d{0,3}[EH]?)(?![\p{L}\p{N}-]|[.,]\d)/uy;
const DE_PLATE_GATE = /[A-ZÄÖÜ][ -][A-Z]{1,2}[ -][1-9]/;
const NOT_PLATE_LETTERS: ReadonlySet<string> = new Set(
  'A I AM AN AS AT BE BY DO GO HE IF IN IS IT ME MY NO OF OK ON OR PM SO TO UP US WE'.split(' '),
);
function dePlate(district: string, letters: string, number: string): boolean {
  return DE_DISTRICTS.has(district) && !NOT_PLATE_LETTERS.has(letters) && district.length + letters.length + number.length <= 8;
}
/** Indian voter id (EPIC): three letters and seven digits, with a voting cue up to 40 characters before ("vote with your CPJ4467918"). */
const IN_EPIC_RE = /(?<![A-Za-z0-9])[A-Z]{3}\d{7}(?![A-Za-z0-9])/g;
const VOTER_CUE_RE = /\b(?:vot(?:e|er|ers|ing)|epic|election)\b/i;
/** A vehicle registration announced by its context ("plate number is ABJ-123XY", "Kennzeichen: HH-AB-1234"). */
const PLATE_CTX_RE =
  /\b(?:licen[cs]e\s+plate|number\s+plate|plate\s+number|registration\s+number|reg(?:istration)?\s+(?:plate|no\.?)|car\s+reg(?:istration)?|kennzeichen|matr[ií]cula|immatriculation|targa)(?:\s+(?:number|no\.?))?(?:\s+(?:is|ist|es|est))?(?:\s*:)?[ \t]+([A-Za-z0-9]{1,4}(?:[ -]?[A-Za-z0-9]{1,4}){1,3})(?![\w-])/iy;

const keepValue = (v: string): string | null => v;

/**
 * Letter-led plates, postcodes and passport numbers: the letters a match starts with and how far
 * after its start its first digit comes at most (`SW1A 1AA`: 2; `B-MW 1234`: 7). They run sticky
 * at such letters before a digit run, or as global regexes when digit runs are too many for that
 * to pay (number-dense text).
 */
const LETTER_LED: ReadonlyMap<RegExp, { first: string; reach: number; global: RegExp }> = new Map(
  (
    [
      [KR_PASSPORT_BARE_RE, 'MSRODmsrod', 1],
      [UK_POSTCODE_RE, 'ABCDEFGHIJKLMNOPRSTUWYZ', 4],
      [UK_PLATE_RE, 'ABCDEFGHJKLMNOPRSTUVWXY', 2],
      [IN_PLATE_RE, 'ABCDGHJKLMNOPRSTUW', 3],
      [NG_PLATE_RE, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 4],
      [DE_PLATE_RE, 'ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ', 7],
    ] as const
  ).map(([re, first, reach]) => [re, { first, reach, global: new RegExp(re.source, re.flags.replace('y', 'g')) }]),
);
/** Most digit runs per character for which the sticky starts pay. */
const LETTER_LED_RUN_SPACING = 32;

/** A scan for each letter-led regex (an OffsetScan at its starts, or its global copy with lastIndex 0). */
function letterLedScans(text: string, runs: Int32Array): (re: RegExp) => OffsetScan | RegExp {
  const dense = (runs.length / 2) * LETTER_LED_RUN_SPACING > text.length;
  return (re) => {
    const led = LETTER_LED.get(re)!;
    if (dense) {
      led.global.lastIndex = 0;
      return led.global;
    }
    return new OffsetScan(re, text, lettersBeforeDigits(text, runs, led.first, led.reach));
  };
}

/** The offsets of the characters of `first` at most `reach` characters before a digit run's start, ascending. */
function lettersBeforeDigits(text: string, runs: Int32Array, first: string, reach: number): Int32Array {
  const starts: number[] = [];
  let from = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const d = runs[k];
    for (let p = Math.max(from, d - reach); p < d; p++) if (first.includes(text[p])) starts.push(p);
    from = runs[k + 1];
  }
  return offsetsOf(starts);
}

/** The letter-led regexes and their sticky starts, for the test that compares them with whole-text scans. */
export const LETTER_LED_SCANS: readonly { re: RegExp; starts: (text: string) => Int32Array }[] = [...LETTER_LED].map(([re, led]) => ({
  re,
  starts: (text: string) => lettersBeforeDigits(text, digitRuns(text), led.first, led.reach),
}));

/**
 * Where DOC_CTX_RE and PLATE_CTX_RE can start: the first three characters of each cue (`id ` for
 * `id card`), found with the other cue heads in one pass (cue-heads.ts). A global case-insensitive alternation
 * is tried at every word start: the two were a quarter of this module's time on prose. The head
 * index's alphabet has no `ü`, `.`, `-` or tab (DOC_CTX_HEAD_REST_RE finds those starts); the `í` of
 * `matrícula` comes after its head. No two-character head: one is tried inside every word that holds it.
 */
const DOC_CTX_HEAD_RE = /\b(?:dri|lic|pas|rei|tra|fue|ste|stn|lan|id |ide|nat|vot|cer|mem|pol|acc|med|mrn|pat)/gi;
/** The DOC_CTX_RE starts the head index cannot read (`st.-nr`, `id\tcard`, `führerschein`), found by a regex in texts with digits only. */
const DOC_CTX_HEAD_REST_RE = /\b(?:st[.-]|id[^\S ]|f[üÜ])/gi;
const PLATE_CTX_HEAD_RE = /\b(?:lic|num|pla|reg|car|ken|mat|imm|tar)/gi;
/** The document cue heads and their regexes, in the order of `documentHeadStarts` (for the test that compares them with whole-text scans). */
export const DOCUMENT_HEAD_SCANS: readonly { head: RegExp; re: RegExp }[] = [
  { head: DOC_CTX_HEAD_RE, re: DOC_CTX_RE },
  { head: PLATE_CTX_HEAD_RE, re: PLATE_CTX_RE },
];
const DOCUMENT_HEAD_INDEX = createHeadIndex(DOCUMENT_HEAD_SCANS.map((h) => h.head));

/**
 * Where each document cue regex can start, in one pass.
 *
 * @example
 * ```ts
 * documentHeadStarts('passport X1234567')[0]; // Int32Array [0]
 * ```
 */
export function documentHeadStarts(text: string): Int32Array[] {
  return DOCUMENT_HEAD_INDEX.find(text);
}

/**
 * Where DOC_CTX_RE and PLATE_CTX_RE run, in the order of DOCUMENT_HEAD_SCANS: their heads (`heads` is
 * `documentHeadStarts(text)`), and for DOC_CTX_RE the starts of DOC_CTX_HEAD_REST_RE too.
 *
 * @example
 * ```ts
 * documentCueStarts('St.-Nr. 12/345/67890')[0]; // Int32Array [0]
 * ```
 */
export function documentCueStarts(text: string, heads: Int32Array[] = documentHeadStarts(text)): Int32Array[] {
  const rest = matchStarts(DOC_CTX_HEAD_REST_RE, text);
  return [rest.length === 0 ? heads[0] : mergeOffsets(heads[0], rest), heads[1]];
}

/** Every match of `re` (group 1 is the value, `ok` may trim or reject it) as a candidate of `type`. */
function scanSimple(text: string, out: Candidate[], re: RegExp | OffsetScan, type: string, confidence: number, ok: (v: string) => string | null = keepValue): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re instanceof OffsetScan ? re.exec() : re.exec(text)) !== null) {
    const v = ok(m[1]);
    if (v === null) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ kind: 'pii', type, start, end: start + v.length, confidence, label: type.replace(/_/g, ' ') });
  }
}

/** Bank words near which a sort code or an account number is read. */
const BANK_CUE_RE = /sort[ -]?code|bank\b|\biban\b|\bswift\b|\bbic\b|\bbsb\b|routing/i;
/** A UK sort code after its cue. */
const SORT_CODE_RE = /\bsort[ -]?code(?:[ \t]+(?:is|:))?[ \t]*:?[ \t]*(\d{2}[- ]?\d{2}[- ]?\d{2})(?![\w-])/gi;
/** An account number of 8-17 digits after `account` / `acct` / `a/c` (read only when a bank word is in the text). */
const ACCOUNT_NUMBER_RE = /\b(?:account|acct|a\/c)(?:[ \t]+(?:number|no\.?|nr\.?|#))?(?:[ \t]+is)?[ \t]*[:#]?[ \t]*(\d{8,17})(?![\w-])/gi;
/** The same after an explicit `account number` / `acct no.` / `account #`: an account id with or without a bank word. */
const ACCOUNT_NUMBER_NAMED_RE = /\b(?:account|acct|a\/c)[ \t]*(?:number|no\.?|nr\.?|#)(?:[ \t]+is)?[ \t]*[:#]?[ \t]*(\d{8,17})(?![\w-])/gi;
const ACCOUNT_WORD_RE = /acc(?:ount|t)|a\/c/i;
/** A German commercial register entry (`HRB 123456`, `HRA 99999`): the court's register number of a company or a sole trader. */
const DE_HANDELSREGISTER_RE = /\b(HR[AB][ \t]?\d{1,6})(?![\d,.]\d|[\w-])/g;
/**
 * Swedish organisation number (`556703-7485`): ten digits with the Luhn check, the third digit 2 or more
 * (a personal number's month is 01-12), next to an organisation or company word before or after it.
 */
const SE_ORG_RE = /(?<![\w-])(\d{6}-\d{4})(?![\w-])/y;
const SE_ORG_GLOBAL_RE = new RegExp(SE_ORG_RE.source, 'g');
const SE_ORG_CUE_RE = /org(?:anisation|anization)?s?[ .-]?(?:nr|nummer|number)|organisationsnummer|orgnr|company|företag|bolag|identity code/i;
function seOrgNumber(text: string, v: string, at: number): boolean {
  const d = v.replace('-', '');
  if (d.charCodeAt(2) < 50 || !luhnValid(d)) return false;
  return SE_ORG_CUE_RE.test(text.slice(Math.max(0, at - 40), at)) || SE_ORG_CUE_RE.test(text.slice(at + v.length, at + v.length + 30));
}
/**
 * For a stream of output: where to hold back so that the organisation word that may follow a Swedish
 * organisation number (`556703-7485 är vårt orgnummer`) is seen before the number is released: the
 * start of such a number whose cue window after it is not complete yet, else `text.length`.
 *
 * @example
 * ```ts
 * orgNumberHoldFrom('Ring 556703-7485 är'); // 5
 * ```
 */
export function orgNumberHoldFrom(text: string): number {
  const tail = Math.max(0, text.length - 11 - 30);
  const window = text.slice(tail);
  let hold = text.length;
  for (const m of window.matchAll(SE_ORG_GLOBAL_RE)) if (text.length - (tail + m.index + m[0].length) < 30) hold = Math.min(hold, tail + m.index);
  return hold;
}

/** A German postcode after its cue (`PLZ 80331`, `Postleitzahl: 10115`): five digits, the first region 0-9. */
const DE_PLZ_RE = /\b(?:PLZ|Postleitzahl)(?:[ \t]+(?:ist|is))?[ \t]*:?[ \t]*(\d{5})(?![\d-])/g;
/** Mexican RFC (tax id) after its cue: 3-4 letters, a date, 3 characters. */
const MX_RFC_RE = /\bRFC(?:[ \t]+(?:is|:))?[ \t]*:?[ \t]*([A-ZÑ&]{3,4}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[A-Z\d]{3})(?![A-Za-z0-9])/g;

/** Vehicle identification numbers: 17 characters without I, O and Q. */
const VIN_RE = /(?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9])/;
const VIN_CUE_RE = /\bvin\b|vehicle identification|chassis|\bfahrgestell/i;
const VIN_VALUES: Record<string, number> = Object.fromEntries(
  [...'ABCDEFGHJKLMNPRSTUVWXYZ'].map((c, i) => [c, [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9][i]]),
);
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
/** The North American check digit (position 9): weighted sum mod 11, 10 written X. */
function vinCheck(v: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = v[i];
    sum += (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : VIN_VALUES[c]) * VIN_WEIGHTS[i];
  }
  const check = sum % 11;
  return v[8] === (check === 10 ? 'X' : String(check));
}

/** Mexican CURP: name letters, birth date, sex, state, consonants, a homonym character and a check digit. */
const CURP_RE = /(?<![A-Za-z0-9])[A-Z][AEIOUX][A-Z]{2}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[HMX](?:AS|BC|BS|CC|CL|CM|CS|CH|DF|DG|GT|GR|HG|JC|MC|MN|MS|NT|NL|OC|PL|QT|QR|SP|SL|SR|TC|TS|TL|VZ|YN|ZS|NE)[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d(?![A-Za-z0-9])/;
const CURP_ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
function curpCheck(v: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CURP_ALPHABET.indexOf(v[i]) * (18 - i);
  return (10 - (sum % 10)) % 10 === v.charCodeAt(17) - 48;
}

/**
 * VINs (a valid check digit, or a VIN cue before them, and letters with digits) and CURPs (check digit).
 * Each is a whole token of letters and digits (17 and 18 characters long): the regexes run sticky at such
 * tokens only (`tokens` as digitTokens gives them; globally, VIN_RE was tried at every capital and digit).
 */
function scanVinAndCurp(text: string, out: Candidate[], tokens: Int32Array): void {
  let m: RegExpExecArray | null;
  for (const at of tokenStartsOfLength(tokens, 17)) {
    VIN_Y.lastIndex = at;
    if ((m = VIN_Y.exec(text)) === null) continue;
    const v = m[0];
    if (!/[A-Z]/.test(v) || (v.match(/\d/g) ?? []).length < 3) continue;
    const cue = VIN_CUE_RE.test(text.slice(Math.max(0, at - 30), at));
    if (cue || vinCheck(v)) out.push({ kind: 'pii', type: 'vehicle_identification_number', start: at, end: at + 17, confidence: cue ? 0.8 : 0.6, label: 'vehicle identification number' });
  }
  for (const at of tokenStartsOfLength(tokens, 18)) {
    CURP_Y.lastIndex = at;
    if ((m = CURP_Y.exec(text)) !== null && curpCheck(m[0])) out.push({ kind: 'pii', type: 'mx_curp', start: at, end: at + 18, confidence: 0.85, label: 'Mexican CURP' });
  }
}
const VIN_Y = new RegExp(VIN_RE.source, 'y');
const CURP_Y = new RegExp(CURP_RE.source, 'y');

/**
 * Digit-led shapes whose matches start at a digit run of one of `lengths` digits followed by `next`
 * (and, with `then`, by a run of `then` digits right after it): DE_STNR_RE (`12/345/67890`), AU_MEDICARE_RE
 * (`2123 45670 1`) and SE_ORG_RE (`556703-7485`) run sticky at such runs only.
 */
const SHAPES = {
  deTaxNumber: { re: DE_STNR_RE, lengths: [2, 3], next: '/' },
  auMedicare: { re: AU_MEDICARE_RE, lengths: [4], next: ' ', then: 5 },
  seOrganisation: { re: SE_ORG_RE, lengths: [6], next: '-' },
} as const;

/** The starts of the digit runs `runs` of a shape, ascending. */
function runsOfShape(text: string, runs: Int32Array, shape: { lengths: readonly number[]; next: string; then?: number }): Int32Array {
  const starts: number[] = [];
  const next = shape.next.charCodeAt(0);
  for (let k = 0; k < runs.length; k += 2) {
    const e = runs[k + 1];
    if (text.charCodeAt(e) !== next || !shape.lengths.includes(e - runs[k])) continue;
    if (shape.then !== undefined && !(runs[k + 2] === e + 1 && runs[k + 3] - runs[k + 2] === shape.then)) continue;
    starts.push(runs[k]);
  }
  return offsetsOf(starts);
}

/** The digit-led shapes and their starts, for the test that compares them with whole-text scans. */
export const DIGIT_SHAPE_SCANS: readonly { re: RegExp; starts: (text: string) => Int32Array }[] = Object.values(SHAPES).map((shape) => ({
  re: shape.re,
  starts: (text: string) => runsOfShape(text, digitRuns(text), shape),
}));

/**
 * Identity document numbers announced by their context ("passport number is
 * ...", "driver's license: ..."); the value must contain a digit. `options`
 * holds `digitRuns(text)`, `digitTokens(text, runs)` and `documentHeadStarts(text)`
 * when the caller shares them.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanDocumentNumbers('my passport number is X1234567', out); // type 'passport_number'
 * ```
 */
export function scanDocumentNumbers(text: string, out: Candidate[], options: { runs?: Int32Array; tokens?: Int32Array; heads?: Int32Array[] } = {}): void {
  const runs = options.runs ?? digitRuns(text);
  const tokens = options.tokens ?? digitTokens(text, runs);
  const heads = options.heads ?? documentHeadStarts(text);
  const letterLed = letterLedScans(text, runs);
  const [documentStarts, plateStarts] = documentCueStarts(text, heads);
  const documents = new OffsetScan(DOC_CTX_RE, text, documentStarts);
  let m: RegExpExecArray | null;
  while ((m = documents.exec()) !== null) {
    const ctx = m[1].toLowerCase();
    const v = m[2];
    if ((v.match(/\d/g) ?? []).length < 4) continue;
    const type = /pas|travel/.test(ctx) ? 'passport_number' : /licen|hrerschein/.test(ctx) ? 'driver_license' : /steuer|st\.?-?nr/.test(ctx) ? 'tax_id' : 'id_number';
    const start = m.index + m[0].length - v.length;
    out.push({ kind: 'pii', type, start, end: start + v.length, confidence: 0.7, label: type.replace('_', ' ') });
  }
  if (text.includes('여권')) scanSimple(text, out, KR_PASSPORT_RE, 'passport_number', 0.7);
  scanSimple(text, out, TIN_RE, 'tax_id', 0.7);
  if (/[A-Za-z]\d/.test(text)) scanSimple(text, out, letterLed(KR_PASSPORT_BARE_RE), 'passport_number', 0.55);
  // 9-12 digits in total; "1/2/2024"-like dates cannot match (the middle group has 3-4 digits)
  scanSimple(text, out, new OffsetScan(DE_STNR_RE, text, runsOfShape(text, runs, SHAPES.deTaxNumber)), 'tax_id', 0.55, (v) => (v.replace(/\//g, '').length >= 9 ? v : null));
  scanSimple(text, out, new OffsetScan(AU_MEDICARE_RE, text, runsOfShape(text, runs, SHAPES.auMedicare)), 'au_medicare', 0.8, (v) => (auMedicare(v) ? v : null));
  // postcodes, plates and the bare Korean passport all have a letter next to a digit: one cheap test gates them
  if (/[A-Za-z]\d|\d[A-Za-z]|GIR/.test(text)) {
    scanSimple(text, out, letterLed(UK_POSTCODE_RE), 'postcode', 0.55);
    scanSimple(text, out, letterLed(UK_PLATE_RE), 'vehicle_registration', 0.55);
    scanSimple(text, out, letterLed(IN_PLATE_RE), 'vehicle_registration', 0.5);
    scanSimple(text, out, letterLed(NG_PLATE_RE), 'vehicle_registration', 0.5);
    scanVinAndCurp(text, out, tokens);
  }
  if (BANK_CUE_RE.test(text)) {
    scanSimple(text, out, SORT_CODE_RE, 'bank_account', 0.75);
    // an account number only in a text with a bank word (`account 31926819, sort code 60-16-13`)
    scanSimple(text, out, ACCOUNT_NUMBER_RE, 'bank_account', 0.75);
  }
  // a named account number outranks the phone rules on the same digits (`account number 0123456789`)
  if (ACCOUNT_WORD_RE.test(text)) scanSimple(text, out, ACCOUNT_NUMBER_NAMED_RE, 'bank_account', 0.9);
  if (text.includes('RFC')) scanSimple(text, out, MX_RFC_RE, 'tax_id', 0.7);
  if (text.includes('HRA') || text.includes('HRB')) scanSimple(text, out, DE_HANDELSREGISTER_RE, 'de_commercial_register', 0.75);
  if (text.includes('-')) {
    const orgs = new OffsetScan(SE_ORG_RE, text, runsOfShape(text, runs, SHAPES.seOrganisation));
    while ((m = orgs.exec()) !== null) {
      if (seOrgNumber(text, m[1], m.index)) out.push({ kind: 'pii', type: 'se_organisation_number', start: m.index, end: m.index + m[1].length, confidence: 0.7, label: 'Swedish organisation number' });
    }
  }
  // needles led by rare characters: a search for `ostleitzahl` stops at every `o` (0.5 ms/MB of prose)
  if (text.includes('PLZ') || text.includes('Postleitzahl')) scanSimple(text, out, DE_PLZ_RE, 'postcode', 0.6);
  if (VOTER_CUE_RE.test(text)) {
    IN_EPIC_RE.lastIndex = 0;
    while ((m = IN_EPIC_RE.exec(text)) !== null) {
      if (VOTER_CUE_RE.test(text.slice(Math.max(0, m.index - 40), m.index)))
        out.push({ kind: 'pii', type: 'id_number', start: m.index, end: m.index + m[0].length, confidence: 0.6, label: 'voter id' });
    }
  }
  // the gate only spares the global regex (number-dense text) a pass
  const plates = letterLed(DE_PLATE_RE);
  if (plates instanceof OffsetScan || DE_PLATE_GATE.test(text)) {
    while ((m = plates instanceof OffsetScan ? plates.exec() : plates.exec(text)) !== null) {
      if (dePlate(m[1], m[2], m[3])) out.push({ kind: 'pii', type: 'vehicle_registration', start: m.index, end: m.index + m[0].length, confidence: 0.55, label: 'vehicle registration' });
      else plates.lastIndex = m.index + m[1].length + 1; // the letters may start a plate of their own
    }
  }
  // the value must mix letters and digits and not be a plain word ("plate number is missing")
  scanSimple(text, out, new OffsetScan(PLATE_CTX_RE, text, plateStarts), 'vehicle_registration', 0.65, (raw) => {
    const v = raw.replace(/(?:[ -][a-z]+)+$/, ''); // "ABJ-123XY for this vehicle": a trailing lower-case word is prose
    return /\d/.test(v) && /[A-Za-z]/.test(v) && v.replace(/[ -]/g, '').length >= 5 ? v : null;
  });
}
