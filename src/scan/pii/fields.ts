/**
 * Values of fields that name personal data in structured text: JSON and JS
 * objects (`"first_name": "Maria"`), YAML, INI and key=value lines
 * (`lastName: Nowak`, `dob=1988-04-12`), PHP arrays (`'phone' => '...'`),
 * XML elements (`<firstName>Sophie</firstName>`), HTML form inputs
 * (`name="lastname" value="Johansson"`) and SQL INSERT rows (the columns
 * named, then the values in order). A developer's payload, log line or table
 * dump names its fields: a single given name or a bare number is personal
 * data there, where in prose it would not be read as such.
 *
 * Each value is checked against its field's kind (a name is capitalised
 * words, a date parses, a phone number has 7-15 digits) and placeholders
 * (`string`, `null`, `${NAME}`) are skipped.
 */
import type { Candidate } from '../secrets/candidate.js';
import { isPlaceholder } from '../secrets/entropy.js';
import { FULL_DATE } from './dates.js';
import { GIVEN_LOWER, GIVEN_NAMES, GIVEN_WORDS_LOWER, NOT_NAME_WORDS, SURNAMES, SURNAMES_LOWER, WORD_SURNAMES } from './names-data.js';

type Kind = 'given' | 'surname' | 'full' | 'name' | 'dob' | 'phone' | 'ssn' | 'passport' | 'address' | 'driver' | 'id';

/** Field names (lower case, without `_`, `-`, `.` and blanks) and what their value is. */
const FIELDS = new Map<string, Kind>([
  ...['firstname', 'fname', 'givenname', 'forename', 'middlename', 'vorname', 'prenom', 'prénom', 'nombre'].map((k) => [k, 'given'] as const),
  ...['lastname', 'lname', 'surname', 'familyname', 'maidenname', 'nachname', 'apellido', 'apellidos', 'cognome', 'nom'].map((k) => [k, 'surname'] as const),
  ...['fullname', 'customername', 'patientname', 'contactname', 'clientname', 'employeename', 'accountholder', 'accountholdername', 'cardholder', 'cardholdername', 'holdername', 'personname', 'recipientname', 'sendername', 'billingname', 'shippingname', 'legalname'].map((k) => [k, 'full'] as const),
  ['name', 'name'],
  ...['dob', 'dateofbirth', 'birthdate', 'birthday', 'geburtsdatum', 'fechanacimiento', 'fechadenacimiento', 'datenaissance', 'datedenaissance'].map((k) => [k, 'dob'] as const),
  ...['phone', 'phonenumber', 'phoneno', 'mobile', 'mobilenumber', 'mobilephone', 'cell', 'cellphone', 'tel', 'telephone', 'homephone', 'workphone', 'contactnumber', 'msisdn', 'telefon', 'telefono', 'téléphone'].map((k) => [k, 'phone'] as const),
  ...['ssn', 'socialsecuritynumber', 'socialsecurityno', 'socialsecurity'].map((k) => [k, 'ssn'] as const),
  ...['passport', 'passportnumber', 'passportno', 'passportid'].map((k) => [k, 'passport'] as const),
  ...['address', 'streetaddress', 'street', 'addressline1', 'addressline', 'address1', 'homeaddress', 'billingaddress', 'shippingaddress', 'mailingaddress', 'postaladdress', 'adresse', 'direccion', 'dirección', 'indirizzo'].map((k) => [k, 'address'] as const),
  ...['driverlicense', 'driverslicense', 'driverlicence', 'driverslicence', 'dlnumber', 'licensenumber', 'drivinglicence'].map((k) => [k, 'driver'] as const),
  ...['nationalid', 'nationalidnumber', 'taxid', 'tin', 'nin', 'nino', 'niNumber', 'personalid', 'idnumber', 'personnummer', 'pesel', 'steuerid'].map((k) => [k.toLowerCase(), 'id'] as const),
]);
/** Field names that also count at the end of a longer name (`customer_first_name`, `userPhoneNumber`, `billing_street_address`). */
const SUFFIX_FIELDS = [...FIELDS.keys()].filter((k) => k.length >= 7 && FIELDS.get(k) !== 'name').sort((a, b) => b.length - a.length);
/** The last four characters of each suffix field: most keys (`dbpassword`, `timeout`) end in none, and skip the suffix loop. */
const SUFFIX_TAILS: ReadonlySet<string> = new Set(SUFFIX_FIELDS.map((k) => k.slice(-4)));

const TYPES: Record<Kind, { type: string; confidence: number; label: string }> = {
  given: { type: 'person', confidence: 0.8, label: 'person name field' },
  surname: { type: 'person', confidence: 0.8, label: 'person name field' },
  full: { type: 'person', confidence: 0.8, label: 'person name field' },
  name: { type: 'person', confidence: 0.7, label: 'person name field' },
  dob: { type: 'date_of_birth', confidence: 0.85, label: 'date of birth field' },
  phone: { type: 'phone_number', confidence: 0.8, label: 'phone number field' },
  ssn: { type: 'us_ssn', confidence: 0.85, label: 'US social security number field' },
  passport: { type: 'passport_number', confidence: 0.8, label: 'passport number field' },
  address: { type: 'street_address', confidence: 0.75, label: 'street address field' },
  driver: { type: 'driver_license', confidence: 0.75, label: "driver's license field" },
  id: { type: 'id_number', confidence: 0.7, label: 'identity number field' },
};

const MAX_KEY = 48;
const MAX_VALUE = 100;
const isKeyChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || c === 46 || c === 36;

/**
 * The last four characters (fewer for a shorter key) of a field name as fieldKind normalises it
 * (after the last `.`, lower case, without `_ - $` and blanks), packed in a number with their count.
 */
function tailCode(s: string, from: number, to: number): number {
  let code = 0;
  let n = 0;
  for (let i = to - 1; i >= from && n < 4; i--) {
    let c = s.charCodeAt(i);
    if (c === 46) break; // '.'
    if (c === 95 || c === 45 || c === 36 || c === 32 || c === 9 || c === 10 || c === 13) continue;
    if (c >= 65 && c <= 90) c += 32;
    code = code * 128 + (c & 127);
    n++;
  }
  return code * 8 + n;
}
/** tailCode of every field name: a key whose tail is not here is no field (and is not copied or lower-cased). */
const FIELD_TAILS: ReadonlySet<number> = new Set([...FIELDS.keys()].map((k) => tailCode(k, 0, k.length)));

/** The kind of the field name `text.slice(from, to)`, or undefined (most keys are rejected without a copy). */
function fieldKindAt(text: string, from: number, to: number): Kind | undefined {
  return FIELD_TAILS.has(tailCode(text, from, to)) ? fieldKind(text.slice(from, to)) : undefined;
}

/** The kind of a field name, or undefined. */
export function fieldKind(key: string): Kind | undefined {
  const dot = key.lastIndexOf('.');
  const k = (dot >= 0 ? key.slice(dot + 1) : key).toLowerCase().replace(/[_\-\s$]/g, '');
  const exact = FIELDS.get(k);
  if (exact) return exact;
  if (k.length < 8 || !SUFFIX_TAILS.has(k.slice(-4))) return undefined;
  for (const s of SUFFIX_FIELDS) if (k.endsWith(s)) return FIELDS.get(s);
  return undefined;
}

const NAME_WORD_RE = /^(?:\p{Lu}(?:['’]\p{Lu})?[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?|\p{Lu}\.?)$/u;
const LOWER_WORD_RE = /^\p{Ll}[\p{Ll}\p{M}'’-]+$/u;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'du', 'la', 'le', 'bin', 'al', 'ibn', 'y']);
const DATE_VALUE_RE = new RegExp(`^${FULL_DATE}$`, 'iu');
const PHONE_VALUE_RE = /^\+?[\d\s().\/-]{7,24}$/;
const SSN_VALUE_RE = /^(?!000|666|9)\d{3}([- ]?)(?!00)\d{2}\1(?!0000)\d{4}$/;
const DOC_VALUE_RE = /^(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,19}$/i;
const ADDRESS_VALUE_RE = /^(?=.*\d)(?=.*\p{L}{2})[\p{L}\p{M}\d .,'’#/-]{5,}$/u;

/** Whether `v` is a person's name of the field's kind (`given` and `surname`: one to three words; `full`: two to four; `name`: up to four, see below). */
function nameValue(v: string, kind: Kind): boolean {
  const words = v.split(/[ \t]+/);
  const single = kind === 'given' || kind === 'surname';
  if (words.length > (single ? 3 : 4) || (kind === 'full' && words.length < 2)) return false;
  let known = 0;
  let real = 0;
  for (const w of words) {
    if (PARTICLES.has(w)) continue;
    if (NAME_WORD_RE.test(w)) {
      if (NOT_NAME_WORDS.has(w)) return false;
      if (GIVEN_NAMES.has(w) || SURNAMES.has(w) || WORD_SURNAMES.has(w)) known++;
    } else if (LOWER_WORD_RE.test(w) && (GIVEN_LOWER.has(w) || SURNAMES_LOWER.has(w))) known++;
    else return false;
    real++;
  }
  if (real === 0) return false;
  // a bare `name` field also names products, plans and teams: only a name of known words,
  // and one word only when it is a known given name that is not also an English word (`"name": "Maria"`, not `"name": "Will"`)
  if (kind !== 'name') return true;
  if (words.length === 1) return GIVEN_NAMES.has(v) && !GIVEN_WORDS_LOWER.has(v.toLowerCase());
  return known >= 1;
}

function valueFits(v: string, kind: Kind): boolean {
  if (v.length === 0 || isPlaceholder(v) || /^(?:null|none|n\/a|na|string|unknown|-+)$/i.test(v)) return false;
  switch (kind) {
    case 'given':
    case 'surname':
    case 'full':
    case 'name':
      return nameValue(v, kind);
    case 'dob':
      return DATE_VALUE_RE.test(v);
    case 'phone': {
      if (!PHONE_VALUE_RE.test(v)) return false;
      let digits = 0;
      for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) >= 48 && v.charCodeAt(i) <= 57) digits++;
      return digits >= 7 && digits <= 15;
    }
    case 'ssn':
      return SSN_VALUE_RE.test(v);
    case 'passport':
    case 'driver':
    case 'id':
      return DOC_VALUE_RE.test(v) && !/^\d{1,4}$/.test(v);
    case 'address':
      return ADDRESS_VALUE_RE.test(v);
  }
}

/** The field name ending right before `end` (after skipping a closing quote and blanks), as [start, end], or undefined. */
function keyBefore(text: string, end: number): [number, number] | undefined {
  let e = end;
  while (e > 0 && end - e < 3 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  const q = text.charCodeAt(e - 1);
  const quoted = q === 34 || q === 39; // " '
  if (quoted) e--;
  let s = e;
  while (s > 0 && e - s <= MAX_KEY && isKeyChar(text.charCodeAt(s - 1))) s--;
  if (s === e || e - s > MAX_KEY) return undefined;
  if (quoted && text.charCodeAt(s - 1) !== q) return undefined;
  return [s, e];
}

/** The value starting at `at` (blanks skipped, maybe quoted), as [start, end], or undefined when it is empty or its quote is not closed. */
function valueAt(text: string, at: number): [number, number] | undefined {
  let s = at;
  while (s < text.length && s - at < 16 && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
  const q = text.charCodeAt(s);
  if (q === 34 || q === 39) {
    const close = text.indexOf(text[s]!, s + 1);
    if (close === -1 || close - s > MAX_VALUE) return undefined;
    const v = text.slice(s + 1, close);
    return v.includes('\n') ? undefined : [s + 1, close];
  }
  let e = s;
  while (e < text.length && e - s <= MAX_VALUE && !',;&<>\n\r"\'{}[]()|'.includes(text[e]!)) e++;
  if (e - s > MAX_VALUE) return undefined;
  while (e > s && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  return e > s ? [s, e] : undefined;
}

function push(out: Candidate[], kind: Kind, start: number, end: number): void {
  const t = TYPES[kind];
  out.push({ kind: 'pii', type: t.type, start, end, confidence: t.confidence, label: t.label });
}

/** `key: value`, `key = value`, `"key": "value"`, `'key' => 'value'`: at each `:` and `=`. */
function scanKeyValues(text: string, out: Candidate[], sep: string): void {
  for (let p = text.indexOf(sep); p !== -1; p = text.indexOf(sep, p + 1)) {
    const next = text.charCodeAt(p + 1);
    if (next === 58 || (sep === '=' && next === 61) || (sep === ':' && next === 47)) continue; // '::', '==', '://'
    const key = keyBefore(text, p);
    if (!key) continue;
    let kind = fieldKindAt(text, key[0], key[1]);
    if (!kind) continue;
    let at = sep === '=' && next === 62 ? p + 2 : p + 1; // PHP `=>`
    // an HTML input: `name="lastname" value="Johansson"` (the field is the name attribute's value)
    if (sep === '=' && text.slice(key[0], key[1]).toLowerCase() === 'name') {
      const input = inputValue(text, p + 1);
      if (input) {
        kind = input.kind;
        at = input.at;
      }
    }
    const v = valueAt(text, at);
    if (!v) continue;
    if (valueFits(text.slice(v[0], v[1]), kind)) push(out, kind, v[0], v[1]);
  }
}

const INPUT_VALUE_RE = /^["']([\w.-]{1,48})["'][^<>]{0,100}?\bvalue=/;
/** After `name=` inside a tag: the named field's kind and where its `value=` starts. */
function inputValue(text: string, at: number): { kind: Kind; at: number } | undefined {
  const m = INPUT_VALUE_RE.exec(text.slice(at, at + 160));
  if (!m) return undefined;
  const kind = fieldKind(m[1]!);
  return kind ? { kind, at: at + m[0].length } : undefined;
}

/** `<firstName>Sophie</firstName>`: at each `</`, the element it closes. */
function scanElements(text: string, out: Candidate[]): void {
  for (let p = text.indexOf('</'); p !== -1; p = text.indexOf('</', p + 2)) {
    let e = p + 2;
    while (e < text.length && e - p <= MAX_KEY && isKeyChar(text.charCodeAt(e))) e++;
    if (text.charCodeAt(e) !== 62 || e === p + 2) continue; // '>'
    const name = text.slice(p + 2, e);
    const kind = fieldKind(name);
    if (!kind) continue;
    const open = `<${name}>`;
    // the opening tag within MAX_VALUE before (a bounded window: an unbounded lastIndexOf is quadratic)
    const from = Math.max(0, p - MAX_VALUE - open.length);
    const w = text.slice(from, p).lastIndexOf(open);
    if (w === -1) continue;
    let s = from + w + open.length;
    let end = p;
    while (s < end && /\s/.test(text[s]!)) s++;
    while (end > s && /\s/.test(text[end - 1]!)) end--;
    const v = text.slice(s, end);
    if (v.includes('<') || !valueFits(v, kind)) continue;
    push(out, kind, s, end);
  }
}

const INSERT_HEAD_RE = /insert[ \t]+into/i;
const INSERT_RE = /\binsert[ \t]+into[ \t]+[\w."`[\]]{1,80}[ \t]*\(([^()]{1,600})\)[ \t\r\n]*values[ \t\r\n]*/giy;
const SQL_VALUE_RE = /[ \t\r\n]*(?:'((?:[^'\n]|'')*)'|"([^"\n]*)"|(-?[\d.]+|null|NULL|true|false|TRUE|FALSE))[ \t\r\n]*([,)])/y;

/** `INSERT INTO t (first_name, phone) VALUES ('Kenji', '...'), (...)`: the values of the named columns, by position. */
function scanInserts(text: string, out: Candidate[]): void {
  const nextSearch = (from: number): number => {
    const rest = text.slice(from).search(INSERT_HEAD_RE);
    return rest === -1 ? -1 : from + rest;
  };
  for (let p = nextSearch(0); p !== -1 && p < text.length; ) {
    INSERT_RE.lastIndex = p;
    const m = INSERT_RE.exec(text);
    if (!m) {
      p = nextSearch(p + 6);
      continue;
    }
    const kinds = m[1]!.split(',').map((c) => fieldKind(c.trim().replace(/^["`[]|["`\]]$/g, '')));
    let i = m.index + m[0].length;
    if (!kinds.some(Boolean)) {
      p = nextSearch(i);
      continue;
    }
    // up to 1,000 rows of the values, each `(v1, v2, ...)`
    for (let rows = 0; rows < 1000 && text[i] === '('; rows++) {
      i++;
      for (let col = 0; ; col++) {
        SQL_VALUE_RE.lastIndex = i;
        const v = SQL_VALUE_RE.exec(text);
        if (!v) break;
        const kind = kinds[col];
        const raw = v[1] ?? v[2];
        if (kind && raw) {
          const start = v.index + v[0].indexOf(v[1] !== undefined ? "'" : '"') + 1;
          if (valueFits(raw.replace(/''/g, "'"), kind)) push(out, kind, start, start + raw.length);
        }
        i = SQL_VALUE_RE.lastIndex;
        if (v[4] === ')') break;
      }
      while (i < text.length && /[ \t\r\n,]/.test(text[i]!)) i++;
    }
    p = nextSearch(i);
  }
}

/**
 * Find personal data in the values of named fields.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanFields('{"first_name": "Maria", "dob": "1988-04-12"}', out); // person "Maria", date_of_birth "1988-04-12"
 * ```
 */
export function scanFields(text: string, out: Candidate[]): void {
  if (text.includes(':')) scanKeyValues(text, out, ':');
  if (text.includes('=')) scanKeyValues(text, out, '=');
  if (text.includes('</')) scanElements(text, out);
  // `insert` alone is searched only with `values` in the text: a search led by `i` stops at every `i` (0.5 ms/MB of prose)
  if (text.includes('INSERT') || text.includes('Insert') || (text.includes('values') && text.includes('insert'))) scanInserts(text, out);
}
