/**
 * Phone-number parsing and validation over libphonenumber-js's own "min"
 * metadata, following its `parsePhoneNumberFromString(text, country)`,
 * `isValid()` and `isPossible()` step by step, with the metadata patterns
 * compiled once.
 *
 * Why not call libphonenumber-js: it builds a new RegExp for every pattern
 * test, which costs 15-50 µs per valid number (half of it in regex
 * construction), the largest single cost of scanning text dense with phone
 * numbers. The answers are the same: a test compares both on every
 * candidate shape the phone scanner produces.
 *
 * Input domain: the strings the phone scanner passes (ASCII digits, the
 * punctuation libphonenumber accepts, an optional leading `+`). Anything else
 * (letters, an extension, an RFC 3966 URI) is answered by libphonenumber-js
 * itself, so no input gets a different answer.
 */
import metadataJson from 'libphonenumber-js/metadata.min.json';
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** A plan as stored in min metadata (format version 4): positional fields. */
type Plan = readonly unknown[];

interface Metadata {
  country_calling_codes: Record<string, string[]>;
  countries: Record<string, Plan>;
  nonGeographic?: Record<string, Plan>;
}

const META = metadataJson as unknown as Metadata;

/** Parsed number: calling code, national significant number and, where known, the country. */
export interface ParsedPhone {
  callingCode: string;
  nationalNumber: string;
  country?: string;
}

const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;
const MAX_INPUT_LENGTH = 250;

/** A RegExp per metadata pattern, built once: `source` wraps the pattern (anchors). */
function memoRegExp(source: (pattern: string) => string): (pattern: string) => RegExp {
  const cache = new Map<string, RegExp>();
  return (pattern) => {
    let re = cache.get(pattern);
    if (!re) {
      re = new RegExp(source(pattern));
      cache.set(pattern, re);
    }
    return re;
  };
}
const entire = memoRegExp((p) => '^(?:' + p + ')$');
const prefix = memoRegExp((p) => '^(?:' + p + ')');
const plain = memoRegExp((p) => p);

const matchesEntirely = (text: string, pattern: string | undefined): boolean => entire(pattern ?? '').test(text);

// plan accessors (metadata.js, v4 layout)
const callingCodeOf = (p: Plan) => p[0] as string;
const iddPrefixOf = (p: Plan) => p[1] as string | undefined;
const nnpOf = (p: Plan) => p[2] as string;
const possibleLengthsOf = (p: Plan) => (p[3] as number[] | undefined) || undefined;
const nationalPrefixOf = (p: Plan) => (p[5] as string | undefined) || undefined;
const nationalPrefixForParsingOf = (p: Plan) => (p[7] as string | undefined) || nationalPrefixOf(p);
const transformRuleOf = (p: Plan) => (p[8] as string | undefined) || undefined;
const leadingDigitsOf = (p: Plan) => (p[10] as string | undefined) || undefined;
const typesOf = (p: Plan) => p[11] as (readonly [string, number[]?] | 0)[] | undefined;
const hasTypes = (p: Plan) => {
  const t = typesOf(p);
  return !!t && t.length !== 0;
};

/**
 * Each calling code's countries and plan, read from the metadata once: the codes parsePhone looks up are
 * cut from the number, and object lookups with a new string key were a sixth of a parse's time.
 */
interface CallingCode {
  countries: string[] | undefined;
  plan: Plan | undefined;
}
const CALLING_CODES = new Map<string, CallingCode>();
for (const cc of [...Object.keys(META.country_calling_codes), ...Object.keys(META.nonGeographic ?? {})]) {
  const list = META.country_calling_codes[cc];
  const countries = list && !(list.length === 1 && list[0].length === 3) ? list : undefined;
  const nonGeographic = META.nonGeographic?.[cc];
  if (countries || nonGeographic) CALLING_CODES.set(cc, { countries, plan: countries ? META.countries[countries[0]] : nonGeographic });
}

/** 1 at the value of each calling code of 1-3 digits without a leading zero (extractCallingCode reads no other). */
const CALLING_CODE_VALUES = new Uint8Array(1000);
for (const cc of CALLING_CODES.keys()) if (/^[1-9][0-9]{0,2}$/.test(cc)) CALLING_CODE_VALUES[Number(cc)] = 1;

function countriesForCallingCode(cc: string): string[] | undefined {
  return CALLING_CODES.get(cc)?.countries;
}

/** The plan of a calling code: its main country's, or the non-geographic one. */
function planForCallingCode(cc: string): Plan | undefined {
  return CALLING_CODES.get(cc)?.plan;
}

/**
 * The last hasNumberType answer: parsePhone tests the national number against its country's plan
 * (countryByNationalNumber) and isValidPhone tests the same again. parsePhone clears it, so that it
 * carries over only from one parse to the validation after it.
 */
let typed: { nationalNumber: string; plan: Plan; result: boolean } | undefined;

/** getNumberType(...) !== undefined: the national pattern and one number type match. */
function hasNumberType(nationalNumber: string, plan: Plan): boolean {
  if (typed !== undefined && typed.plan === plan && typed.nationalNumber === nationalNumber) return typed.result;
  const result = matchesNumberType(nationalNumber, plan);
  typed = { nationalNumber, plan, result };
  return result;
}

function matchesNumberType(nationalNumber: string, plan: Plan): boolean {
  if (!matchesEntirely(nationalNumber, nnpOf(plan))) return false;
  const types = typesOf(plan);
  if (!types || types.length === 0) return false;
  for (let i = 0; i < 10; i++) {
    const t = types[i];
    if (!t || !t[0]) continue;
    const lengths = t[1] || possibleLengthsOf(plan);
    if (lengths && lengths.indexOf(nationalNumber.length) < 0) continue;
    if (matchesEntirely(nationalNumber, t[0])) return true;
  }
  return false;
}

function countryByNationalNumber(nationalNumber: string, countries: string[]): string | undefined {
  for (const country of countries) {
    const plan = META.countries[country];
    const ld = leadingDigitsOf(plan);
    if (ld) {
      if (nationalNumber && nationalNumber.search(plain(ld)) === 0) return country;
    } else if (hasNumberType(nationalNumber, plan)) {
      return country;
    }
  }
  return undefined;
}

function countryByCallingCode(cc: string, nationalNumber: string): string | undefined {
  const list = countriesForCallingCode(cc);
  if (!list) return undefined;
  if (list.length === 1) return list[0];
  return countryByNationalNumber(nationalNumber, list);
}

type LengthCheck = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

function checkNumberLength(nationalNumber: string, plan: Plan): LengthCheck {
  const lengths = possibleLengthsOf(plan);
  if (!lengths) return 'IS_POSSIBLE';
  const n = nationalNumber.length;
  if (lengths[0] === n) return 'IS_POSSIBLE';
  if (lengths[0] > n) return 'TOO_SHORT';
  if (lengths[lengths.length - 1] < n) return 'TOO_LONG';
  return lengths.indexOf(n, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}

/** extractNationalNumberFromPossiblyIncompleteNumber: strip the national (trunk) prefix. */
function stripNationalPrefix(number: string, plan: Plan): string {
  const npfp = nationalPrefixForParsingOf(plan);
  if (!number || !npfp) return number;
  const re = prefix(npfp);
  const m = re.exec(number);
  if (!m) return number;
  const groups = m.length - 1;
  const hasGroups = groups > 0 && !!m[groups];
  const rule = transformRuleOf(plan);
  if (rule && hasGroups) return number.replace(re, rule);
  return number.slice(m[0].length);
}

/** extractNationalNumber(number, undefined, metadata) with `plan` selected. */
function extractNationalNumber(number: string, plan: Plan): string {
  const national = stripNationalPrefix(number, plan);
  if (national === number) return number;
  const nnp = nnpOf(plan);
  if (matchesEntirely(number, nnp) && !matchesEntirely(national, nnp)) return number;
  if (possibleLengthsOf(plan)) {
    const country = countryByCallingCode(callingCodeOf(plan), national);
    const checkPlan = country ? META.countries[country] : plan;
    const r = checkNumberLength(national, checkPlan);
    if (r === 'TOO_SHORT' || r === 'INVALID_LENGTH') return number;
  }
  return national;
}

/** stripIddPrefix: the number without a leading international call prefix (011, 00), or undefined. */
function stripIddPrefix(number: string, country: string | undefined): string | undefined {
  if (!country) return undefined;
  const idd = iddPrefixOf(META.countries[country]);
  const re = plain(idd ?? ''); // new RegExp(undefined) matches the empty string, as in the library
  if (number.search(re) !== 0) return undefined;
  const rest = number.slice((number.match(re) as RegExpMatchArray)[0].length);
  const d = /([0-9])/.exec(rest);
  if (d && d[1] === '0') return undefined;
  return rest;
}

/** extractCountryCallingCodeFromInternationalNumberWithoutPlusSign. */
function callingCodeWithoutPlus(number: string, country: string): { cc?: string; number: string } {
  const plan = META.countries[country];
  const cc = callingCodeOf(plan);
  if (number.indexOf(cc) !== 0) return { number };
  const shorter = number.slice(cc.length);
  const shorterNational = extractNationalNumber(shorter, plan);
  const national = extractNationalNumber(number, plan);
  const nnp = nnpOf(plan);
  if ((!matchesEntirely(national, nnp) && matchesEntirely(shorterNational, nnp)) || checkNumberLength(national, plan) === 'TOO_LONG') {
    return { cc, number: shorter };
  }
  return { number };
}

function extractCallingCode(number: string, defaultCountry: string | undefined): { cc?: string; number?: string } {
  if (!number) return {};
  if (number[0] !== '+') {
    const withoutIdd = stripIddPrefix(number, defaultCountry);
    if (withoutIdd && withoutIdd !== number) {
      number = '+' + withoutIdd;
    } else {
      if (defaultCountry) {
        const r = callingCodeWithoutPlus(number, defaultCountry);
        if (r.cc) return r;
      }
      return { number };
    }
  }
  if (number[1] === '0') return {};
  // the shortest known calling code of 1-3 digits after the '+', found by value (no leading zero: one code a value)
  let code = 0;
  for (let i = 1; i <= 3 && i < number.length; i++) {
    const d = number.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break; // no calling code holds it
    code = code * 10 + d;
    if (CALLING_CODE_VALUES[code] === 1) return { cc: number.slice(1, i + 1), number: number.slice(i + 1) };
  }
  return {};
}

// constants.js
/**
 * libphonenumber's punctuation without its tildes: a tilde can start an
 * extension (`123~45`), which this port does not parse, so text with one goes
 * to the library.
 */
const PUNCTUATION = '-\u2010-\u2015\u2212\u30FC\uFF0D\uFF0F/\uFF0E. \u00A0\u00AD\u200B\u2060\u3000()\uFF08\uFF09\uFF3B\uFF3D\\[\\]';
const PUNCT_CHAR_RE = new RegExp(`[${PUNCTUATION}]`);

/** 1 for the ASCII digits and punctuation (the punctuation read from its regex). */
const ASCII_IN_DOMAIN = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_IN_DOMAIN[c] = (c >= 48 && c <= 57) || PUNCT_CHAR_RE.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * Strings this port answers itself: an optional leading '+', then ASCII digits and that punctuation
 * (`/^\+?[0-9${PUNCTUATION}]*$/`, with a table for ASCII characters rather than a regex per number).
 */
function inDomain(text: string): boolean {
  for (let i = text.charCodeAt(0) === 43 ? 1 : 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 ? ASCII_IN_DOMAIN[c] === 0 : !PUNCT_CHAR_RE.test(text[i])) return false;
  }
  return true;
}

/**
 * `parsePhoneNumberFromString(text, defaultCountry)` as calling code,
 * national number and country, or undefined where libphonenumber-js returns
 * undefined.
 *
 * @example
 * ```ts
 * parsePhone('+44 20 7946 0958'); // { callingCode: '44', nationalNumber: '2079460958', country: 'GB' }
 * ```
 */
export function parsePhone(text: string, defaultCountry?: string): ParsedPhone | undefined {
  typed = undefined;
  if (!inDomain(text)) return fromLibrary(text, defaultCountry);
  if (defaultCountry && !Object.prototype.hasOwnProperty.call(META.countries, defaultCountry)) defaultCountry = undefined;
  if (!text || text.length > MAX_INPUT_LENGTH) return undefined;
  // extractFormattedPhoneNumber: from the first '+' or digit to the last digit
  let start = 0;
  while (start < text.length && !(text[start] === '+' || (text.charCodeAt(start) >= 48 && text.charCodeAt(start) <= 57))) start++;
  let end = text.length;
  while (end > start && !(text.charCodeAt(end - 1) >= 48 && text.charCodeAt(end - 1) <= 57)) end--;
  const formatted = text.slice(start, end);
  if (!formatted) return undefined;
  // isViablePhoneNumber: two digits, or an optional '+' then punctuation and 3+ digits; in the domain, every character
  // of `formatted` besides its digits and a leading '+' is punctuation
  let digits = '';
  for (let i = 0; i < formatted.length; i++) {
    const c = formatted.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += formatted[i];
  }
  const viable = formatted.length >= MIN_LENGTH_FOR_NSN && (digits.length >= 3 || (formatted.length === 2 && digits.length === 2));
  if (!viable) return undefined;
  const incomplete = (formatted[0] === '+' ? '+' : '') + digits;

  // parse.js parsePhoneNumber
  const { cc: foundCc, number } = extractCallingCode(incomplete, defaultCountry);
  let cc = foundCc;
  let country: string | undefined;
  let plan: Plan | undefined;
  if (cc) {
    plan = planForCallingCode(cc);
  } else if (number && defaultCountry) {
    country = defaultCountry;
    plan = META.countries[defaultCountry];
    cc = callingCodeOf(plan);
  } else {
    return undefined;
  }
  if (!plan || !cc) return undefined;
  if (!number) return undefined;
  const nationalNumber = extractNationalNumber(number, plan);
  const exact = countryByCallingCode(cc, nationalNumber);
  if (exact) country = exact;
  if (!nationalNumber || nationalNumber.length < MIN_LENGTH_FOR_NSN || nationalNumber.length > MAX_LENGTH_FOR_NSN) return undefined;
  return country ? { callingCode: cc, nationalNumber, country } : { callingCode: cc, nationalNumber };
}

function planOf(p: ParsedPhone): Plan {
  return (p.country ? META.countries[p.country] : planForCallingCode(p.callingCode)) as Plan;
}

/**
 * `PhoneNumber.isValid()`: the national number matches its plan and one of its number types.
 *
 * @example
 * ```ts
 * isValidPhone(parsePhone('+44 20 7946 0958')!); // true
 * ```
 */
export function isValidPhone(p: ParsedPhone): boolean {
  const plan = planOf(p);
  if (hasTypes(plan)) return hasNumberType(p.nationalNumber, plan);
  return matchesEntirely(p.nationalNumber, nnpOf(plan));
}

/**
 * `PhoneNumber.isPossible()`: the national number has a possible length for its plan.
 *
 * @example
 * ```ts
 * isPossiblePhone(parsePhone('+44 20 7946 095')!); // true (9 digits is a UK length)
 * ```
 */
export function isPossiblePhone(p: ParsedPhone): boolean {
  const plan = planOf(p);
  if (possibleLengthsOf(plan)) return checkNumberLength(p.nationalNumber, plan) === 'IS_POSSIBLE';
  return !!META.nonGeographic?.[p.callingCode];
}

/** True when `parsePhoneNumberFromString(text, defaultCountry)?.isValid()` is. */
export function phoneValid(text: string, defaultCountry?: string): boolean {
  const p = parsePhone(text, defaultCountry);
  return p !== undefined && isValidPhone(p);
}

function fromLibrary(text: string, defaultCountry?: string): ParsedPhone | undefined {
  const p = parsePhoneNumberFromString(text, defaultCountry as CountryCode | undefined);
  if (!p) return undefined;
  return p.country ? { callingCode: p.countryCallingCode, nationalNumber: p.nationalNumber, country: p.country } : { callingCode: p.countryCallingCode, nationalNumber: p.nationalNumber };
}
