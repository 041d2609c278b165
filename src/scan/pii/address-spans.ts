/**
 * Street-address spans after overlaps are resolved, so that one postal
 * address is one span and no part of it is left in redacted text:
 *
 * - A cue value ends at the first period, also the one of `Apt.` (`ship to
 *   41377 Schachterlweg 62 Apt. 501`): a span that ends on a unit word takes
 *   the unit's number.
 * - A span that stops at an abbreviation's period before the house number
 *   (`6076 Piroska u. 97.`) takes the number.
 * - On its line, a span takes the pieces that start with a unit or the
 *   unit's number (`4880 Betburweg 74` + `Suite 967` + `Apt. 267`), then
 *   the place words after it (`, Lascano, Uruguay 80694`, ` POLSING OO` at
 *   the line's end).
 * - An address written inside a sentence that runs on over the next lines
 *   (`... billing address with 4241 Steinfelden 73\nSAVONLINNA\n, SV\n 77233`)
 *   takes those lines while they read like the rest of a postal address: a
 *   unit line, a city, a region after a comma, a country, a postcode; a
 *   last line may end at its postcode with the sentence going on
 *   (`Iceland 72399 after the concert.`).
 *
 * (Joining every touching piece of one line was measured too: the
 * presidio_synth gold marks such pieces as separate spans as often as as one,
 * and span recall fell, 182 -> 178 of 318. Only unit pieces are joined.)
 */
import type { Candidate } from '../secrets/candidate.js';

/** The words that open a unit of a building. */
const UNIT_WORDS = 'Apt|Apartment|Suite|Ste|Unit';
const UNIT_WORD_END_RE = new RegExp(`\\b(?:${UNIT_WORDS})\\.?$`);
/** The rest of a unit after its word: `. 204`, ` #12`, `. 4B`. */
const UNIT_NUMBER_RE = /\.?[ \t]{0,2}#?\d[A-Za-z0-9]{0,5}(?![A-Za-z0-9])/y;
/** A unit line: `Apt. 949`, `Suite 321`, `P.O. Box 12`. */
const UNIT_LINE_RE = /^(?:apt|apartment|suite|ste|unit|floor|building|p\.?[ \t]?o\.?[ \t]box|po box)\.?[ \t]*#?\d[A-Za-z0-9]{0,5}$/i;
/** Lower-case words a city, region or country line may hold (`Humilimont, nan 78618`, `Cite de la Paix`). */
const LOWER_OK: ReadonlySet<string> = new Set(['nan', 'de', 'la', 'le', 'les', 'du', 'di', 'da', 'do', 'dos', 'das', 'del', 'della', 'van', 'von', 'der', 'den', 'am', 'an', 'im', 'bei', 'upon', 'on', 'of', 'the', 'en', 'sur']);
const PLACE_TOKEN_RE = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\d{3,10}(?:-\d{3,4})?|\d{2}-\d{3}|[A-Z]{1,3}\d[A-Z\d]{0,2}|\([\p{L} ]{2,20}\))$/u;
/** Lines after an address that may continue it (exported for the output stream's hold). */
export const ADDRESS_CONTINUATION_LINES = 4;
const UNIT_WORD_START_RE = new RegExp(`^(?:${UNIT_WORDS})\\b`);
/** Between a street and the unit's number: the unit word (`...45` + ` Apt. ` + `815 Suite 979`). */
const UNIT_GAP_RE = new RegExp(`^[ \\t]*,?[ \\t]*(?:${UNIT_WORDS})\\.?[ \\t]{1,2}#?$`);
const PLACE_WORD = "(?:\\p{Lu}[\\p{L}\\p{M}'’-]*|\\d{4,10}(?:-\\d{3,4})?|\\d{2}-\\d{3}|nan)";
/** After a comma: up to four place words (`, Lascano, Uruguay 80694`), then the line's end, a sentence end, markup that closes a value (a quote, a bracket, a table cell's `|`, `**`, a backtick, a closing tag) or prose. */
const PLACE_AFTER_COMMA_RE = new RegExp(`^(?:,[ \\t]*${PLACE_WORD}(?:[ \\t]+${PLACE_WORD}){0,3}){1,3}(?=[ \\t]*(?:$|[.?!;"”)\\]}|*\`<]|'(?!\\p{L})|,?[ \\t]+\\p{Ll}))`, 'u');
/** Without a comma first: place words that run to the end of the line or to markup that closes a value (` POLSING OO`, ` Soloi Cyprus`, ` Paris, France`). */
const PLACE_TO_LINE_END_RE = new RegExp(`^(?:,?[ \\t]+${PLACE_WORD}){1,4}(?=[ \\t]*(?:$|["”)\\]}|*\`<]|'(?!\\p{L})))`, 'u');
/** A house number after an abbreviation's period (`6076 Piroska u. 97.`: the cue value stopped at `u.`). */
const NUMBER_AFTER_PERIOD_RE = /\.[ \t]{1,2}\d{1,5}[A-Za-z]?\b\.?/y;
/** A stair letter and a flat number after a house number, before a comma or the line's end (` B 5`, ` A`). */
const STAIR_UNIT_RE = /[ \t]{1,2}[A-Z](?:[ \t]{1,2}\d{1,4})?(?=[ \t]*(?:,|\r?\n|$))/y;
/** A last line that ends the address at its postcode, with the sentence going on after it (`Iceland 72399 after the concert.`). */
const POSTCODE_THEN_PROSE_RE = /^(.{1,45}?[ \t]\d{4,10}(?:-\d{3,4})?)(?=[ \t]*[.?!,;]|[ \t]+\p{Ll})/u;

/** A line (trimmed) that continues a postal address: a unit, or up to six words of capitalised names, a region after a comma and postcodes. */
export function continuesAddress(line: string): boolean {
  if (line.length === 0 || line.length > 50) return false;
  if (UNIT_LINE_RE.test(line)) return true;
  if (/[.!?:;@]$|https?:|www\./i.test(line)) return false;
  const tokens = line.replace(/^,[ \t]*/, '').split(/[ \t,]+/).filter(Boolean);
  if (tokens.length === 0 || tokens.length > 6) return false;
  return tokens.every((t) => PLACE_TOKEN_RE.test(t) || LOWER_OK.has(t));
}

const LINE_REACH = 120;

/** The next `\n` at or after `from`, looking at most `max` characters ahead (then `from + max`, or the text's end). */
function lineEndWithin(text: string, from: number, max: number): number {
  const stop = Math.min(text.length, from + max);
  for (let k = from; k < stop; k++) if (text.charCodeAt(k) === 10) return k;
  return stop;
}

/** Length of the start of `line` (trimmed) that ends an address at its postcode, the sentence going on after it (`Iceland 72399 after the concert.`), or 0. */
export function addressEndInLine(line: string): number {
  const p = POSTCODE_THEN_PROSE_RE.exec(line);
  return p && continuesAddress(p[1]) ? p[1].length : 0;
}

/**
 * `street_address` candidates (sorted, non-overlapping) completed as above,
 * as a new list (`cands` itself when it holds none): the unit and place words on the line, then the continuation
 * lines, never over another candidate (a street-address candidate that is a
 * unit piece or lies on a continuation line is taken in).
 *
 * @example
 * ```ts
 * const text = 'ship to 41377 Schachterlweg 62 Apt. 501';
 * const [c] = completeAddressSpans(text, [{ kind: 'pii', type: 'street_address', start: 8, end: 34, confidence: 0.6 }]);
 * text.slice(c.start, c.end); // '41377 Schachterlweg 62 Apt. 501'
 * ```
 */
export function completeAddressSpans(text: string, cands: Candidate[]): Candidate[] {
  if (!cands.some((c) => c.type === 'street_address')) return cands;
  const out: Candidate[] = [];
  for (let i = 0; i < cands.length; i++) {
    const c = cands[i];
    if (c.type !== 'street_address') {
      out.push(c);
      continue;
    }
    let end = c.end;
    let next = cands[i + 1];
    let confidence = c.confidence;
    // on its own line: the unit number, the unit that follows, the number after an abbreviation
    for (;;) {
      const unitEnd = UNIT_WORD_END_RE.test(text.slice(Math.max(c.start, end - 11), end));
      if (next && next.type === 'street_address' && next.start - end <= 16) {
        const gap = text.slice(end, next.start);
        // "...45 Apt" + "815 Suite 979": the next piece starts with this unit's number; "...150" + "Suite 691": it is this address's unit
        const numberNext = /\d/.test(text[next.start]);
        if (
          (unitEnd && numberNext && /^\.?[ \t]{0,2}#?$/.test(gap)) ||
          (numberNext && UNIT_GAP_RE.test(gap)) ||
          (gap.length > 0 && /^[ \t]*,?[ \t]*$/.test(gap) && UNIT_WORD_START_RE.test(text.slice(next.start, next.start + 10)))
        ) {
          end = next.end;
          confidence = Math.max(confidence, next.confidence);
          i++;
          next = cands[i + 1];
          continue;
        }
      }
      const after = unitEnd ? UNIT_NUMBER_RE : /[\p{L}\p{M}]$/u.test(text.slice(end - 1, end)) ? NUMBER_AFTER_PERIOD_RE : undefined;
      if (after) {
        after.lastIndex = end;
        const u = after.exec(text);
        if (u && (!next || next.start >= end + u[0].length)) {
          end += u[0].length;
          continue;
        }
      }
      break;
    }
    // a Nordic stair and flat after the house number: "Mannerheimintie 12 B 5, 00100 Helsinki"
    if (/\d/.test(text[end - 1] ?? '')) {
      STAIR_UNIT_RE.lastIndex = end;
      const u = STAIR_UNIT_RE.exec(text);
      if (u && (!next || next.start >= end + u[0].length)) end += u[0].length;
    }
    // the rest of the line names the place: ", Lascano, Uruguay 80694", " Birmensdorf nan" at the end of the line
    {
      // read on the next 120 characters of the line; in a longer line their end is not the line's end (a NUL matches no `$`)
      const eol = lineEndWithin(text, end, 121);
      const rest = eol - end <= 120 ? text.slice(end, eol) : text.slice(end, end + 120) + '\u0000';
      const p = (text[end] === ',' ? PLACE_AFTER_COMMA_RE : PLACE_TO_LINE_END_RE).exec(rest);
      // never over another finding
      if (p && (!next || next.start >= end + p[0].length)) end += p[0].length;
    }
    // the address ends its line: take the lines that continue it
    let eol = end;
    while (eol < text.length && eol - end < 16 && (text[eol] === ' ' || text[eol] === '\t' || text[eol] === ',' || text[eol] === '\r')) eol++;
    if (text[eol] === '\n') {
      for (let lines = 0; lines < ADDRESS_CONTINUATION_LINES && text[eol] === '\n'; lines++) {
        const ls = eol + 1;
        // only a line's first LINE_REACH characters can continue an address (a longer line ends it)
        const le = lineEndWithin(text, ls, LINE_REACH);
        let a = ls;
        while (a < le && (text[a] === ' ' || text[a] === '\t')) a++;
        let b = le;
        while (b > a && (text[b - 1] === ' ' || text[b - 1] === '\t' || text[b - 1] === '\r')) b--;
        const line = text.slice(a, b);
        if (!continuesAddress(line)) {
          // the address may end at a postcode inside this line
          const n = addressEndInLine(line);
          if (n > 0 && (!next || next.start >= a + n)) end = a + n;
          break;
        }
        // a finding on that line: a street address (a unit line) is taken in, anything else ends the address
        if (next && next.start < b) {
          if (next.type !== 'street_address' || next.end > b) break;
          i++;
          next = cands[i + 1];
        }
        end = b;
        eol = le;
      }
    }
    out.push(end === c.end && confidence === c.confidence ? c : { ...c, end, confidence });
  }
  return out;
}
