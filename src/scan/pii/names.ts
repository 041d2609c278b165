/**
 * Person names and street addresses: local heuristics only (no NER model).
 * See docs/detectors.md for measured limits.
 */
import type { Candidate } from '../secrets/candidate.js';
import { GIVEN_NAMES, NOT_NAME_WORDS } from './names-data.js';

const CAP = "\\p{Lu}[\\p{Ll}'’]+(?:-\\p{Lu}?[\\p{Ll}'’]+)?";
const NAME_SEQ = `${CAP}(?:[ \\t]+(?:\\p{Lu}\\.|${CAP})){0,3}`;

const TITLE_RE = new RegExp(`\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Madam|Mme|Mlle|Herr|Frau|Sr|Sra|Srta)\\.?[ \\t]+(${NAME_SEQ})`, 'gu');
const CUE_RE = new RegExp(
  `(?:\\b(?:[Mm]y name is|[Nn]ame is|[Nn]amed|[Cc]alled|[Cc]all me|[Ss]igned|[Rr]egards,|[Ss]incerely,|[Cc]heers,|[Ss]ays|[Ss]aid)|\\b(?:[Nn]ame|[Ff]ull [Nn]ame|[Cc]ustomer|[Pp]atient|[Ee]mployee|[Gg]uardian|[Rr]ecipient|[Ss]ender|[Aa]uthor|[Aa]ttn|[Aa]ttention|[Bb]illing address|[Ss]hip to)[ \\t]*:)[ \\t\\n]+(${NAME_SEQ})`,
  'gu',
);
const WORD_RE = /\p{Lu}[\p{Ll}'’]+/gu;

function trimName(seq: string): string {
  // drop trailing words that are clearly not part of a name
  const parts = seq.split(/[ \t]+/);
  while (parts.length > 1 && NOT_NAME_WORDS.has(parts[parts.length - 1])) parts.pop();
  return parts.join(' ');
}

/**
 * Find likely person names.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanNames('Please ask Mr. Hughes', out); // out[0].type === 'person'
 * ```
 */
export function scanNames(text: string, out: Candidate[]): void {
  let m: RegExpExecArray | null;
  TITLE_RE.lastIndex = 0;
  while ((m = TITLE_RE.exec(text)) !== null) {
    const name = trimName(m[1]);
    if (NOT_NAME_WORDS.has(name)) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ kind: 'pii', type: 'person', start, end: start + name.length, confidence: 0.75, label: 'person name' });
  }
  CUE_RE.lastIndex = 0;
  while ((m = CUE_RE.exec(text)) !== null) {
    const name = trimName(m[1]);
    if (NOT_NAME_WORDS.has(name.split(' ')[0])) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ kind: 'pii', type: 'person', start, end: start + name.length, confidence: 0.7, label: 'person name' });
  }
  WORD_RE.lastIndex = 0;
  while ((m = WORD_RE.exec(text)) !== null) {
    if (!GIVEN_NAMES.has(m[0])) continue;
    const start = m.index;
    let end = start + m[0].length;
    // extend over an initial and up to two capitalised surnames
    const rest = /^(?:[ \t]+(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?)){1,3}/u.exec(text.slice(end, end + 80));
    let words = 1;
    if (rest) {
      const parts = rest[0].trim().split(/[ \t]+/);
      const kept: string[] = [];
      for (const p of parts) {
        if (NOT_NAME_WORDS.has(p)) break;
        kept.push(p);
      }
      if (kept.length) {
        const seg = rest[0].slice(0, rest[0].indexOf(kept[kept.length - 1]) + kept[kept.length - 1].length);
        end += seg.length;
        words += kept.length;
      }
    }
    WORD_RE.lastIndex = end;
    out.push({ kind: 'pii', type: 'person', start, end, confidence: words > 1 ? 0.7 : 0.55, label: 'person name' });
  }
}

const SUFFIX =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Square|Sq|Terrace|Ter|Way|Parkway|Pkwy|Highway|Hwy|Crescent|Cres|Close|Circle|Cir|Trail|Trl|Row|Alley|Plaza|Turnpike|Tpke|Gardens|Walk|Heights|Grove|Mews|Flats|Lodge|Manor|Expressway|Freeway|Pike|Point|Ridge|Run|Crossing|Loop|Green|Hollow|Landing|Meadows?|Harbor|Station|Str\\.';
const US_ADDR_RE = new RegExp(`(?<![\\w-])\\d{1,6}[A-Za-z]?(?:[ \\t]+(?:[NSEW]\\.?|North|South|East|West))?(?:[ \\t]+\\p{Lu}[\\p{L}'’.-]*){1,4}[ \\t]+(?:${SUFFIX})\\b\\.?(?:[ \\t]+(?:North|South|East|West|[NSEW]{1,2}))?(?:,?[ \\t]+(?:Apt\\.?|Apartment|Suite|Ste\\.?|Unit|#)[ \\t]*#?\\w{1,6})?`, 'gu');
const EU_PREFIX_RE = /\b(?:Rua|Avenida|Av\.|Calle|C\/|Carrer|Via|Viale|Piazza|Corso|Rue|Avenue|Boulevard|Chemin|Allée|Place|Ul\.|ul\.|Ulica|Plac|Aleja|Strada|Odos|Leoforos)[ \t]+(?:(?:d[eiaou]s?|del|della|di|la|le|du|des|de la)[ \t]+)?\p{Lu}[\p{L}'’.-]*(?:[ \t]+\p{Lu}?[\p{L}'’.-]+){0,3},?[ \t]+\d{1,5}[A-Za-z]?\b/gu;
const EU_SUFFIX_RE = /\b\p{Lu}[\p{L}-]{1,30}(?:straße|strasse|str\.|gasse|weg|allee|platz|ring|laan|straat|plein|gracht|kade|vej|vegen|veien|vägen|gatan|gade|stræde|vegur|katu|tie|utca|ulice|ut)[ \t]+\d{1,5}[A-Za-z]?\b/gu;
const UNIT_RE = /\b(?:Apt\.?|Apartment|Suite|Unit|P\.?[ \t]?O\.?[ \t]Box|PO Box)[ \t]+#?\d{1,6}\b(?:[ \t]+Box[ \t]+\d{1,6})?/gu;
const MILITARY_RE = /\b(?:USNS|USS|USNV|USCGC|PSC|Unit)[ \t]+[\p{L}\d \t]{1,40}\n?[ \t]*(?:FPO|APO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5}\b/gu;

/**
 * Find street addresses: number + street name + suffix (US/UK style),
 * European street-type prefixes/suffixes with a house number, unit / PO box
 * lines and military addresses.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanAddresses('ship to 221 Baker Street', out); // out[0].type === 'street_address'
 * ```
 */
export function scanAddresses(text: string, out: Candidate[]): void {
  if (!/\d/.test(text)) return;
  for (const [re, conf] of [
    [US_ADDR_RE, 0.75],
    [EU_PREFIX_RE, 0.7],
    [EU_SUFFIX_RE, 0.7],
    [MILITARY_RE, 0.75],
    [UNIT_RE, 0.55],
  ] as const) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      out.push({ kind: 'pii', type: 'street_address', start: m.index, end: m.index + m[0].length, confidence: conf, label: 'street address' });
    }
  }
}
