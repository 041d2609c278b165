/**
 * Opt-in personal data (`extraTypes`): any date or timestamp (`date_time`) and
 * web addresses (`url`). Off by default: prompts are full of meeting dates and
 * links to summarise, which are not about a person. Presidio reports both, and
 * HIPAA's Safe Harbor method lists dates (other than the year) and URLs among
 * the identifiers to remove; turn them on for that kind of redaction.
 */
import type { Candidate } from '../secrets/candidate.js';
import { FULL_DATE } from './dates.js';

const MONTHS = 'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?';
/** ISO 8601 timestamps and dates, full dates (numeric or with a month name), month and year, day and month, numeric month/year and month/day (a two-digit day: `1/2` is a half). */
const DATE_TIME_RE = new RegExp(
  '(?<![\\w/.:-])(?:' +
    [
      '\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?',
      FULL_DATE,
      `(?:${MONTHS})[ -](?:\\d{4}|\\d{2})`,
      `\\d{1,2}[ -](?:${MONTHS})`,
      '(?:0?[1-9]|1[0-2])[/-](?:19|20)\\d{2}',
      '(?:0?[1-9]|1[0-2])/(?:0[1-9]|[12]\\d|3[01])',
    ].join('|') +
    ')(?![\\w/:-]|\\.\\d)',
  'giu',
);

/**
 * Dates and timestamps as `date_time` (0.6), each checked for a real month
 * and day where it has them.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanDateTimes('Today is 2024-03-15T14:30:00Z', out); // out[0].type === 'date_time'
 * ```
 */
export function scanDateTimes(text: string, out: Candidate[]): void {
  DATE_TIME_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATE_TIME_RE.exec(text)) !== null) {
    const v = m[0];
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
    if (iso && (+iso[2]! < 1 || +iso[2]! > 12 || +iso[3]! < 1 || +iso[3]! > 31)) continue;
    out.push({ kind: 'pii', type: 'date_time', start: m.index, end: m.index + v.length, confidence: 0.6, label: 'date or time' });
  }
}

/** A scheme URL, a `www.` host, or a bare host name under a common top-level domain. */
const URL_RE = /\b(?:(?:https?|ftp):\/\/[^\s<>"'`]{1,2000}|www\.[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}(?:\/[^\s<>"'`]{0,2000})?|[A-Za-z0-9-]{1,63}\.(?:com|org|net|edu|gov|io|co|ai|app|dev)(?![\w-]|\.[A-Za-z0-9])(?:\/[^\s<>"'`]{0,2000})?)/g;
/** A host with a dot and an alphabetic top-level domain (`http://microsoft` is not an address). */
const HOST_RE = /^(?:(?:https?|ftp):\/\/)?(?:[^@/\s]*@)?([A-Za-z0-9.-]+)/;

/**
 * Web addresses as `url` (0.6): trailing sentence punctuation and an unmatched
 * closing bracket are not part of them.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanWebAddresses('see https://www.example.com/store/abc/.', out); // out[0] spans 'https://www.example.com/store/abc/'
 * ```
 */
export function scanWebAddresses(text: string, out: Candidate[]): void {
  if (!text.includes('.')) return;
  URL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = URL_RE.exec(text)) !== null) {
    let v = m[0].replace(/[.,;:!?]+$/, '');
    if (v.endsWith(')') && !v.includes('(')) v = v.slice(0, -1);
    const host = HOST_RE.exec(v)?.[1] ?? '';
    const tld = host.slice(host.lastIndexOf('.') + 1);
    if (!host.includes('.') || !/^(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59})$/.test(tld)) continue;
    out.push({ kind: 'pii', type: 'url', start: m.index, end: m.index + v.length, confidence: 0.6, label: 'URL' });
  }
}
