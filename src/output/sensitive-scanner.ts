import { detectSensitive, type DetectSensitiveOptions } from '../scan/sensitive.js';
import { GIVEN_LOWER, GIVEN_NAMES, NOT_NAME_WORDS, SURNAMES, SURNAMES_LOWER } from '../scan/pii/names-data.js';
import { ADDRESS_CUE_PHRASES, MILITARY_UNIT_WORDS, PRONOUN_REACH, STREET_PREFIX_WORDS } from '../scan/pii/names.js';
import { DOB_CUES } from '../scan/pii/dates.js';
import { obfuscatedEmailHoldFrom } from '../scan/pii/email.js';
import { orgNumberHoldFrom } from '../scan/pii/national-ids.js';
import { ADDRESS_CONTINUATION_LINES, addressEndInLine, continuesAddress } from '../scan/pii/address-spans.js';
import type { Finding } from '../scan/types.js';
import type { OutputScanner } from './types.js';

export interface SensitiveScannerOptions extends DetectSensitiveOptions {
  /**
   * Longest secret or PII span the stream waits for (default 4096: an RSA-4096
   * PEM block). Longer spans are only caught whole by `filterText`.
   */
  maxMatchLength?: number;
}

const MAX_JOINED_TOKENS = 8;
const MAX_JOINED_CHARS = 96;
const PEM_BEGIN = '-----BEGIN';
const PEM_END = '-----END';

const isWs = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
const isHorizontalWs = (c: number): boolean => c === 32 || c === 9 || c === 0xa0;
/** Tokens that can continue a multi-token entity: number groups (cards, phones, IBANs) and capitalised words or initials (names). */
const JOINABLE = /^(?:[\d+()/.\-]+|[A-Z0-9]{1,4}|\p{Lu}[\p{L}'’.-]*)$/u;
const SHORT_LETTERS = /^[A-Za-z]{2,3}$/;
const DIGIT_GROUP = /^\d+$/;
/** Lower-case names are entities too (`olga krylova`, `benjamin a seiler`): known given names and surnames, and initials. */
const LOWER_INITIAL = /^\p{Ll}\.?$/u;
/** Longer than any known name with a possessive and punctuation. */
const MAX_NAME_TOKEN = 32;
function joinable(token: string): boolean {
  if (JOINABLE.test(token) || LOWER_INITIAL.test(token)) return true;
  if (token.length > MAX_NAME_TOKEN) return false;
  // strip trailing punctuation, then a possessive ("anna's,"), by hand: a regex ending in `[...]*$` is quadratic on long runs
  let end = token.length;
  while (end > 0 && ',.;:!?'.includes(token[end - 1]!)) end--;
  if (end >= 2 && token[end - 1] === 's' && (token[end - 2] === "'" || token[end - 2] === '’')) end -= 2;
  const word = token.slice(0, end);
  return GIVEN_LOWER.has(word) || SURNAMES_LOWER.has(word);
}

/** Characters of the tokens that JOINABLE accepts (letters, marks, digits and `+()/.'’-`). */
const ENTITY_CHAR = /[\p{L}\p{M}\d+()/.'’-]/u;
const WORD_CHAR = /[\p{L}\p{M}\d]/u;
/** Characters an entity may start with: a letter, a digit, the `+` or `(` of a phone number. */
const ENTITY_START = /[\p{L}\d+(]/u;
/**
 * Where a joinable entity token starts inside a token that is not joinable as
 * a whole, after markup or punctuation glued to it (`"address": "12 Oak St`,
 * `**4111 1111`, `<b>(212) 555`, `'221B Baker`), or 0: the run of entity
 * characters that ends the token, else one of the next three places in it
 * where an entity may start after punctuation and is joinable from there.
 */
function joinableTail(token: string): number {
  let i = token.length;
  while (i > 0 && ENTITY_CHAR.test(token[i - 1]!)) i--;
  if (i > 0 && joinable(token.slice(i))) return i;
  // then from the next characters that may start an entity after a character that cannot be inside one (`'+1` -> `+1`, `(SW1A` -> `SW1A`)
  for (let tries = 0; i < token.length && tries < 3; i++) {
    if (i === 0 || WORD_CHAR.test(token[i - 1]!) || !ENTITY_START.test(token[i]!)) continue;
    if (joinable(token.slice(i))) return i;
    tries++;
  }
  return 0;
}

/**
 * How far person findings look past a name: cue phrases after it (`Nora is
 * very reliable`, `Dzhambek is from Civic Impulse LLC`, `Leon shouted at
 * Russell`) and lists (`Greta, George and Gloria`). The longest reads are 80
 * characters after ` is from ` and PRONOUN_REACH after a subject (`Irenka is
 * very reliable. You can always depend on him.`), for words of up to 40 characters.
 */
const NAME_RIGHT_CONTEXT = 96;
/**
 * A subject followed by a trait or a career beginning is a person when a pronoun follows within
 * PRONOUN_REACH (`Irenka is very reliable. You can always depend on him.`): such a word is held for
 * longer, words of up to 40 characters included. Only these: a longer hold for every cue would add
 * about 4 characters to the mean hold of a reply.
 */
const SUBJECT_RIGHT_CONTEXT = PRONOUN_REACH + 40;
const SUBJECT_CUE = /^[ \t]+(?:is|was|seems|seemed|has always|began|started)\b/;
/** Address and contact blocks are judged on the lines that follow their first one (up to six). */
const BLOCK_LINES = 6;
/** Longer than any continuation line of a block (the address block scan stops at 50 characters). */
const BLOCK_LINE_MAX = 60;
/** Longer than any first line of an address block (the block scan takes at most 90 characters). */
const BLOCK_FIRST_LINE_MAX = 90;
const BLOCK_MARKS = /^[ \t>?*•-]*/;
/** A line that may open an address block: a building number and a word (`660 Mission Street`), or a military unit (`PSC 0272, Box 1651`). */
const ADDRESS_OPENER = new RegExp(`^(?:\\d{1,6}[A-Za-z]?[ \\t]+(?:\\d{1,5}[ \\t]+)?[\\p{L}\\p{M}]|(?:${MILITARY_UNIT_WORDS})[ \\t])`, 'u');
/** A whole line of two to four capitalised words or initials (`Ella H. Snider`): maybe the name line atop a contact block. */
const NAME_LINE = /^(?:\p{Lu}[\p{Ll}\p{M}'’-]*\.?[ \t]{1,3}){1,3}\p{Lu}[\p{Ll}\p{M}'’-]*\.?[ \t,]*$/u;
/** An address cue whose value runs to the end of the sentence (`meet me at the corner of ... and ...`): the phrases of the address scan. */
const ADDRESS_CUE = new RegExp(`\\b(?:${ADDRESS_CUE_PHRASES})`, 'gi');
const ADDRESS_CUE_REACH = 140;
/** A date-of-birth cue holds the date after it: the cue, up to 30 characters and a date of up to ~25. */
const DOB_CUE = new RegExp(`\\b(?:${DOB_CUES})`, 'gi');
const DOB_CUE_REACH = 80;
/** Words that open a street or military address inside a line (`C/ Señores Curas 88`, `send to PSC 0272, Box 1651\nAPO AA 94530`). */
const ADDRESS_LEAD = new RegExp(`\\b(?:${STREET_PREFIX_WORDS}|${MILITARY_UNIT_WORDS})[ \\t]`, 'g');
const ADDRESS_LEAD_REACH = 100;
/**
 * A house number before a lower-case French street word (`143 31 rue de la Hulotais`), or before a word still
 * being written at the end: the number is held with it (a lower-case word ends the digit groups held as a token run).
 */
const NUMBER_STREET_LEAD = /\d{1,6}[A-Za-z]?,?[ \t]+(?:\d{1,5}[ \t]+)?(?:(?:rue|avenue|boulevard|bd|place|allée|impasse|quai|chemin|cours)(?=[ \t])|[a-zé]{1,9}$)/g;

/** What may follow a capitalised word that the name rules read on: a list, `is from`, `lives at`, a possessive (`'s kid`), `began writing`, a work (`novel`)... */
const CUE_AFTER_WORD = /^(?:[,&]|['’]s\b|[ \t]+(?:and|or|&|is|was|seems|seemed|has|lives|lived|resides|resided|began|started|novels?|biography|memoirs?|autobiography|poems?|short|play|paintings?|sonata|symphony|concerto|opera|screenplay)\b)/;
/** Words of the tail, whole (not the end of a word cut by the tail's start). */
const TAIL_WORD = /(?<![\p{L}\p{M}])\p{L}[\p{L}\p{M}]*/gu;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;
/** Up to three capitalised words or initials that end right before a held word (one space or tab between). */
const NAME_LEAD = /(?<![\p{L}\p{M}'’-])(?:\p{Lu}(?:[\p{Ll}\p{M}'’-]{1,30}|\.)[ \t]){1,3}$/u;
const NAME_LEAD_REACH = 100;

/**
 * The first offset from which a person name may still be found or changed by
 * text yet to come: the start of the earliest word in the last
 * NAME_RIGHT_CONTEXT characters that may begin one: a known capitalised
 * given name or surname, a known lower-case given name (every lower-case name
 * rule starts at one), or another capitalised word (not `The`,
 * `Please`...) followed by a list or a cue (`, `, ` and `, ` is `, ` lives `)
 * or by too little text to tell yet. All-capital words start no name whose
 * rule reads on past it.
 */
function nameHoldFrom(text: string): number {
  // capitalised subjects a pronoun may still make a person, older than the other cues' reach
  TAIL_WORD.lastIndex = Math.max(0, text.length - SUBJECT_RIGHT_CONTEXT);
  let m: RegExpExecArray | null;
  const nearStart = text.length - NAME_RIGHT_CONTEXT;
  while ((m = TAIL_WORD.exec(text)) !== null && m.index < nearStart) {
    if (CAPITALISED.test(m[0]) && !NOT_NAME_WORDS.has(m[0]) && SUBJECT_CUE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 14))) return m.index;
  }
  TAIL_WORD.lastIndex = Math.max(0, nearStart);
  while ((m = TAIL_WORD.exec(text)) !== null) {
    const word = m[0];
    const e = m.index + word.length;
    if (CAPITALISED.test(word)) {
      // a known name, or any capitalised word that a cue after it may still make one ("Dzhambek is from ... LLC", "Brabec, Doyle and ...")
      if (!NOT_NAME_WORDS.has(word) && (GIVEN_NAMES.has(word) || SURNAMES.has(word) || text.length - e < 12 || CUE_AFTER_WORD.test(text.slice(e, e + 12)))) {
        // the capitalised words and initials right before it belong to the same name ("Tomomi Nishiyama lives at")
        const lead = NAME_LEAD.exec(text.slice(Math.max(0, m.index - NAME_LEAD_REACH), m.index));
        return m.index - (lead ? lead[0].length : 0);
      }
    } else if (GIVEN_LOWER.has(word)) return m.index; // every lower-case name rule starts at a known given name
  }
  return text.length;
}

/**
 * Where an address or contact block still open at the end of the text starts:
 * such a block is one finding whose extent depends on the whole lines after
 * its first one, so it is held until they are complete. Whole lines among the
 * last BLOCK_LINES may open one (a building number, a military unit, a name
 * line); the line being written counts when it starts with a building number.
 * An address cue in the last ADDRESS_CUE_REACH characters holds its value, and
 * a street or military lead word (`Calle`, `PSC`) in the last ADDRESS_LEAD_REACH
 * the address it opens, and a date-of-birth cue in the last DOB_CUE_REACH the date
 * after it.
 */
function blockHoldFrom(text: string, atReplyStart: boolean): number {
  let hold = text.length;
  const current = text.lastIndexOf('\n') + 1;
  // a current line past the longest continuation line already ends any block above it
  const lines = text.length - current > BLOCK_LINE_MAX ? 0 : BLOCK_LINES;
  let end = text.length;
  for (let n = 0; n <= lines; n++) {
    const start = n === 0 ? current : text.lastIndexOf('\n', end - 1) + 1;
    // text[0] starts a line only at the start of the reply (elsewhere it is a cut in the middle of one)
    if (start === 0 && !atReplyStart) break;
    let line = text.slice(start, Math.min(end, start + 120));
    line = line.slice(BLOCK_MARKS.exec(line)![0].length);
    const opens = n === 0 ? end - start <= BLOCK_FIRST_LINE_MAX && ADDRESS_OPENER.test(line) : ADDRESS_OPENER.test(line) || (NAME_LINE.test(line) && !NOT_NAME_WORDS.has(line.split(/[ \t]/, 1)[0]!));
    if (opens) hold = start;
    // a whole line past the longest continuation line closes any block that opened above it
    if (start === 0 || (n > 0 && end - start > BLOCK_LINE_MAX)) break;
    end = start - 1;
  }
  for (const [re, reach] of [
    [ADDRESS_CUE, ADDRESS_CUE_REACH],
    [ADDRESS_LEAD, ADDRESS_LEAD_REACH],
    [NUMBER_STREET_LEAD, ADDRESS_LEAD_REACH],
    [DOB_CUE, DOB_CUE_REACH],
  ] as const) {
    re.lastIndex = Math.max(0, text.length - reach);
    const m = re.exec(text);
    if (m && m.index < hold) hold = m.index;
  }
  return hold;
}

/** A line that may end an address written inside a sentence: a house number, a unit, or a capitalised street word at its end. */
const ADDRESS_LINE_END = /(?:\d[A-Za-z]?|\p{Lu}[\p{Ll}\p{M}]+)\.?[ \t,]*$/u;
/** A place word being written: capitalised (maybe cut), a postcode, Faker's `nan`. */
const PLACE_PART = "(?:\\p{Lu}[\\p{L}\\p{M}'’-]*|\\d{1,10}(?:-\\d{0,4})?|n|na|nan)";
/** The line being written ends with place words after a comma (`...Apt. 267, Lascano, Urug`): the address before may take them. */
const PLACE_TAIL = new RegExp(`(?:\\d[A-Za-z]?|\\p{Lu}[\\p{L}\\p{M}'’-]*)\\.?(?:,[ \\t]*(?:${PLACE_PART}(?:[ \\t]+${PLACE_PART}){0,3})?){1,3}[ \\t]*$`, 'u');
const PLACE_TAIL_REACH = 200;
/** The line being written may still become an address continuation line (see continuesAddress). */
const PARTIAL_CONTINUATION = /^[ \t]*[^!?:;@]{0,50}$/;

/**
 * Where an address that may still grow is held: the address rules take the
 * place words after a comma on its line (`...Apt. 267, Lascano, Uruguay
 * 80694`) and the lines after it that continue a postal address (`...with
 * 4241 Steinfelden 73\nSAVONLINNA\n, SV\n 77233`). The line being written is
 * held while it ends in such place words; a line that ends like an address
 * is held from its start while the lines after it are all continuations (and
 * the one being written may become one).
 */
function addressTailHoldFrom(text: string): number {
  let lineStart = text.lastIndexOf('\n') + 1;
  // place words after a comma on the line being written: the line (up to PLACE_TAIL_REACH back) is held
  let hold = PLACE_TAIL.test(text.slice(Math.max(lineStart, text.length - 120))) ? Math.max(lineStart, text.length - PLACE_TAIL_REACH) : text.length;
  if (lineStart === 0 || !PARTIAL_CONTINUATION.test(text.slice(lineStart)) || /https?:|www\./i.test(text.slice(lineStart))) return hold;
  for (let n = 0; n < ADDRESS_CONTINUATION_LINES && lineStart > 0; n++) {
    const end = lineStart - 1;
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    const continues = continuesAddress(line);
    // the line right above the one being written may also be the last of an address, ending at its postcode
    const last = n === 0 && !continues && addressEndInLine(line) > 0;
    if (ADDRESS_LINE_END.test(line) && !last) hold = start;
    if (!last && !continues) break;
    lineStart = start;
  }
  return hold;
}

/**
 * Secrets and PII in replies, through `detectSensitive` from `src/scan/sensitive.ts`.
 *
 * Hold-back (`pendingFrom`): the trailing run of non-space characters (a
 * token may still grow into a key, email or URL), extended back over up to
 * 8 short, space-separated tokens that can belong to a multi-token entity
 * (digit groups of a card, phone or IBAN; capitalised words of a name; known
 * lower-case given names, surnames and initials), and
 * back to an unterminated `-----BEGIN` so a PEM block is held whole (up to
 * `maxMatchLength`). With PII on, also back to the first word of the last
 * 96 characters that may begin a name, and to a line among the last six that
 * may open an address or contact block: those findings depend on the text
 * after them; and a last word followed by a blank, or an address after a
 * bracketed `at`, that may still become an obfuscated e-mail address.
 * Ordinary prose is released with that lag.
 */
export function createSensitiveScanner(options: SensitiveScannerOptions = {}): OutputScanner {
  const { maxMatchLength = 4096, ...detect } = options;
  const name = detect.secrets === false ? 'pii' : detect.pii === false ? 'secrets' : 'sensitive';
  const pii = detect.pii !== false;
  return {
    name,
    maxMatchLength,
    // keyword cues (`api_key =`, `My name is`, phone context) sit before the value
    lookbehind: 128,
    scan(text: string, from = 0): Finding[] {
      const found = detectSensitive(text, detect);
      const out: Finding[] = [];
      for (const f of found) {
        if (f.start < from) continue;
        const { kind: _k, confidence: _c, ...rest } = f;
        out.push(rest);
      }
      return out;
    },
    pendingFrom(text: string, atReplyStart = true): number {
      let pos = text.length;
      while (pos > 0 && !isWs(text.charCodeAt(pos - 1))) pos--;
      let tokens = 0;
      let digitsAfter = text.length - pos <= 32 && DIGIT_GROUP.test(text.slice(pos)); // the token joined last (to the right) is a digit group
      while (tokens < MAX_JOINED_TOKENS && text.length - pos < MAX_JOINED_CHARS) {
        let sep = pos;
        while (sep > 0 && pos - sep < 3 && isHorizontalWs(text.charCodeAt(sep - 1))) sep--;
        if (sep === pos || (sep > 0 && isWs(text.charCodeAt(sep - 1)))) break;
        let ts = sep;
        while (ts > 0 && !isWs(text.charCodeAt(ts - 1))) ts--;
        const token = text.slice(ts, sep);
        // two or three letters before digit groups may open an id in lower case (`hh 01 02 03 d`, a NINO)
        if (!joinable(token) && !(digitsAfter && SHORT_LETTERS.test(token))) {
          // an entity may start after markup or punctuation glued to it (`"address": "12 Oak St`, `**4111 1111`, `<b>(212) 555`)
          const core = joinableTail(token);
          if (core > 0) pos = ts + core;
          break;
        }
        digitsAfter = DIGIT_GROUP.test(token);
        pos = ts;
        tokens++;
      }
      // person names and address blocks depend on text after them
      if (pii) pos = Math.min(pos, nameHoldFrom(text), blockHoldFrom(text, atReplyStart), addressTailHoldFrom(text), obfuscatedEmailHoldFrom(text), orgNumberHoldFrom(text));
      // a PEM block is held until its `-----END ...-----` line is complete
      const begin = text.lastIndexOf(PEM_BEGIN);
      if (begin !== -1 && begin < pos) {
        const end = text.indexOf(PEM_END, begin);
        if (end === -1 || text.indexOf('-----', end + PEM_END.length) === -1) pos = begin;
      }
      return pos;
    },
  };
}
