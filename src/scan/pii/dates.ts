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
const BORN_YEAR_RE = /\bborn[ \t]+in[ \t]+((?:19|20)\d{2})\b/gi;
const AGE_RE = /\b(?:aged|age[ \t]*[:=]|age[ \t]+is|i'?ll[ \t]+turn|i[ \t]+am[ \t]+turning|turned)[ \t]*(\d{1,3})\b|\b(\d{1,3})[ \t-]*(?:years?|yrs?)[ \t-]*old\b/iy;
/**
 * Where DOB_RE / DOB_SPLIT_RE and AGE_RE can start (a superset, found by plain
 * alternations without `u`): the sticky regexes run only there (OffsetScan);
 * a global `iu` alternation is tried at every position.
 */
const DOB_HEAD_RE = /\b(?:date|birth|d\.?o\.?b|born|geb|fecha|nacid|né|data|nat[oa])/gi;
const AGE_HEAD_RE = /\b(?:age|i'?ll|i[ \t]+am|turned|\d)/gi;
/** Cheap gates: the cue regexes above only run when one of their cue words occurs at all. */
const DOB_GATE_RE = /birth|dob|d\.o\.b|born|geburt|geboren|nacimiento|nacid|naissance|né|nascita|nat[oa] il/i;
const AGE_GATE_RE = /age|turn|old/i;

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
export function scanDates(text: string, out: Candidate[]): void {
  let m: RegExpExecArray | null;
  const dob = DOB_GATE_RE.test(text);
  const dobStarts = dob ? matchStarts(DOB_HEAD_RE, text) : undefined;
  for (const re of dobStarts ? [DOB_RE, DOB_SPLIT_RE] : []) {
    const scan = new OffsetScan(re, text, dobStarts!);
    while ((m = scan.exec()) !== null) {
      const start = m.index + m[0].length - m[1].length;
      push(out, 'date_of_birth', start, start + m[1].length, 0.6, 'date of birth');
    }
  }
  BORN_YEAR_RE.lastIndex = 0;
  while (dob && (m = BORN_YEAR_RE.exec(text)) !== null) {
    const start = m.index + m[0].length - m[1].length;
    push(out, 'date_of_birth', start, start + 4, 0.4, 'year of birth');
  }
  if (!AGE_GATE_RE.test(text)) return;
  const ages = new OffsetScan(AGE_RE, text, matchStarts(AGE_HEAD_RE, text));
  while ((m = ages.exec()) !== null) {
    const v = m[1] ?? m[2];
    const n = Number(v);
    if (n < 1 || n > 120) continue;
    const start = m[1] ? m.index + m[0].length - v.length : m.index + m[0].indexOf(v);
    push(out, 'age', start, start + v.length, 0.4, 'age');
  }
}

/** The cue regexes run at their heads, for the test that compares them with whole-text scans. */
export const DATE_HEAD_SCANS: readonly { head: RegExp; re: RegExp }[] = [
  { head: DOB_HEAD_RE, re: DOB_RE },
  { head: DOB_HEAD_RE, re: DOB_SPLIT_RE },
  { head: AGE_HEAD_RE, re: AGE_RE },
];
