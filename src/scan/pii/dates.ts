/**
 * Dates of birth and ages, only next to a cue word. A bare date or number is
 * not personal data on its own (and ordinary prompts are full of them), so:
 *
 * - `date_of_birth` (0.6): a full date (day, month and year) right after
 *   "date of birth", "DOB", "born on", "birthday is", "Geburtsdatum",
 *   "fecha de nacimiento", "né le", "data di nascita"...; a year alone after
 *   "born in" is 0.4 (below the default threshold);
 * - `age` (0.4, below the default threshold): "aged 45", "45 years old",
 *   "age: 45", "I'll turn 23".
 */
import type { Candidate } from '../secrets/candidate.js';
import { OffsetScan, matchStarts } from '../offset-scan.js';
import { digitRuns } from './digit-runs.js';
import { createHeadIndex } from '../head-index.js';
import { mergeOffsets } from '../int32.js';

const MONTH =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|Januar|Februar|März|Juni|Juli|Oktober|Dezember|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre';
/** A full date: numeric d/m/y or m/d/y (/, -, .), ISO y-m-d, "5 May 1980", "May 5, 1980", "5-MAY-1980". */
export const FULL_DATE = `(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)?[ \\t-](?:of[ \\t]+)?(?:${MONTH})\\.?,?[ \\t-]\\d{4}|(?:${MONTH})\\.?[ \\t]+\\d{1,2}(?:st|nd|rd|th)?,?[ \\t]+\\d{4})`;
/** The date-of-birth cue phrases (a regex source); exported for the output stream's hold. */
export const DOB_CUES =
  'date[ \\t]+of[ \\t]+birth|birth[ \\t]?date|d\\.?o\\.?b\\.?|born(?:[ \\t]+on)?|birthday(?:[ \\t]+is)?|geburtsdatum|geboren(?:[ \\t]+am)?|fecha[ \\t]+de[ \\t]+nacimiento|nacid[oa][ \\t]+el|date[ \\t]+de[ \\t]+naissance|né(?:e)?[ \\t]+le|data[ \\t]+di[ \\t]+nascita|nato[ \\t]+il|nata[ \\t]+il';
const DOB_RE = new RegExp(
  `(?:\\b(?:${DOB_CUES}))(?:[ \\t]*(?:is|was|:|-|=|of))?[ \\t]*(?:(?:it'?s|it[ \\t]+is)[ \\t]+)?(?:on[ \\t]+)?(${FULL_DATE})(?![\\d/.-]\\d)`,
  'iuy',
);
/** The DOB cue and the date may be split by a sentence end ("Please tell me your date of birth. It's 9/25/1945"). */
const DOB_SPLIT_RE = new RegExp(`\\b(?:date[ \\t]+of[ \\t]+birth|d\\.?o\\.?b\\.?|birthday)[^\\n\\d]{0,30}?(${FULL_DATE})(?![\\d/.-]\\d)`, 'iuy');
const BORN_YEAR_RE = /\bborn[ \t]+in[ \t]+((?:19|20)\d{2})\b/iy;
const AGE_RE = /\b(?:aged|age[ \t]*[:=]|age[ \t]+is|i'?ll[ \t]+turn|i[ \t]+am[ \t]+turning|turned)[ \t]*(\d{1,3})\b|\b(\d{1,3})[ \t-]*(?:years?|yrs?)[ \t-]*old\b/iy;
/**
 * Where DOB_RE / DOB_SPLIT_RE / BORN_YEAR_RE and AGE_RE can start (a superset): the sticky regexes
 * run only there (OffsetScan); a global `iu` alternation is tried at every position. The heads are
 * found with the other cue heads in one pass (cue-heads.ts, head-index.ts: three literal characters
 * each); the starts the index cannot read (`d.o.b`, a tab in `i\tam`) come from DATE_HEAD_REST_RE.
 */
const DOB_HEAD_RE = /\b(?:dat|bir|dob|bor|geb|fec|nac|né|nat)/gi;
const AGE_HEAD_RE = /\b(?:age|i'l|ill|i a|i  |tur)/gi;
const DATE_HEAD_REST_RE = /\b(?:d\.o|do\.b|i\t)/gi;
/** The date cue heads, in the order of `dateHeadStarts` (cue-heads.ts indexes them with the others). */
export const DATE_CUE_HEADS: readonly RegExp[] = [DOB_HEAD_RE, AGE_HEAD_RE];
const DATE_HEAD_INDEX = createHeadIndex(DATE_CUE_HEADS);

/**
 * Where each date cue head matches, in one pass.
 *
 * @example
 * ```ts
 * dateHeadStarts('DOB 1987-03-12')[0]; // Int32Array [0]
 * ```
 */
export function dateHeadStarts(text: string): Int32Array[] {
  return DATE_HEAD_INDEX.find(text);
}

/** The date-of-birth and the age starts: the heads (`dateHeadStarts(text)`), the rest regex's starts and the `45 years old` numbers. */
function dateStarts(text: string, heads: Int32Array[], runs: Int32Array): { dob: Int32Array; age: Int32Array } {
  let dob = heads[0];
  let age = heads[1];
  const rest = matchStarts(DATE_HEAD_REST_RE, text);
  if (rest.length > 0) {
    const isAge = (p: number) => (text.charCodeAt(p) | 32) === 105; // `i`
    dob = mergeOffsets(dob, rest.filter((p) => !isAge(p)));
    age = mergeOffsets(age, rest.filter(isAge));
  }
  return { dob, age: ageStarts(text, age, runs) };
}

/**
 * Where AGE_RE can start: its cue heads, and for `45 years old` a run of 1-3 digits (`runs` is
 * `digitRuns(text)`) followed by blanks or dashes and a `y` (a head `\d` was tried at every number).
 */
function ageStarts(text: string, heads: Int32Array, runs: Int32Array): Int32Array {
  const numbers: number[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    if (runs[k + 1] - runs[k] > 3) continue;
    let i = runs[k + 1];
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 45; c = text.charCodeAt(++i));
    if ((text.charCodeAt(i) | 32) === 121) numbers.push(runs[k]);
  }
  return numbers.length === 0 ? heads : mergeOffsets(heads, numbers);
}

function push(out: Candidate[], type: string, start: number, end: number, confidence: number, label: string): void {
  out.push({ kind: 'pii', type, start, end, confidence, label });
}

/**
 * Find dates of birth and ages announced by a cue.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanDates('DOB: 12/03/1987', out); // out[0].type === 'date_of_birth'
 * ```
 */
export function scanDates(text: string, out: Candidate[], runs: Int32Array = digitRuns(text), heads: Int32Array[] = dateHeadStarts(text)): void {
  let m: RegExpExecArray | null;
  const starts = dateStarts(text, heads, runs);
  for (const re of [DOB_RE, DOB_SPLIT_RE]) {
    const scan = new OffsetScan(re, text, starts.dob);
    while ((m = scan.exec()) !== null) {
      const start = m.index + m[0].length - m[1].length;
      push(out, 'date_of_birth', start, start + m[1].length, 0.6, 'date of birth');
    }
  }
  const years = new OffsetScan(BORN_YEAR_RE, text, starts.dob);
  while ((m = years.exec()) !== null) {
    const start = m.index + m[0].length - m[1].length;
    push(out, 'date_of_birth', start, start + 4, 0.4, 'year of birth');
  }
  const ages = new OffsetScan(AGE_RE, text, starts.age);
  while ((m = ages.exec()) !== null) {
    const v = m[1] ?? m[2];
    const n = Number(v);
    if (n < 1 || n > 120) continue;
    const start = m[1] ? m.index + m[0].length - v.length : m.index + m[0].indexOf(v);
    push(out, 'age', start, start + v.length, 0.4, 'age');
  }
}

/** The cue regexes and the starts they run at, for the test that compares them with whole-text scans. */
export const DATE_HEAD_SCANS: readonly { re: RegExp; starts: (text: string) => Int32Array }[] = [
  { re: DOB_RE, starts: (text) => dateStarts(text, dateHeadStarts(text), digitRuns(text)).dob },
  { re: DOB_SPLIT_RE, starts: (text) => dateStarts(text, dateHeadStarts(text), digitRuns(text)).dob },
  { re: BORN_YEAR_RE, starts: (text) => dateStarts(text, dateHeadStarts(text), digitRuns(text)).dob },
  { re: AGE_RE, starts: (text) => dateStarts(text, dateHeadStarts(text), digitRuns(text)).age },
];
