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
const ASK_RE = new RegExp(
  `(?:[Ww]hat'?s your (?:(?:first|last|full) )?name\\??|[Nn]ame on the account\\??|[Cc]hange it to|[Ww]e need to add|I want to add|[Dd]irected [Bb]y:?|[Aa]ssistant to|I'm|I am)[ \\t\\n]+(?:User:[ \\t]*)?(${NAME_SEQ})`,
  'gu',
);
/** Surname endings common across European and Asian naming traditions. */
const SURNAME_END = /(?:sson|ez|ov|ova|ev|eva|in[ae]|ski|ska|sky|dóttir|dottir|ić|vić|escu|enko|berg|stein|mann|ini|elli|oglu|oğlu|poulos|idis|akis|ová|ský|czyk|wicz|vich|vili|dze|aitis|ainen|nen|yama|moto|kawa|mura|hara|uchi|eddine|ides)$/u;
const CAP_SEQ_RE = /\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?(?:[ \t]+(?:\p{Lu}\.?[ \t]+)?\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?){0,2}/gu;
const PLACE_WORDS = /^(?:New|San|Santa|Saint|St|Port|Lake|Mount|North|South|East|West|United|Republic|Kingdom|Island|Islands|City|County|University|Bank|Inc|Ltd|LLC|Group|Software|Street|Avenue|Road)$/;

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
  ASK_RE.lastIndex = 0;
  while ((m = ASK_RE.exec(text)) !== null) {
    const name = trimName(m[1]);
    if (NOT_NAME_WORDS.has(name.split(' ')[0])) continue;
    if (/^I/.test(m[0]) && !name.includes(' ')) continue; // "I'm Fine"
    const start = m.index + m[0].length - m[1].length;
    out.push({ kind: 'pii', type: 'person', start, end: start + name.length, confidence: 0.65, label: 'person name' });
  }
  // capitalised words ending like a surname (Petrov, Hansen, Kowalski), not at a sentence start
  CAP_SEQ_RE.lastIndex = 0;
  while ((m = CAP_SEQ_RE.exec(text)) !== null) {
    const words = m[0].split(/[ \t]+/).filter((w) => !/^\p{Lu}\.?$/u.test(w));
    const last = words[words.length - 1];
    if (!SURNAME_END.test(last) || words.some((w) => PLACE_WORDS.test(w) || NOT_NAME_WORDS.has(w))) continue;
    const prev = text.slice(Math.max(0, m.index - 3), m.index);
    const sentenceStart = m.index === 0 || /(?:^|[.!?]\s+|\n\s*)$/.test(prev);
    if (words.length === 1 && sentenceStart) continue;
    if (/\b(?:in|from|to|at|of)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, m.index - 10), m.index)) && words.length === 1) continue;
    out.push({ kind: 'pii', type: 'person', start: m.index, end: m.index + m[0].length, confidence: words.length > 1 ? 0.6 : 0.5, label: 'person name' });
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
const EU_SUFFIX_RE = /\b\p{Lu}[\p{L}-]{1,30}(?:straße|strasse|str\.|gasse|weg|allee|platz|laan|straat|plein|gracht|kade|vej|vegen|veien|vägen|gatan|gade|stræde|vegur|katu|utca|ulice)[ \t]+\d{1,5}[A-Za-z]?\b/gu;
const UNIT_RE = /\b(?:Apt\.?|Apartment|Suite|Unit|P\.?[ \t]?O\.?[ \t]Box|PO Box)[ \t]+#?\d{1,6}\b(?:[ \t]+Box[ \t]+\d{1,6})?/gu;
const MILITARY_RE = /\b(?:USNS|USS|USNV|USCGC|PSC|Unit)[ \t]+[\p{L}\d \t,]{1,40}\n?[ \t]*(?:FPO|APO|DPO)[ \t]+(?:AA|AE|AP)[ \t]+\d{5}\b/gu;
const NUM_PREFIX_RE = /(?<![\w-])\d{1,6}[ \t]+(?:\d{1,5}[ \t]+)?(?:Rue|Rua|Avenida|Calle|Via|Viale|Piazza|Avenue|Boulevard|Chemin|Allée|Ul\.|ul\.|Strada)[ \t]+(?:(?:d[eiaou]s?|del|della|di|la|le|du|des)[ \t]+)?\p{L}[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3}/gu;
const WORD_SUFFIX_RE = /\b\p{Lu}[\p{L}-]{1,30}[ \t]+(?:Straße|Strasse|Str\.|Gasse|Weg|Allee|Platz|Laan|Straat|Vej|Gade)[ \t]+\d{1,5}[A-Za-z]?\b/gu;
const ADDRESS_CUE_RE = /\b(?:address is|address:|located at|lives at|live at|living at|sent to|send it to|deliver(?:ed)? to|ship(?:ped)? to|drops? you off at|meet you at|arrived at|corner of|return to|moved to)[ \t\n]+((?:the corner of )?[^.?!;\n]{0,20}\d[^?!;]{2,100}?)(?=[.?!;]\s|[.?!;]?$|\n\n| in case| after| last| and i| but)/giu;

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
    [NUM_PREFIX_RE, 0.7],
    [WORD_SUFFIX_RE, 0.7],
    [UNIT_RE, 0.55],
  ] as const) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      out.push({ kind: 'pii', type: 'street_address', start: m.index, end: m.index + m[0].length, confidence: conf, label: 'street address' });
    }
  }
  ADDRESS_CUE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ADDRESS_CUE_RE.exec(text)) !== null) {
    const v = m[1].replace(/[\s,]+$/, '');
    if (!/\p{L}{3}/u.test(v) || /^\d+(?:[.,:]\d+)*\s*(?:%|percent|am|pm|years?|days?|hours?|minutes?)?$/i.test(v)) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ kind: 'pii', type: 'street_address', start, end: start + v.length, confidence: 0.6, label: 'street address' });
  }
}
