/**
 * Person names and street addresses: local heuristics only (no NER model).
 * See docs/detectors.md for measured limits.
 */
import type { Candidate } from '../secrets/candidate.js';
import { COMMON_GIVEN_NAMES, GIVEN_LOWER, GIVEN_NAMES, GIVEN_WORDS_LOWER, NOT_NAME_WORDS, SURNAMES, SURNAMES_LOWER, WORD_SURNAMES } from './names-data.js';
import { createHeadIndex } from '../head-index.js';
import { EMPTY_OFFSETS, doubled, mergeOffsets, offsetsOf } from '../int32.js';
import { OffsetScan } from '../offset-scan.js';
import { digitRuns } from './digit-runs.js';
import { isAsciiDigit, isAsciiLetter, isAsciiUpper, isBlankCode, isWordCode } from '../char-codes.js';

const CAP = "\\p{Lu}(?:['’]\\p{Lu})?[\\p{Ll}'’]+(?:-\\p{Lu}?[\\p{Ll}'’]+)?";
/** Lower-case name particles (`Jan de Vries`, `Anna von Stein`, `Leonardo da Vinci`, `Mohammed bin Salman`): part of a name only before a capitalised word. */
// `der`, `den` and `dem` only after `van` / `von`, and no `das` or `zu`: alone they are German articles and prepositions, and German capitalises nouns
const PARTICLE = '(?:van(?:[ \\t]+(?:der|den|de))?|von(?:[ \\t]+(?:der|dem))?|de(?:[ \\t]+la)?|del|della|di|da|du|dos|le|la|ten|ter|bin|ibn|bint|binti|al|el)';
const NAME_SEQ = `${CAP}(?:[ \\t]+(?:\\p{Lu}\\.|(?:${PARTICLE}[ \\t]+)?${CAP})){0,3}`;

/** Abbreviated titles that are one only with their dot (`Hr. Jensen`, `Sig.ra Bianchi`, `Dott. Rossi`; `24 Hr Fitness`, `Sig Hansen` are not). */
const DOT_TITLES = 'Hr|Sig|sig|Dott|dott';
const TITLE_RE = new RegExp(
  `\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Madam|Madame|Monsieur|Mme|Mlle|Herr|Frau|Sr|Sra|Srta|Signor|Signora|Signorina|signor|signora|signorina|Dhr|Mevr|Fru|${DOT_TITLES})` +
    `(?:(?<=\\b(?:${DOT_TITLES}))\\.(?:ra|na|ssa)?|(?<!\\b(?:${DOT_TITLES}))\\.?)[ \\t]+((?:${PARTICLE}[ \\t]+)?${NAME_SEQ})`,
  'uy',
);
/** A capitalised role noun used like a title ("Producer Robinette Dennis", "Senator Jane Roe", "Detective Ana Ruiz"). */
const ROLE_NOUNS =
  'Producer|Director|Professor|President|Senator|Governor|Mayor|Judge|Justice|Officer|Detective|Inspector|Sergeant|Agent|Captain|Lieutenant|Colonel|Coach|Chef|Editor|Reporter|Correspondent|Nurse|Pastor|Reverend|Rabbi|Imam|Councillor|Councilman|Councilwoman|Congressman|Congresswoman|Ambassador|Minister|Commissioner|Attorney|Counsel|Architect|Engineer|Photographer|Cinematographer|Composer|Author|Novelist|Singer|Rapper|Drummer|Guitarist|Bassist|Pianist|Actor|Actress|Host|Anchor';
const ROLE_RE = new RegExp(
  `\\b(?:${ROLE_NOUNS})[ \\t]+(${NAME_SEQ})`,
  'uy',
);
/** A title followed by an all-capitals surname ("Mr. PLUM", "Mrs. O'NEILL"). */
const TITLE_CAPS_RE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?[ \t]+(\p{Lu}{2}[\p{Lu}'’-]{0,20})(?![\p{L}\p{M}\d])/uy;
/** Character-trait words: "Nora is very reliable", "Why is Katrine so impulsive?", "Jennifer is a very sympathetic person". */
const TRAIT_AFTER_RE =
  /^[ \t]+(?:is|was|seems|seemed|has always been)[ \t]+(?:(?:a|an|so|very|really|quite|always|extremely|such a|not|too|pretty|rather)[ \t]+){0,3}(?:reliable|unreliable|impulsive|sympathetic|kind|honest|dishonest|trustworthy|loyal|generous|selfish|stubborn|shy|lazy|rude|polite|arrogant|humble|caring|thoughtful|friendly|unfriendly|moody|jealous|brave|cowardly|clever|smart|intelligent|funny|charming|grumpy|patient|impatient|reckless|responsible|irresponsible|ambitious|creative|talented|hardworking|hard-working|dependable|sensitive|emotional|aggressive|outgoing|introverted|extroverted|nice|mean|cruel|gentle|considerate|compassionate|empathetic|sweet|bossy|naive|wise|mature|immature)\b/;
const CUE_RE = new RegExp(
  `(?:\\b(?:[Mm]y name is|[Mm]ijn naam is|[Ii]k heet|[Mm]ein Name ist|[Ii]ch hei(?:ß|ss)e|[Jj]e m['’]appelle|[Mm]on nom est|[Mm]e llamo|[Mm]i nombre es|[Mm]i chiamo|[Ii]l mio nome è|[Mm]eu nome é|[Cc]hamo-me|[Nn]azywam się|[Jj]menuji se|[Nn]ame is|[Nn]amed|[Cc]alled|[Cc]all me|[Ss]igned|[Rr]egards,|[Ss]incerely,|[Cc]heers,|[Bb]est,|[Tt]hanks,|[Tt]hank you,|[Yy]ours(?: truly| sincerely)?,|[Ww]armly,|[Ss]ays|[Ss]aid)|\\b(?:[Nn]ame|[Ff]ull [Nn]ame|[Ss]urname|[Ll]ast [Nn]ame|[Ff]amily [Nn]ame|[Gg]iven [Nn]ame|[Ff]orename|[Nn]achname|[Vv]orname|[Pp]rénom|[Nn]om|[Aa]pellidos?|[Nn]ombre|[Cc]ognome|[Nn]ome|[Cc]ustomer|[Pp]atient|[Ee]mployee|[Gg]uardian|[Rr]ecipient|[Ss]ender|[Aa]uthor|[Aa]ttn|[Aa]ttention|[Bb]illing address|[Ss]hip to)[ \\t]*:)[ \\t\\n]+(${NAME_SEQ})`,
  'uy',
);
const WORD_RE = /\p{Lu}(?:['’]\p{Lu})?[\p{Ll}'’]+/uy;
const ASK_RE = new RegExp(
  `(?:[Ww]hat'?s your (?:(?:first|last|full) )?name\\??|[Nn]ame on the account\\??|[Cc]hange it to|[Ww]e need to add|I want to add|[Dd]irected [Bb]y:?|[Aa]ssistant to|I'm|I am)[ \\t\\n]+(?:User:[ \\t]*)?(${NAME_SEQ})`,
  'uy',
);
/**
 * Where CUE_RE, ASK_RE and LOWER_CUE_RE can start: a prefix of each of their
 * phrases (a superset of the starts is enough). They run sticky at these
 * heads only (see headStarts and OffsetScan). CUE_RE's phrases all start at a
 * word boundary, so its heads do too; the others may start inside a word
 * (`somewhat's your name`). Heads are plain alternations (createHeadIndex
 * reads their first characters).
 */
const CUE_HEAD_RE =
  /\b(?:[Mm]y name|[Mm]ijn naam|[Ii]k heet|[Mm]ein Name|[Ii]ch hei|[Jj]e m['’]|[Mm]on nom|[Mm]e llamo|[Mm]i nombre|[Mm]i chiamo|[Ii]l mio|[Mm]eu nome|[Cc]hamo|[Nn]azywam|[Jj]menuji|[Nn]am|[Nn]om|[Cc]all|[Ss]igned|[Rr]egards|[Ss]incerely|[Cc]heers|[Bb]est|[Tt]hank|[Yy]ours|[Ww]armly|[Ss]a[iy]|[Ff]ull|[Ss]urname|[Ll]ast|[Ff]amily|[Gg]iven|[Ff]orename|[Nn]achname|[Vv]orname|[Pp]rénom|[Aa]pellido|[Cc]ognome|[Cc]ustomer|[Pp]atient|[Ee]mployee|[Gg]uardian|[Rr]ecipient|[Ss]ender|[Aa]uthor|[Aa]tt|[Bb]illing|[Ss]hip)/g;
const ASK_HEAD_RE = /[Ww]hat|[Nn]ame on|[Cc]hange|[Ww]e need|I want|[Dd]irected|[Aa]ssistant|I'm|I am/g;
const LOWER_CUE_HEAD_RE = /[Nn]ame|[Cc]all|[Aa]m called|'m called/g;
/**
 * The head of a regex that opens with a word boundary and a group of plain
 * words (`\b(?:Mr|Mrs|...)`): that group alone, without the `u` flag (the same
 * matches for these ASCII-and-BMP words).
 */
function leadingWordsHead(re: RegExp): RegExp {
  const src = re.source;
  const close = src.indexOf(')');
  const group = src.slice('\\b(?:'.length, close);
  if (!src.startsWith('\\b(?:') || !/^[A-Za-z'’ |]+$/.test(group)) throw new Error(`not a leading word group: ${src.slice(0, 40)}`);
  return new RegExp(src.slice(0, close + 1), 'g');
}

/** After a known given name: an initial or up to three capitalised surnames, particles before them (`Pieter van Dijk`). */
const REST_OF_NAME_RE = new RegExp(`^(?:[ \\t]+(?:\\p{Lu}\\.?(?=[ \\t])|(?:${PARTICLE}[ \\t]+)?\\p{Lu}(?:['’]\\p{Lu})?[\\p{Ll}'’]+(?:-\\p{Lu}[\\p{Ll}'’]+)?)){1,3}`, 'u');
/** A role noun or an `I'm`/`I'll` contraction opening a capitalised sequence is not part of the name ("Producer Velimir R. Janković", "I'm Daniel"). */
const CONTRACTIONS = "I['’](?:m|ll|d|ve)";
const SEQ_LEAD_RE = new RegExp(`^(?:${ROLE_NOUNS}|${CONTRACTIONS})[ \\t]+(?=\\p{Lu})`, 'u');

/** Surname endings common across European and Asian naming traditions. */
const SURNAME_ENDINGS = 'sson|ez|ov|ova|ev|eva|ina|ine|ski|ska|sky|dóttir|dottir|ić|vić|escu|enko|berg|stein|mann|ini|elli|oglu|oğlu|poulos|idis|akis|ová|ský|czyk|wicz|vich|vili|dze|aitis|ainen|nen|yama|moto|kawa|mura|hara|uchi|eddine|ides';
const SURNAME_END = new RegExp(`(?:${SURNAME_ENDINGS})$`, 'u');
/** The last two characters of the SURNAME_ENDINGS that end in two ASCII characters, in a 128 x 128 table of pairs. */
const SURNAME_END_PAIRS = new Uint8Array(128 * 128);
for (const ending of SURNAME_ENDINGS.split('|')) {
  const c1 = ending.charCodeAt(ending.length - 2);
  const c2 = ending.charCodeAt(ending.length - 1);
  if (c1 < 128 && c2 < 128) SURNAME_END_PAIRS[c1 * 128 + c2] = 1;
}
/** Whether the word from `a` to `b` may match SURNAME_END: its last two characters end an ending, or one of them is not ASCII. */
function mayEndLikeSurname(text: string, a: number, b: number): boolean {
  if (b - a < 2) return false; // every ending has two characters or more
  const c1 = text.charCodeAt(b - 2);
  const c2 = text.charCodeAt(b - 1);
  return c1 >= 128 || c2 >= 128 || SURNAME_END_PAIRS[c1 * 128 + c2] === 1;
}
const CAP_SEQ_RE = /\p{Lu}(?:['’]\p{Lu})?[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?(?:[ \t]+(?:\p{Lu}\.?[ \t]+)?\p{Lu}(?:['’]\p{Lu})?[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?){0,2}/uy;
/** What the char-code readers below return where the regex must decide (a non-ASCII character, an apostrophe after a capital). */
const UNKNOWN = -2;
/** The end of a run of `[a-z'’]` from `i`, or UNKNOWN at a non-ASCII character that may be a lower-case letter. */
function lowerRunEnd(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c === 39 || c === 0x2019) i++;
    else return c >= 128 ? UNKNOWN : i; // NaN at the text's end
  }
}
/** Where a match of WORD_RE at `i` ends, -1 when there is none, UNKNOWN when the word is not plain ASCII. */
function asciiWordEnd(text: string, i: number): number {
  const c0 = text.charCodeAt(i);
  if (!isAsciiUpper(c0)) return c0 >= 128 ? UNKNOWN : -1;
  const c1 = text.charCodeAt(i + 1);
  if (c1 >= 97 && c1 <= 122) return lowerRunEnd(text, i + 2);
  return c1 >= 128 || c1 === 39 ? UNKNOWN : -1; // `O'Brien`: `(?:['’]\p{Lu})?`
}
/** The same for one word of CAP_SEQ_RE: WORD_RE's word and an optional `-Capitalised` half (`Anne-Marie`). */
function asciiSeqWordEnd(text: string, i: number): number {
  const e = asciiWordEnd(text, i);
  if (e < 0 || text.charCodeAt(e) !== 45) return e;
  const c0 = text.charCodeAt(e + 1);
  const c1 = text.charCodeAt(e + 2);
  if (c0 >= 128 || (c0 >= 65 && c0 <= 90 && c1 >= 128 && c1 !== 0x2019)) return UNKNOWN;
  if (!(c0 >= 65 && c0 <= 90 && ((c1 >= 97 && c1 <= 122) || c1 === 39 || c1 === 0x2019))) return e;
  return lowerRunEnd(text, e + 3);
}
/** Where WORD_RE's match at the name token `at` ends, or -1 (read with char codes when the word is ASCII). */
function capWordEnd(text: string, at: number): number {
  const e = asciiWordEnd(text, at);
  if (e !== UNKNOWN) return e;
  WORD_RE.lastIndex = at;
  return WORD_RE.test(text) ? WORD_RE.lastIndex : -1;
}
/**
 * Where CAP_SEQ_RE's match at the name token `at` ends, or -1: up to three
 * words, an initial before the second or third, read with char codes when all
 * is ASCII (CAP_SEQ_RE itself otherwise). Every quantifier of the regex is
 * followed by optional parts only, so its match is the longest one read greedily.
 */
function capSeqEnd(text: string, at: number): number {
  let e = asciiSeqWordEnd(text, at);
  for (let words = 1; words < 3 && e >= 0; words++) {
    let j = e;
    while (isBlankCode(text.charCodeAt(j))) j++;
    if (j === e) break;
    let w = asciiSeqWordEnd(text, j);
    if (w === -1 && isAsciiUpper(text.charCodeAt(j))) {
      // an initial (`R.` or `R`) and blanks before the word: a capital followed by a lower-case letter is no initial
      let i = text.charCodeAt(j + 1) === 46 ? j + 2 : j + 1;
      if (!isBlankCode(text.charCodeAt(i))) break;
      while (isBlankCode(text.charCodeAt(i))) i++;
      w = asciiSeqWordEnd(text, i);
    }
    if (w === -1) break;
    e = w;
  }
  if (e !== UNKNOWN) return e;
  CAP_SEQ_RE.lastIndex = at;
  return CAP_SEQ_RE.test(text) ? CAP_SEQ_RE.lastIndex : -1;
}
/** SURNAME_END with its two-character prefilter, for the test that the prefilter passes every word the regex takes. */
export const SURNAME_END_CHECK: { re: RegExp; may: (word: string) => boolean } = { re: SURNAME_END, may: (word) => mayEndLikeSurname(word, 0, word.length) };
/** Whether `text` from `a` to `b` holds a space or a tab. */
function hasBlank(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (isBlankCode(text.charCodeAt(i))) return true;
  return false;
}
/** A possessive `'s` inside a capitalised sequence, with more words after it. */
const POSSESSIVE_INSIDE_RE = /['’]s(?=[ \t])/;
const PLACE_WORDS: ReadonlySet<string> = new Set('New San Santa Saint St Port Lake Mount North South East West United Republic Kingdom Island Islands City County University Bank Inc Ltd LLC Group Software Street Avenue Road'.split(' '));

function trimName(seq: string): string {
  if (!hasBlank(seq, 0, seq.length)) return seq; // a single word stays
  // drop trailing words that are clearly not part of a name
  const parts = seq.split(/[ \t]+/);
  while (parts.length > 1 && NOT_NAME_WORDS.has(parts[parts.length - 1])) parts.pop();
  return parts.join(' ');
}

/** Endings that are rarely anything but a surname (Arvidsson, Petrova, Kowalski, Jankovic, Virtanen). */
const STRONG_SURNAME_END = /(?:sson|dóttir|dottir|ova|ov|eva|ev|ski|ska|vić|ić|enko|escu|poulos|idis|akis|nen|czyk|wicz|vich|vili|dze|aitis|oglu|oğlu|ová|ský)$/u;
const SAID_VERBS = ['said', 'says', 'asked', 'replied', 'added', 'wrote'];
/** Quote attribution: `..." says Becker`, `! said Gladys to Logan`. Sticky, run at saidStarts. */
const SAID_RE = new RegExp(`[,!?"”'][ \\t]*(?:${SAID_VERBS.join('|')})[ \\t]+(${CAP}(?:[ \\t]+(?:\\p{Lu}\\.|${CAP})){0,2})(?:[ \\t]+to[ \\t]+(${CAP}))?`, 'dyu');
/** Canonical placeholder names (John Doe, Jane Roe, John Q. Public) are examples, not people. */
const PLACEHOLDER_SURNAME = /[ \t](?:Doe|Roe|Public|Bloggs|Mustermann|Musterfrau)(?:'s)?$/;
/** Confidence of a bare single given name: below the default threshold (ordinary prompts are full of them). */
const BARE_GIVEN = 0.45;
const GREETING_RE = /(?:^|[\s"'(])(?:Hi|Hello|Hey|Dear|Thanks|Thank you|Cheers|Bye|Goodbye|Morning|Evening),?[ \t]+$/;
const LOWER_IM_RE = /\b(?:i'm|i’m|i am|im|this is)[ \t]+(\p{Ll}[\p{Ll}\p{M}]{1,19})((?:[ \t]+\p{Ll}[\p{Ll}\p{M}-]{1,24})?)(?![\p{L}\p{M}])/uy;
const LOWER_CUE_RE = /(?:[Nn]ame is|[Nn]ame:|[Cc]all me|[Aa]m called|'m called)[ \t]+((?:\p{Ll}[\p{Ll}'’-]{1,20})(?:[ \t]+(?:\p{Ll}\.?|\p{Ll}[\p{Ll}'’-]{1,20})){0,2})(?=[\s.,;!?]|$)/uy;
const TITLE_RE_HEAD = leadingWordsHead(TITLE_RE);
const ROLE_RE_HEAD = leadingWordsHead(ROLE_RE);
const TITLE_CAPS_RE_HEAD = leadingWordsHead(TITLE_CAPS_RE);
const LOWER_IM_RE_HEAD = leadingWordsHead(LOWER_IM_RE);
/** A lower-case given name and surname a message or a meeting is addressed to ("follow up with patricia desrosiers"). */
const LOWER_ADDRESSEE_RE = /\b(?:follow up with|email to|talk to|speak to|meet with|meeting with|lunch with|call with|reply to|write to|send it to|remind|tell|ask)[ \t]+(\p{Ll}[\p{Ll}\p{M}]{1,19})(?:[ \t]+(\p{Ll}[\p{Ll}\p{M}-]{1,24}))?(?![\p{L}\p{M}])/uy;
const LOWER_ADDRESSEE_RE_HEAD = leadingWordsHead(LOWER_ADDRESSEE_RE);
const LOWER_STOP = new Set(['a', 'an', 'the', 'not', 'and', 'but', 'or', 'so', 'that', 'this', 'it', 'in', 'on', 'at', 'to', 'for', 'with', 'is', 'was', 'be', 'very', 'also', 'just', 'still', 'now', 'here', 'there', 'what', 'your', 'my', 'his', 'her', 'their', 'our', 'by', 'of', 'from', 'as', 'if', 'when', 'who', 'everyone', 'always', 'because', 'sometimes', 'mister', 'miss']);

/** Words that end a clause after `i'm <name>` without being a surname (`i'm tom too.`, `i'm anna again!`). */
const CLAUSE_END_WORDS = new Set(
  'fine too again back ready sorry okay ok done happy sure good well new sick tired late home today tomorrow yesterday tonight btw lol thanks please right glad afraid alone alright anyway though online available calling speaking writing here there now then yet either also'.split(' '),
);

/** Words that make a capitalised phrase a place or an organisation rather than a person. */
const ORG_PLACE_WORDS: ReadonlySet<string> = new Set(
  `House Point Opera Consulting Economic Center Centre Museum Hotel Park Beach Bridge Tower Hall Church Cathedral Palace Castle Airport Station Market
  Square Street Road Avenue Lake River Mountain Valley Island Bay Harbour Harbor County City Institute Foundation Association Society Club Records Studios
  Productions Press Media News Times Post Journal Magazine Airlines Motors Systems Solutions Services Technologies Labs Partners Holdings Capital Ventures
  Industries International Global Company Corporation Inc Ltd LLC GmbH Corp Bank University College School Hospital Clinic Group Academy Agency Council
  Ministry Department Prize Award Awards Festival Cup League Stadium Arena Theatre Theater Gallery Library Zoo Garden Gardens Mall Plaza Restaurant Cafe
  Bar Pub Inn Show Series Movie Film Album Song Band Orchestra Choir Project Program Programme Foundation Trust Fund Law Act Effect Syndrome Disease
  Theorem Principle Equation Method Model Prize Medal Trophy Falls Hills Heights Springs Ranch Farm Forest Canyon Desert Coast Peninsula Province State
  Southern Northern Eastern Western Central Upper Lower Greater Little Den Der Het Los Las Del Della Saint San Santa Sankt Nord Sud Ost West Bad
  La Le El Marathon Canal Valley Mein Meine Dein Deine Sein Seine Ihr Ihre Unser Unsere Die Das Ein Eine Frauen Männer Kinder Herr Frau`.split(/\s+/),
);
/** A relationship noun right before a single given name ("my kid Alina", "her husband Tom"). */
const KIN_NOUNS =
  'kid|kids|son|daughter|wife|husband|friend|boss|colleague|co-?worker|brother|sister|mother|father|mom|mum|dad|partner|neighbou?r|manager|client|patient|doctor|teacher|uncle|aunt|cousin|niece|nephew|grandson|granddaughter|grandma|grandpa|grandmother|grandfather|child|baby|boyfriend|girlfriend|fianc[ée]e?|roommate|flatmate|tenant|landlord|employee|student|supervisor|stepson|stepdaughter|spouse|assistant|lawyer|attorney|nurse|therapist|dentist|coach|classmate|twin';
// first and second person only: "my son Alex" tells about the writer's family; "his friend Pete" is mostly narrative (word problems, stories)
const KIN_BEFORE_RE = new RegExp(`\\b(?:my|our|your)[ \\t]+(?:(?:best|old|dear|little|older|younger|new|late|ex-?)[ \\t]+)?(?:${KIN_NOUNS})(?:,)?[ \\t]+$`, 'i');
const NAMED_BEFORE_RE = /\b(?:named|called|call|calls)[ \t]+(?:him|her|me|them|us)[ \t]+$/i;
const KIN_AFTER_RE = new RegExp(`^['’]s[ \\t]+(?:(?:best|old|little|older|younger|new|ex-?)[ \\t]+)?(?:${KIN_NOUNS}|family|birthday|address|phone|email|e-mail|account|passport)\\b`, 'i');
/** "Dan May has ...", "Theresa May said": the month word is a surname after a given name when prose, not a day, follows. */
const MAY_SURNAME_AFTER_RE = /^(?:[ \t]\p{Ll}|[.,;:!?])/u;
const maySurname = (text: string, afterMay: number): boolean => MAY_SURNAME_AFTER_RE.test(text.slice(afterMay, afterMay + 3));
/** Given names that are months themselves ("April May and June"). */
const MONTH_GIVEN: ReadonlySet<string> = new Set(['April', 'June', 'Jan', 'August', 'May', 'Julie', 'Julia']);
const RELATION_AFTER_RE = /^[ \t]+(?:(?:is|was)[ \t]+from[ \t]+\p{Lu}|(?:lives|lived|resides|resided)[ \t]+(?:on|in|at)[ \t]+(?:the[ \t]+)?\p{Lu}|works?[ \t]+(?:at|for)[ \t]+\p{Lu}|(?:shouted|yelled|told|asked|married|met|texted|emailed|phoned|hugged|kissed|thanked)[ \t]+(?:at[ \t]+)?\p{Lu}\p{Ll})/u;

// the other side of RELATION_AFTER_RE: the person a person-to-person verb is done to
const RELATION_BEFORE_RE = /\b(?:shouted|yelled|screamed|told|married|texted|emailed|e-mailed|phoned|hugged|kissed|thanked|divorced)[ \t]+(?:at[ \t]+)?$/;

/**
 * Someone a message, a meeting or a request is addressed to, right before a single given name: "email to
 * Michael", "talk to Sam", "lunch with Aisha", "a note from Carlos", "ask Priya", "tell Carlos", "cc Li".
 * Travel and places take other words ("flights to Charlotte", "moved to Austin" do not count).
 */
const ADDRESSEE_BEFORE_RE =
  /\b(?:(?:e-?mail|message|note|reply|write|wrote|written|talk|talked|speak|spoke|send|sent|forward|forwarded|respond|responded|replied|apologi[sz]e|say hi|reach out|introduce me|introduce us)(?:[ \t]+(?:it|this|that|them|these))?[ \t]+to|(?:lunch|dinner|coffee|breakfast|meeting|call|chat|talk|catch-?up|1:1|one-on-one|sync|interview|appointment|date|conversation|argument|fight)[ \t]+with|(?:e-?mail|message|note|letter|text|reply|feedback|call|request|complaint|invitation|update|voicemail|gift)[ \t]+from|(?:tell|ask|remind|thank|invite|email|e-mail|text|ping|cc|bcc|notify|congratulate|inform|contact|message|cc:))[ \t]+$/i;
/** A single given name that speaks or writes, or stands with the writer: "what Jennifer said", "Carlos wrote", "John and I". */
const SPEAKER_AFTER_RE = /^(?:[ \t]+(?:said|says|told|asked|wrote|mentioned|replied|emailed|texted|suggested|promised|agreed|confirmed|complained|apologi[sz]ed)\b|[ \t]+and[ \t]+I\b|['’]s[ \t]+(?:e-?mail|message|reply|note|letter|text|idea|feedback|comment|request|question|proposal|birthday|wedding|party|number)\b)/;
/** Assistant and product names that are also given names: "ask Claude to", "tell Alexa". */
const ASSISTANT_NAMES: ReadonlySet<string> = new Set(['Claude', 'Alexa', 'Siri', 'Cortana', 'Bixby', 'Jarvis', 'Watson', 'Ada', 'Grok', 'Gemini', 'Copilot', 'Llama', 'Mistral']);

function push(out: Candidate[], start: number, end: number, confidence: number): void {
  out.push({ kind: 'pii', type: 'person', start, end, confidence, label: 'person name' });
}

/** The index of the last space or tab in `s`, or -1 (`lastIndexOf` twice was a quarter of the name scan on number-dense text). */
function lastBlankIndex(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && s.charCodeAt(i) !== 32 && s.charCodeAt(i) !== 9) i--;
  return i;
}

/** Index of the first character of the line holding `pos`, and whether the text before it on that line is only quoting/bullet marks. */
function atLineStart(text: string, pos: number): boolean {
  let i = pos - 1;
  while (i >= 0 && pos - i < 8 && isLineLeadCode(text.charCodeAt(i))) i--;
  return i < 0 || text[i] === '\n';
}

/**
 * Offsets of every upper-case letter in `text`, ascending. The capitalised-word
 * scans below run sticky at these offsets only: a global `u` regex that starts
 * with `\p{Lu}` (or with a lookbehind) is tried at every position, which costs
 * 2-3x more on prose. A non-Unicode class finds ASCII capitals and the
 * non-ASCII code units of blocks that hold capitals; the latter are confirmed
 * with `\p{Lu}` (memoised per code unit).
 */
export function upperStarts(text: string): Int32Array {
  let out = upperBuffer;
  let n = 0;
  UPPER_OR_NON_ASCII_RE.lastIndex = 0;
  // test, not exec: no match object per capital
  while (UPPER_OR_NON_ASCII_RE.test(text)) {
    const i = UPPER_OR_NON_ASCII_RE.lastIndex - 1;
    const c = text.charCodeAt(i);
    let upper: boolean;
    if (c < 128) upper = true;
    else if (c >= 0xd800 && c <= 0xdbff) upper = UPPER_RE.test(String.fromCodePoint(text.codePointAt(i) as number));
    else upper = !(c >= 0xdc00 && c <= 0xdfff) && bmpClassHas(UPPER_BMP, UPPER_RE, c);
    if (!upper) continue;
    if (n === out.length) {
      upperBuffer = out = doubled(out);
    }
    out[n++] = i;
    // the ASCII capitals right after it (`IBAN`, `DB_PASSWORD`) without a regex call each
    let j = i + 1;
    for (let c2 = text.charCodeAt(j); c2 >= 65 && c2 <= 90; c2 = text.charCodeAt(++j)) {
      if (n === out.length) {
        upperBuffer = out = doubled(out);
      }
      out[n++] = j;
    }
    UPPER_OR_NON_ASCII_RE.lastIndex = j;
  }
  return n === 0 ? EMPTY_OFFSETS : out.slice(0, n);
}
/** Reused output buffer of upperStarts, grown as needed (the caller gets a copy). */
let upperBuffer = new Int32Array(1024);
/** `\p{Ll}` or `\p{M}` per BMP code unit, filled on first sight: 0 unknown, 1 no, 2 yes. */
const LOWER_OR_MARK_BMP = new Uint8Array(65536);
const LOWER_OR_MARK_RE = /^[\p{Ll}\p{M}]$/u;

/**
 * The offsets of `upper` whose capital is followed by a lower-case letter, a
 * combining mark or an apostrophe: where a capitalised name token
 * (`\p{Lu}[\p{Ll}\p{M}'’]+`) can start. All-capital words, tokens and code
 * (`IBAN`, `DB_PASSWORD`, `aB3dE6`) hold many capitals that start none.
 */
export function nameTokenStarts(text: string, upper: Int32Array): Int32Array {
  // in prose every capital usually starts a word: then `upper` itself is the answer (no allocation)
  let k0 = 0;
  while (k0 < upper.length && startsNameToken(text, upper[k0])) k0++;
  if (k0 === upper.length) return upper;
  const out = new Int32Array(upper.length);
  out.set(upper.subarray(0, k0));
  let n = k0;
  for (let k = k0 + 1; k < upper.length; k++) if (startsNameToken(text, upper[k])) out[n++] = upper[k];
  return out.subarray(0, n);
}

/** The capital at `i` is followed by a lower-case letter, a combining mark or an apostrophe. */
function startsNameToken(text: string, i: number): boolean {
  const c0 = text.charCodeAt(i);
  const j = c0 >= 0xd800 && c0 <= 0xdbff ? i + 2 : i + 1;
  const c = text.charCodeAt(j);
  if (c !== c) return false; // end of text
  if (c >= 97 && c <= 122) return true;
  if (c < 128) return c === 39;
  if (c === 0x2019) return true;
  if (c >= 0xd800 && c <= 0xdbff) return LOWER_OR_MARK_RE.test(String.fromCodePoint(text.codePointAt(j) as number));
  return bmpClassHas(LOWER_OR_MARK_BMP, LOWER_OR_MARK_RE, c);
}

/** Whether the BMP code unit `c` matches the one-character class `re`, memoised in `table` (0 unknown, 1 no, 2 yes). */
function bmpClassHas(table: Uint8Array, re: RegExp, c: number): boolean {
  let u = table[c];
  if (u === 0) table[c] = u = re.test(String.fromCharCode(c)) ? 2 : 1;
  return u === 2;
}
/**
 * ASCII capitals and the non-ASCII code units that may be one (checked one by
 * one above): the ranges of BMP capitals, merged over gaps shorter than 256,
 * and the high surrogates (for astral capitals). The regex skips lower-case
 * ASCII and the scripts without case (Devanagari, Thai, Arabic, CJK,
 * punctuation) fast; a test checks every BMP capital is in a range.
 */
const UPPER_OR_NON_ASCII_RE = /[A-Z\u00c0-\u024e\u0370-\u0556\u10a0-\u10cd\u13a0-\u13f5\u1c89-\u1cbf\u1e00-\u1ffb\u2102-\u2183\u2c00-\u2cf2\ua640-\ua7f5\ud800-\udbff\uff21-\uff3a]/g;
const UPPER_RE = /^\p{Lu}$/u;
/** `\p{Lu}` per BMP code unit, filled on first sight: 0 unknown, 1 no, 2 yes. */
const UPPER_BMP = new Uint8Array(65536);

/**
 * Find likely person names.
 *
 * Confidence model (default threshold 0.5): a title (`Mr.`), a cue (`my name
 * is`, `Name:`, `signed`, a greeting such as `Hi Anna,`), a name line at the
 * top of an address or contact block, or a known given name followed by a
 * capitalised surname reach 0.6-0.8; a bare single given name (`Tom has 5
 * apples`), names after `named`/`called` and capitalised words that merely end
 * like a surname stay below 0.5, so ordinary prompts are not rewritten.
 *
 * `upper` is `upperStarts(text)` and `heads` is `headStarts(text)`, passed by
 * a caller that shares them with scanAddresses.
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanNames('Please ask Mr. Hughes', out); // out[0].type === 'person'
 * ```
 */
export function scanNames(text: string, out: Candidate[], upper: Int32Array = upperStarts(text), heads: Int32Array[] = headStarts(text)): void {
  const first = out.length;
  const tokens = nameTokenStarts(text, upper);
  let m: RegExpExecArray | null;
  const titles = new OffsetScan(TITLE_RE, text, heads[H_TITLE]);
  while ((m = titles.exec()) !== null) {
    const name = trimName(m[1]);
    if (NOT_NAME_WORDS.has(name)) continue;
    const start = m.index + m[0].length - m[1].length;
    push(out, start, start + name.length, 0.75);
  }
  const roles = new OffsetScan(ROLE_RE, text, heads[H_ROLE]);
  while ((m = roles.exec()) !== null) {
    // "Producer Robinette Dennis explained": a capitalised role right before two or three capitalised words
    const poss = /['’]s\b/.exec(m[1]); // "Captain Marvel's Facebook": the possessive ends the name
    const name = trimName(poss ? m[1].slice(0, poss.index) : m[1]);
    if (/\b(?:the|a|an|our|their|its)[ \t]+$/i.test(text.slice(Math.max(0, m.index - 6), m.index))) continue; // "the Director General Assembly"
    if (!name.includes(' ') || name.split(/[ \t]+/).some((w) => !isNameWord(bare(w)) && !/^\p{Lu}\.?$/u.test(w))) continue;
    const start = m.index + m[0].length - m[1].length;
    push(out, start, start + bare(name).length, 0.6);
  }
  const capsTitles = new OffsetScan(TITLE_CAPS_RE, text, heads[H_TITLE_CAPS]);
  while ((m = capsTitles.exec()) !== null) {
    const start = m.index + m[0].length - m[1].length;
    push(out, start, start + m[1].length, 0.7); // "Mr. PLUM"
  }
  const cues = new OffsetScan(CUE_RE, text, heads[H_CUE]);
  while ((m = cues.exec()) !== null) {
    const name = trimName(m[1]);
    const first = name.split(' ')[0];
    if (NOT_NAME_WORDS.has(first)) continue;
    if (name.split(/[ \t]+/).some((w) => ORG_PLACE_WORDS.has(bare(w)))) continue; // "named Sydney Opera House"
    const start = m.index + m[0].length - m[1].length;
    // "named X" / "called X" mostly introduce characters, pets and products
    const weak = /^(?:[Nn]amed|[Cc]alled|[Ss]ays|[Ss]aid)/.test(m[0]);
    // "Name: Preparing wood chips": a single word followed by lower-case text is not a name
    const single = !name.includes(' ');
    const next = text.slice(start + name.length, start + name.length + 3);
    if (single && /^[ \t]\p{Ll}/u.test(next) && !GIVEN_NAMES.has(first)) continue;
    // role fields ("Customer: Yeah, ...") need a known given name when only one word follows
    if (single && !GIVEN_NAMES.has(first) && !/(?:name|signed|regards|sincerely|cheers|\bnom\b|prénom|nombre|apellido|cognome|\bnome\b|naam|heet|hei(?:ß|ss)e|appelle|llamo|chiamo|chamo|nazywam|jmenuji)/i.test(m[0])) continue;
    push(out, start, start + name.length, weak ? (GIVEN_NAMES.has(first) && !single ? 0.55 : BARE_GIVEN) : 0.7);
  }
  const lowerCues = new OffsetScan(LOWER_CUE_RE, text, heads[H_LOWER_CUE]);
  while ((m = lowerCues.exec()) !== null) {
    const raw = m[1];
    if (/\p{Lu}/u.test(raw[0])) continue; // capitalised names are handled by CUE_RE
    const words = raw.split(/[ \t]+/);
    const kept: string[] = [];
    for (const w of words) {
      if (LOWER_STOP.has(w.replace(/\.$/, ''))) break;
      kept.push(w);
    }
    if (kept.length === 0) continue;
    // a form field "name:" with a lower-case value is mostly config ("- name: train", "name: build"): it needs a known name
    if (/:$/.test(m[0].slice(0, m[0].length - raw.length).trimEnd()) && !kept.some((w) => GIVEN_LOWER.has(w) || SURNAMES_LOWER.has(w))) continue;
    const name = raw.slice(0, raw.indexOf(kept[kept.length - 1]) + kept[kept.length - 1].length);
    const start = m.index + m[0].length - raw.length;
    push(out, start, start + name.length, 0.65);
  }
  const lowerIm = new OffsetScan(LOWER_IM_RE, text, heads[H_LOWER_IM]);
  while ((m = lowerIm.exec()) !== null) {
    // "hi, i'm anna berg": a known given name (and optionally a known surname) after a lower-case "i'm"
    if (!GIVEN_LOWER.has(m[1]) || LOWER_STOP.has(m[1])) continue;
    const start = m.index + m[0].length - m[1].length - (m[2] ? m[2].length : 0);
    // a known surname, or a word that ends the clause (`i'm tom hardy, my email is`): no surname word left in clear text
    const second = m[2]?.trim() ?? '';
    const clauseEnd = /^[ \t]*(?:[,.!?;:]|$)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3));
    const withSurname = second !== '' && (SURNAMES_LOWER.has(second) || (clauseEnd && second.length >= 3 && !LOWER_STOP.has(second) && !CLAUSE_END_WORDS.has(second)));
    push(out, start, start + m[1].length + (withSurname ? m[2].length : 0), 0.6);
  }
  const lowerAddressees = new OffsetScan(LOWER_ADDRESSEE_RE, text, heads[H_LOWER_ADDRESSEE]);
  while ((m = lowerAddressees.exec()) !== null) {
    // a known given name that is not also an English word ("tell frank", "ask will" are English), and its surname when it reads like one
    if (!GIVEN_LOWER.has(m[1]) || GIVEN_WORDS_LOWER.has(m[1]) || LOWER_STOP.has(m[1])) continue;
    const surname = m[2] !== undefined && (SURNAMES_LOWER.has(m[2]) || SURNAME_END.test(m[2])) ? m[2] : '';
    const nameEnd = m.index + (m[2] === undefined ? m[0].length : m[0].slice(0, m[0].length - m[2].length).trimEnd().length);
    push(out, nameEnd - m[1].length, surname ? m.index + m[0].length : nameEnd, 0.6);
  }
  const asks = new OffsetScan(ASK_RE, text, heads[H_ASK]);
  while ((m = asks.exec()) !== null) {
    const name = trimName(m[1]);
    const firstWord = name.split(' ')[0];
    if (NOT_NAME_WORDS.has(firstWord) || CONTRACTION_RE.test(firstWord)) continue;
    if (/^I/.test(m[0]) && !name.includes(' ') && !GIVEN_NAMES.has(name)) continue; // "I'm Fine"
    const start = m.index + m[0].length - m[1].length;
    push(out, start, start + name.length, 0.65);
  }
  // capitalised words ending like a surname (Petrov, Hansen, Kowalski): weak evidence on their own
  // (CAP_SEQ_RE as an OffsetScan at the tokens would run: each match's end, or a later start the loop sets, is where the next may start)
  let seqFrom = 0;
  for (let k = 0; k < tokens.length; k++) {
    const at = tokens[k];
    if (at < seqFrom) continue;
    const seqEnd = capSeqEnd(text, at);
    if (seqEnd < 0) continue;
    seqFrom = seqEnd;
    const multi = hasBlank(text, at, seqEnd);
    // a single word is tested for a surname ending before its string is made
    if (!multi && !mayEndLikeSurname(text, at, possessiveStart(text, at, seqEnd))) continue;
    let seq = text.slice(at, seqEnd);
    const lead = multi && seq.length > 3 ? SEQ_LEAD_RE.exec(seq) : null;
    if (lead) {
      seqFrom = at + lead[0].length; // the sequence starts after it
      continue;
    }
    // a possessive ends the name ("Faina D. Yefremova's Cautionary Tales"); the words after it start the next sequence
    const poss = multi ? POSSESSIVE_INSIDE_RE.exec(seq) : null;
    if (poss) {
      seq = seq.slice(0, poss.index + 2);
      seqFrom = at + seq.length;
    }
    // the match ends with a word (initials only come between words): test its ending before splitting
    const lastTok = multi ? seq.slice(lastBlankIndex(seq) + 1) : seq;
    if (!SURNAME_END.test(bare(lastTok))) continue;
    // a single word is never an initial (its second character is a lower-case letter or an apostrophe)
    const words = multi ? seq.split(/[ \t]+/).filter((w) => !/^\p{Lu}\.?$/u.test(w)) : [seq];
    const last = bare(words[words.length - 1]);
    if (multi ? words.some((w) => PLACE_WORDS.has(w) || NOT_NAME_WORDS.has(w)) : PLACE_WORDS.has(seq) || NOT_NAME_WORDS.has(seq)) continue;
    const sentenceStart = atSentenceStart(text, at);
    if (words.length === 1 && sentenceStart) continue;
    if (words.length === 1 && /\b(?:in|from|to|at|of)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, at - 10), at))) continue;
    const known = GIVEN_NAMES.has(words[0]);
    const strongEnd = last.length >= 5 && STRONG_SURNAME_END.test(last);
    // a sentence-initial pair counts when the surname ending is strong and long ("Mohmad R. Vizirov", "Alpatu Shervashidze's")
    const conf = words.length > 1 && (known || strongEnd) && !sentenceStart ? 0.6 : words.length > 1 && (known || (strongEnd && last.length >= 6)) ? 0.55 : BARE_GIVEN;
    const end = at + seq.length - (seq.length - seq.replace(/['’]s$/, '').length);
    push(out, at, end, conf);
  }
  // WORD_RE as an OffsetScan at the tokens would run (see the loop above)
  let wordFrom = 0;
  for (let k = 0; k < tokens.length; k++) {
    const at = tokens[k];
    if (at < wordFrom) continue;
    const tokenEnd = capWordEnd(text, at);
    if (tokenEnd < 0) continue;
    wordFrom = tokenEnd;
    const wordEnd = possessiveStart(text, at, tokenEnd); // "Melvin's daughter"
    // most capitalised words are neither a given name nor a Chinese family name: their hash tells before any string is made
    if (!mayBeKnownWord(text, at, wordEnd)) {
      unknownWordName(text, at, tokenEnd, wordEnd, out);
      continue;
    }
    const token = text.slice(at, tokenEnd);
    const word = text.slice(at, wordEnd);
    if (CHINESE_SURNAMES.has(token)) {
      // family name first: "Wang Fang", "Deng Xiaoping", "Zhou Enlai"
      const e = chineseGivenEnd(text, at + token.length);
      if (e > 0 && !NOT_CHINESE_NAMES.has(text.slice(at, e))) {
        push(out, at, e, 0.6);
        wordFrom = e;
        continue;
      }
    }
    if (!GIVEN_NAMES.has(word)) {
      unknownWordName(text, at, tokenEnd, wordEnd, out);
      continue;
    }
    const start = at;
    let end = start + (word.length < token.length ? word.length : token.length);
    // extend over an initial and up to two capitalised surnames
    const rest = REST_OF_NAME_RE.exec(text.slice(end, end + 80));
    let words = 1;
    if (rest) {
      const parts = rest[0].trim().split(/[ \t]+/);
      const kept: string[] = [];
      for (const p of parts) {
        if (NOT_NAME_WORDS.has(p) && !(p === 'May' && kept.length === 0 && !MONTH_GIVEN.has(word) && maySurname(text, end + rest[0].indexOf('May') + 3))) break;
        kept.push(p);
        if (/['’]s$/.test(p)) break; // "Arianna Huffington's Philosophy": the possessive ends the name
      }
      while (kept.length && /^\p{Lu}\.?$/u.test(kept[kept.length - 1])) kept.pop(); // a trailing initial is not a surname
      if (kept.length) {
        const seg = rest[0].slice(0, rest[0].indexOf(kept[kept.length - 1]) + kept[kept.length - 1].length);
        end += seg.length;
        words += kept.length;
      }
    }
    wordFrom = end;
    const span = text.slice(start, end);
    // "Sydney Opera House", "Dana Point", "Nera Economic Consulting": a place or organisation, not a person
    if (words > 1 && span.split(/[ \t]+/).some((w) => ORG_PLACE_WORDS.has(w.replace(/['’]s$/, '')))) continue;
    let conf = BARE_GIVEN;
    if (words > 1) {
      const last = span.slice(span.lastIndexOf(' ') + 1).replace(/['’]s$/, '');
      if (PLACEHOLDER_SURNAME.test(span)) conf = BARE_GIVEN;
      else if (SURNAMES.has(last)) conf = 0.75;
      else if (WORD_LIKE_GIVEN.has(token)) conf = BARE_GIVEN; // "Max Tokens", "Price Per Month": only with a known surname
      else if (COMMON_GIVEN_NAMES.has(token)) conf = 0.7;
      else conf = 0.55; // a rarer given name followed by an unknown capitalised word ("Curing Salmon")
    } else {
      const before = text.slice(Math.max(0, start - 40), start);
      const after = text.slice(end, end + 40);
      // "Kowalski, Jan" in a header, a cell or a list: a known surname, a comma, the given name (and an initial), then the field ends
      const commaBefore = endsWithCommaBlanks(before);
      const inverted = commaBefore ? INVERTED_BEFORE_RE.exec(before) : null;
      if (inverted && (SURNAMES.has(inverted[1]) || WORD_SURNAMES.has(inverted[1]))) {
        const tail = INVERTED_AFTER_RE.exec(after);
        if (tail) {
          push(out, start - inverted[0].length, end + tail[1].length, 0.7);
          continue;
        }
      }
      if (GREETING_RE.test(before.slice(-16))) conf = 0.65; // "Hi Anna,", "Dear Tom"
      else if (atLineStart(text, start) && /^:[\s"“]/.test(after)) conf = 0.6; // dialogue speaker "Anna: ..."
      else if (text.charCodeAt(end) === 44 && (start === 0 || /[.!?]\s+$|\n\s*$/.test(before)) && /^,\s/.test(after) && /^,\s+(?:can|could|would|will|please|do|did|are|is|have|I|we|you)\b/i.test(after.slice(0, 12))) conf = 0.6; // vocative "Anna, can you ..."
      else if (KIN_BEFORE_RE.test(before)) conf = 0.65; // "my kid Alina", "her husband Tom"
      else if (NAMED_BEFORE_RE.test(before) || CREDIT_BEFORE_RE.test(before)) conf = 0.6; // "named him Frank", "starring Tom"
      else if (KIN_AFTER_RE.test(after)) conf = 0.6; // "Melvin's daughter", "Franciska's kid"
      else if (WORK_AFTER_RE.test(after) && /\bthe[ \t]+$/i.test(before)) conf = 0.55; // "the Jensen novel"
      else if (RELATION_AFTER_RE.test(after)) conf = 0.6; // "Leon shouted at Russell", "Dzhambek is from Civic Impulse"
      else if (TRAIT_AFTER_RE.test(text.slice(end, end + 60)) || (/\b(?:[Ii]s|[Ww]as|[Ii]sn't|[Ww]asn't)[ \t]+$/.test(before) && TRAIT_AFTER_RE.test(' is' + text.slice(end, end + 60)))) conf = 0.55; // "Nora is very reliable", "Why is Ivan so impulsive?"
      else if (RELATION_BEFORE_RE.test(before)) conf = 0.6; // "Mehrudin shouted at Todd"
      else if (commaBefore && VOCATIVE_END_BEFORE_RE.test(before) && VOCATIVE_END_AFTER_RE.test(after)) conf = 0.6; // vocative "Don't go to town, Brandon!"
      else if (!ASSISTANT_NAMES.has(token) && (ADDRESSEE_BEFORE_RE.test(before) || SPEAKER_AFTER_RE.test(after))) conf = 0.6; // "email to Michael", "lunch with Aisha", "what Jennifer said"
    }
    push(out, start, end, conf);
  }
  scanGazetteerNames(text, out, upper, tokens);
  const said = new OffsetScan(SAID_RE, text, saidStarts(text, tokens));
  while ((m = said.exec()) !== null) {
    for (const gi of [1, 2]) {
      const g = m[gi];
      const span = m.indices?.[gi];
      if (!g || !span || NOT_NAME_WORDS.has(g.split(' ')[0])) continue;
      push(out, span[0], span[1], 0.6);
    }
  }
  scanNameLines(text, out);
  // the possessive is not part of the name ("Fletcher Turcotte's killers"), nor a closing quote ("'Ana Lima'", "the Jameses' car")
  let kept = first;
  for (let i = first; i < out.length; i++) {
    const c = out[i];
    if (c.end - c.start > 3 && possessiveStart(text, c.end - 2, c.end) === c.end - 2) c.end -= 2;
    while (c.end - c.start > 2 && (text[c.end - 1] === "'" || text[c.end - 1] === '’')) c.end--;
    if (keepWholeWords(text, c)) out[kept++] = c;
  }
  out.length = kept;
}

/**
 * Where SAID_RE can start: the `[,!?"”']` before blanks, a verb of SAID_VERBS
 * and blanks that end at one of `tokens` (each name the regex takes starts at
 * a name token). A global scan for that punctuation stopped at every comma.
 */
function saidStarts(text: string, tokens: Int32Array): Int32Array {
  const out: number[] = [];
  for (let k = 0; k < tokens.length; k++) {
    let j = tokens[k];
    if (!isBlankCode(text.charCodeAt(j - 1))) continue;
    while (isBlankCode(text.charCodeAt(j - 1))) j--;
    const last = text.charCodeAt(j - 1);
    if (last !== 100 && last !== 115 && last !== 101) continue; // the verbs end with d, s or e
    for (const verb of SAID_VERBS) {
      let i = j - verb.length;
      if (i < 1 || !text.startsWith(verb, i)) continue; // a punctuation mark before it too
      while (isBlankCode(text.charCodeAt(i - 1))) i--;
      if (SAID_PUNCT.has(text.charCodeAt(i - 1))) out.push(i - 1);
      break;
    }
  }
  return offsetsOf(out);
}
/** The punctuation SAID_RE starts with. */
const SAID_PUNCT: ReadonlySet<number> = new Set([...',!?"”\''].map((ch) => ch.charCodeAt(0)));
/** Quote attribution run at its starts, for the test that compares it with a whole-text scan. */
export const SAID_SCAN: { re: RegExp; starts: (text: string) => Int32Array } = { re: SAID_RE, starts: (text) => saidStarts(text, nameTokenStarts(text, upperStarts(text))) };

/**
 * Evidence around a capitalised word outside the gazetteer (`at` to
 * `tokenEnd`, `wordEnd` before a possessive) that only a person fits. Cheap
 * character tests first, and the word's string only after them: this runs at
 * nearly every capitalised word.
 */
function unknownWordName(text: string, at: number, tokenEnd: number, wordEnd: number, out: Candidate[]): void {
  strongCueName(text, at, out);
  livesAtName(text, at, tokenEnd, out);
  const we = wordEnd;
  const nc = text.charCodeAt(we);
  const possessive = nc === 39 || nc === 0x2019;
  const career = nc === 32 && (text.startsWith(' began', we) || text.startsWith(' started', we));
  const trait = nc === 32 && (text.startsWith(' is ', we) || text.startsWith(' was ', we) || text.startsWith(' seems', we) || text.startsWith(' has always', we));
  const work = nc === 32 && at >= 4 && text.charCodeAt(at - 1) === 32 && (text.charCodeAt(at - 2) | 32) === 101 && (text.charCodeAt(at - 3) | 32) === 104 && (text.charCodeAt(at - 4) | 32) === 116; // after `the `
  if (possessive || career || work || trait) {
    const word = text.slice(at, wordEnd);
    if (!NOT_NAME_WORDS.has(word) && isNameWord(word)) {
      const after = text.slice(we, we + 40);
      const surname = SURNAMES.has(word) || STRONG_SURNAME_END.test(word);
      if (
        (possessive && FAMILY_AFTER_RE.test(after)) || // "Franciska's kid", "Adomo's wife"
        (career && surname && CAREER_AFTER_RE.test(after) && atSentenceStart(text, at)) || // "Rintanen began writing as a teenager"
        // a career beginning or a character trait told of a sentence's subject that a personal pronoun then refers to:
        // "Adomo began writing as a teenager, publishing her first story", "Irenka is very reliable. You can always depend on him."
        ((career ? CAREER_AFTER_RE.test(after) : trait && TRAIT_AFTER_RE.test(text.slice(we, we + 60))) && atSentenceStart(text, at) && PRONOUN_AFTER_RE.test(text.slice(we, we + PRONOUN_REACH))) ||
        (work && surname && WORK_AFTER_RE.test(after) && (at === 4 || !/[\p{L}\p{M}]/u.test(text[at - 5]!))) // "the Sokolov novel"
      ) {
        push(out, at, we, 0.55);
        return;
      }
    }
  }
  // a vocative that opens a request: "Kuba, can I please speak to your boss?", "Mehmet, could you check the logs?"
  const ve = tokenEnd;
  if (text.charCodeAt(ve) === 44 && VOCATIVE_REQUEST_RE.test(text.slice(ve, ve + 16)) && atSentenceStart(text, at)) {
    const word = text.slice(at, wordEnd);
    if (
      !NOT_NAME_WORDS.has(word) &&
      !NOT_VOCATIVE_WORDS.has(word) &&
      !/(?:ly|ever|more|fore|wise|ward|wards|thing|one|body)$/.test(word) && // adverbs and connectives: Furthermore, However, Otherwise
      isNameWord(text.slice(at, tokenEnd))
    ) {
      push(out, at, ve, 0.55);
      return;
    }
  }
  // "Dzhambek is from Civic Impulse LLC": a single capitalised word said to be from a company
  const e = tokenEnd;
  if (
    (text.startsWith(' is from ', e) || text.startsWith(' was from ', e)) &&
    !/[\p{L}\p{M}]/u.test(text[at - 1] ?? ' ') &&
    isNameWord(text.slice(at, tokenEnd)) &&
    COMPANY_AFTER_RE.test(text.slice(e, e + 80))
  )
    push(out, at, e, 0.6);
}

/** Common Chinese family names in pinyin (not `He` and `Ma`, which are English words at a sentence's start). */
const CHINESE_SURNAMES: ReadonlySet<string> = new Set(
  `Wang Zhang Li Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Zhu Hu Guo Lin Luo Gao Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng
Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Xue Qian Jia Fu Zou Xiong Meng Qin Bai Yin Lei
Duan Hao Kong Shao Shi Mao Wan Gu Lai Wen Qiu Fan Fang Tan Yan Kang Xia Zhong Hou Tao Qi Mo Xiang`.split(/\s+/),
);
/** A hash of `text` from `a` to `b`, for the word filters (wordFilter). */
function wordHash(text: string, a: number, b: number): number {
  let h = 0;
  for (let i = a; i < b; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h ^ (h >>> 13);
}
/** One bit per hash of each of `words`, in 2^`log2` bits: a word whose bit is clear is none of them. */
function wordFilter(words: Iterable<string>, log2: number): Int32Array {
  const bits = new Int32Array(1 << (log2 - 5));
  for (const w of words) {
    const h = wordHash(w, 0, w.length) & ((1 << log2) - 1);
    bits[h >>> 5] |= 1 << (h & 31);
  }
  return bits;
}
/** Whether `text` from `a` to `b` may be one of the words of the filter `bits`. */
function mayBeIn(bits: Int32Array, text: string, a: number, b: number): boolean {
  const h = wordHash(text, a, b) & (bits.length * 32 - 1);
  return (bits[h >>> 5] & (1 << (h & 31))) !== 0;
}
/** The given names and Chinese family names (2^18 bits, about 6% of them set). */
const KNOWN_WORDS = wordFilter([...GIVEN_NAMES, ...CHINESE_SURNAMES], 18);
/** Whether `text` from `a` to `b` may be in GIVEN_NAMES or CHINESE_SURNAMES (spares most capitalised words a string and the Set lookups). */
const mayBeKnownWord = (text: string, a: number, b: number): boolean => mayBeIn(KNOWN_WORDS, text, a, b);
/** The known surnames, for noSurnamePair. */
const SURNAME_WORDS = wordFilter(SURNAMES, 18);
/** mayBeKnownWord on a whole string, for the test that every given name and Chinese family name passes it. */
export const mayBeKnownName = (w: string): boolean => mayBeKnownWord(w, 0, w.length);
/** Where the word from `a` to `b` ends without a possessive `'s` / `’s` (as `bare`). */
function possessiveStart(text: string, a: number, b: number): number {
  return b - a >= 2 && text.charCodeAt(b - 1) === 115 && (text.charCodeAt(b - 2) === 39 || text.charCodeAt(b - 2) === 0x2019) ? b - 2 : b;
}
/** Pairs of a family name and a pinyin word that are not people. */
const NOT_CHINESE_NAMES: ReadonlySet<string> = new Set(['Yin Yang', 'Feng Shui', 'Ding Dong', 'Wu Tang', 'Mao Tai', 'Gu Zheng', 'Tan Tan', 'Shi Tzu']);
/** One syllable of Mandarin in pinyin without tone marks: an optional initial and a final. */
const PINYIN_SYLLABLE = '(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ui|ao|ou|iu|ie|ue|er|an|en|in|un|ia|ua|uo|a|o|e|i|u|v)';
/** A given name of one or two syllables, maybe hyphenated (`Fang`, `Xiaoping`, `Xiao-Ming`). */
const PINYIN_GIVEN_RE = new RegExp(`^${PINYIN_SYLLABLE}(?:-?${PINYIN_SYLLABLE})?$`);
const CHINESE_GIVEN_AT_RE = /[ \t](\p{Lu}[a-z]{1,5}(?:-?[A-Za-z][a-z]{0,5})?)(?![\p{L}\p{M}'’-])/uy;
/** The end of a pinyin given name right after a family name ending at `at`, or 0. */
function chineseGivenEnd(text: string, at: number): number {
  CHINESE_GIVEN_AT_RE.lastIndex = at;
  const g = CHINESE_GIVEN_AT_RE.exec(text);
  return g && PINYIN_GIVEN_RE.test(g[1].toLowerCase()) ? at + g[0].length : 0;
}

/** `i` starts the text, or follows a sentence end (`. `, `! `, `? `) or a line break (and blanks) within the 3 characters before it. */
function atSentenceStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const from = i > 3 ? i - 3 : 0;
  // the ASCII white space that ends the window, read backwards
  let j = i;
  for (; j > from && isAsciiSpaceCode(text.charCodeAt(j - 1)); j--) if (text.charCodeAt(j - 1) === 10) return true;
  const c = text.charCodeAt(j - 1);
  if (j > from && c >= 128) return SENTENCE_START_RE.test(text.slice(from, i)); // a non-ASCII space may go on: the regex decides
  return j < i && j > from && (c === 46 || c === 33 || c === 63);
}
const SENTENCE_START_RE = /(?:[.!?]\s+|\n\s*)$/;
/** `\s` among ASCII characters: tab, line feed, vertical tab, form feed, carriage return, space. */
const isAsciiSpaceCode = (c: number): boolean => (c >= 9 && c <= 13) || c === 32;
/** atSentenceStart and the regex it reads with char codes (on the three characters before `i`), for the test that compares them. */
export const SENTENCE_START_CHECK: { re: RegExp; at: (text: string, i: number) => boolean } = { re: SENTENCE_START_RE, at: (text, i) => atSentenceStart(text, i) };

/** A possessive and a family noun after a word: only a person has a kid, a wife or a mother. */
const FAMILY_AFTER_RE = /^['’]s[ \t]+(?:(?:little|older|younger|eldest|youngest|baby|new|late|ex-?)[ \t]+)?(?:kids?|sons?|daughters?|wife|husband|mother|father|mom|mum|dad|brothers?|sisters?|boyfriend|girlfriend|fianc[ée]e?|grandson|granddaughter|grandma|grandpa|grandmother|grandfather|uncle|aunt|cousin|niece|nephew|stepson|stepdaughter|spouse|widow|widower)\b/i;
/** A career beginning told of a subject: `X began writing as a teenager`, `X started singing at six`. */
const CAREER_AFTER_RE = /^[ \t]+(?:began|started)[ \t]+(?:writing|singing|painting|acting|performing|composing|recording|directing|drawing|dancing|modelling|modeling|coaching)\b/;
/** A personal pronoun after a subject (her, his, him, she, he): only a person is referred to so (a speaker's `he said` is someone else). */
const PRONOUN_AFTER_RE = /\b(?:her|his|him|she|he|She|He|Her|His)\b(?![ \t]+(?:said|says|added|told|wrote|explained|noted|asked|replied)\b)/; // not the speaker of `..., he said`
/** How far after the subject the pronoun is looked for; the output stream holds a capitalised word followed by ` is` or ` began` this long (NAME_RIGHT_CONTEXT). */
export const PRONOUN_REACH = 80;
/** A work named after its author: `the Sokolov novel`, `the Jensen biography`. */
const WORK_AFTER_RE = /^[ \t]+(?:novel|novels|biography|memoir|memoirs|autobiography|poem|poems|short story|play|painting|paintings|sonata|symphony|concerto|opera|screenplay)\b/;
/** `, can you` / `, could I` / `, would we` after a vocative. */
const VOCATIVE_REQUEST_RE = /^,[ \t]+(?:can|could|would|will)[ \t]+(?:you|I|we)\b/;
/** Capitalised words that open a request without naming anyone: interjections, discourse words, forms of address, assistants. */
const NOT_VOCATIVE_WORDS: ReadonlySet<string> = new Set(
  `Sorry Okay Ok OK Hey Hi Hello Hiya Well So Also Now Then Please Yes No Sure Thanks Listen Look Honestly Seriously Actually
Basically Guys Folks Team Everyone Everybody Anyone Someone Somebody Boss Sir Madam Dude Bro Mom Mum Dad Mommy Daddy Mama Papa
Doctor Doc Officer Alright Right Anyway Besides First Second Third Next Finally Again Quickly Hmm Oh Ah Wow Great Cool Perfect
Fine Good Excellent Friends Friend Assistant ChatGPT Claude Gemini Copilot Bard Bot Computer Siri Alexa Cortana Google Jarvis
Mister Grandma Grandpa Granny Honey Babe Baby Darling Buddy Mate Kids Children Ladies Gentlemen Professor Teacher Coach Captain
Chef Nurse Waiter Driver Bartender Lord God Jesus Son Daughter Brother Sister Auntie Uncle Girl Boy Man Woman Guy Kid Child
Today Tomorrow Tonight Yesterday Here There Finally Lastly Ideally Alternatively Additionally Meanwhile Otherwise Instead
Hopefully Maybe Perhaps Quick Urgent Important Question Also Again Dear Yo Oi Excuse Pardon Wait Hold Stop Help Aye Yeah Yep
Nope Nah Indeed Certainly Absolutely Definitely Obviously Clearly Unfortunately Fortunately Anyways Regardless Still Plus`.split(/\s+/),
);

/** `s` ends with a comma and blanks (`, `), as INVERTED_BEFORE_RE and VOCATIVE_END_BEFORE_RE need. */
function endsWithCommaBlanks(s: string): boolean {
  let i = s.length;
  while (i > 0 && isBlankCode(s.charCodeAt(i - 1))) i--;
  return i < s.length && s.charCodeAt(i - 1) === 44;
}
/** A capitalised surname and a comma right before a given name (`Kowalski, Jan`). */
const INVERTED_BEFORE_RE = /(?<![\p{L}\p{M}'’-])(\p{Lu}(?:['’]\p{Lu})?[\p{Ll}\p{M}'’-]+),[ \t]+$/u;
/** What ends an inverted name's field: an optional initial, then a quote, a bracket, `|`, `;`, the line's end. */
const INVERTED_AFTER_RE = /^((?:[ \t]+\p{Lu}\.)?)[ \t]*(?:["”'’>|;)\]]|\r?\n|$)/u;
const LETTER_RE = /[\p{L}\p{M}]/u;
/** A surname with an inner capital: `McGregor`, `MacDonald`, `DeGette`, `DasSarma`, `FitzGerald`. */
const INNER_CAPITAL_RE = /^\p{Lu}[\p{Ll}'’]{0,3}\p{Lu}[\p{Ll}\p{M}]+$/u;
const IDENT_CHAR_RE = /[\p{N}_]/u;
const isLetterAt = (text: string, i: number) => i >= 0 && i < text.length && LETTER_RE.test(text[i]);

/**
 * A name span must not cut a word: the scans' name tokens stop at an inner
 * capital, so "Mary McGregor" came out as "Mary Mc" and redaction left
 * "Gregor" in the text. A span that ends or starts inside a word is widened
 * to the whole word when the word is a surname with an inner capital, or
 * when the rest of the word has no capital (a combining mark the token did
 * not take); otherwise (`MaxPool1d`, `AdaptiveMaxPool`) it is dropped.
 */
function keepWholeWords(text: string, c: Candidate): boolean {
  if (isLetterAt(text, c.end) && isLetterAt(text, c.end - 1)) {
    let we = c.end;
    while (we - c.end < 30 && isLetterAt(text, we)) we++;
    let ws = c.end - 1;
    while (ws > c.start && isLetterAt(text, ws - 1)) ws--;
    if (isLetterAt(text, we) || IDENT_CHAR_RE.test(text[we] ?? '')) return false;
    if (/\p{Lu}/u.test(text.slice(c.end, we)) && !INNER_CAPITAL_RE.test(text.slice(ws, we))) return false;
    c.end = we;
  }
  if (isLetterAt(text, c.start - 1) && isLetterAt(text, c.start)) {
    let ws = c.start;
    while (c.start - ws < 30 && isLetterAt(text, ws - 1)) ws--;
    let we = c.start;
    while (we < c.end && isLetterAt(text, we)) we++;
    if (isLetterAt(text, ws - 1) || IDENT_CHAR_RE.test(text[ws - 1] ?? '') || !INNER_CAPITAL_RE.test(text.slice(ws, we))) return false;
    c.start = ws;
  }
  // the first half of a hyphenated given name ("Jean-" of "Jean-Pierre Martin", "Anne-" of "Anne-Marie")
  if (text.charCodeAt(c.start - 1) === 45 && HYPHEN_HALF_RE.test(text.slice(Math.max(0, c.start - 21), c.start))) {
    c.start -= HYPHEN_HALF_RE.exec(text.slice(Math.max(0, c.start - 21), c.start))![0].length;
  }
  return true;
}
/** A capitalised word and a hyphen right before a name, itself at a word start. */
const HYPHEN_HALF_RE = /(?<![\p{L}\p{M}\d_-])\p{Lu}[\p{Ll}\p{M}]{1,18}-$/u;

/**
 * Given names that are also everyday title-case words in technical and
 * business text (`Max Tokens`, `Max Memory`, `Cost Per User`): followed by a
 * capitalised word they name a person only when it is a known surname.
 */
const WORD_LIKE_GIVEN: ReadonlySet<string> = new Set(['Max', 'Per']);

const NAME_TOKEN = "\\p{Lu}(?:['’]\\p{Lu})?[\\p{Ll}\\p{M}'’]+(?:-\\p{Lu}[\\p{Ll}\\p{M}'’]+)?";
/** Last words of a strong person cue ("my kid", "named him"): checked with a Set before any regex runs. */
const CUE_LAST_WORDS: ReadonlySet<string> = new Set([...KIN_NOUNS.replace(/\(\?:|\)|\?|\[[^\]]*\]e\?/g, '').split('|'), 'coworker', 'co-worker', 'neighbor', 'neighbour', 'fiance', 'fiancé', 'fiancee', 'fiancée', 'him', 'her', 'me', 'starring', 'co-starring', 'by']);
const CUE_WORDS = wordFilter(CUE_LAST_WORDS, 12);
/** Film and book credits: "starring Borkowski", "written by Ann Lee". */
const CREDIT_BEFORE_RE = /\b(?:[Ss]tarring|[Cc]o-starring|(?:[Ww]ritten|[Pp]roduced|[Cc]omposed|[Pp]ainted|[Nn]arrated|[Ii]llustrated)[ \t]+by)[ \t]+$/;
const NAME_AT_RE = new RegExp(`${NAME_TOKEN}(?:[ \\t]+(?:\\p{Lu}\\.?[ \\t]+)?${NAME_TOKEN})?`, 'uy');

const LIVES_RE = /^[ \t]+(?:lives|lived|resides|resided)[ \t]+(?:at|on|in)[ \t]+(?:\d|\p{Lu})/u;
const CAP_WORD_AT_RE = /\p{Lu}(?:['’]\p{Lu})?[\p{Ll}\p{M}'’]+(?:-\p{Lu}[\p{Ll}\p{M}'’]+)?/uy;

/**
 * One or two capitalised words (not in the gazetteer) that live somewhere:
 * "Tomomi Nishiyama lives at 86036 Rua do Arenque", "Dexter lives on
 * Ziegelgasse 19" (0.6). Only at a word start; the name must not contain
 * organisation or place words.
 */
function livesAtName(text: string, start: number, end: number, out: Candidate[]): void {
  if (text.charCodeAt(end) !== 32) return;
  const c1 = text.charCodeAt(end + 1);
  const lr = c1 === 108 || c1 === 114; // l(ives), r(esides)
  if (!lr && !(c1 >= 65 && c1 <= 90) && !(c1 >= 192 && /\p{Lu}/u.test(text[end + 1]))) return; // cheap exit for almost every capitalised word
  if (lr ? !livesVerbAt(text, end + 1) : !livesAfterWordAt(text, end + 1)) return; // what LIVES_RE needs, before any regex
  if (start > 0 && /[\p{L}\p{M}]/u.test(text[start - 1])) return;
  if (/\b(?:the|a|an|this|that|our|my|your|his|her|their|its)[ \t]+$/i.test(text.slice(Math.max(0, start - 7), start))) return; // "The Queen lives in London"
  if (lr) {
    if (LIVES_RE.test(text.slice(end, end + 30)) && isNameWord(text.slice(start, end))) push(out, start, end, 0.6);
    return;
  }
  CAP_WORD_AT_RE.lastIndex = end + 1;
  const second = CAP_WORD_AT_RE.exec(text);
  if (!second) return;
  const e2 = end + 1 + second[0].length;
  if (LIVES_RE.test(text.slice(e2, e2 + 30)) && isNameWord(text.slice(start, end)) && isNameWord(second[0])) push(out, start, e2, 0.6);
}

/** Whether the head of a LIVES_RE verb (`lives`, `lived`, `resides`, `resided`) starts at `i`. */
const livesVerbAt = (text: string, i: number): boolean => text.startsWith('live', i) || text.startsWith('resid', i);
/**
 * Whether CAP_WORD_AT_RE at the capital `p` may be followed by blanks and a
 * LIVES_RE verb: read with char codes when the word is ASCII letters (true
 * when the regex must decide).
 */
function livesAfterWordAt(text: string, p: number): boolean {
  if (!isAsciiUpper(text.charCodeAt(p))) return true;
  const e = asciiTokenEnd(text, p);
  if (e < 0) return true;
  if (e === p + 1 || !isBlankCode(text.charCodeAt(e))) return false; // no word, or no blank after it
  let j = e + 1;
  while (isBlankCode(text.charCodeAt(j))) j++;
  return livesVerbAt(text, j);
}

/** The second word and verb regexes of livesAtName with the char-code test before them, for the test that it holds wherever both match. */
export const LIVES_CHECK: { word: RegExp; lives: RegExp; may: (text: string, p: number) => boolean } = { word: CAP_WORD_AT_RE, lives: LIVES_RE, may: (text, p) => livesAfterWordAt(text, p) };

/**
 * A strong person cue followed by any capitalised word(s), for words that are
 * not in the gazetteer: "my kid Agi", "named him Timmie", "call me Piusz"
 * (0.65). The word before must be a cue's last word (Set lookup) before the
 * cue regexes run on a short slice.
 */
function strongCueName(text: string, start: number, out: Candidate[]): void {
  const sp = text.charCodeAt(start - 1);
  if (sp !== 32 && sp !== 9) return;
  let i = start - 2;
  while (i >= 0 && i > start - 16 && isCueWordCode(text, i)) i--;
  // the word is lower-case letters and hyphens already (see isCueWordCode): its hash tells most words apart before a string is made
  if (!mayBeIn(CUE_WORDS, text, i + 1, start - 1) || !CUE_LAST_WORDS.has(text.slice(i + 1, start - 1).toLowerCase())) return;
  const before = text.slice(Math.max(0, start - 40), start);
  if (!KIN_BEFORE_RE.test(before) && !NAMED_BEFORE_RE.test(before) && !CREDIT_BEFORE_RE.test(before)) return;
  NAME_AT_RE.lastIndex = start;
  const mm = NAME_AT_RE.exec(text);
  if (!mm) return;
  const name = trimName(mm[0]);
  const words = name.split(/[ \t]+/);
  if (!words.every((w) => isNameWord(bare(w)) || /^\p{Lu}\.?$/u.test(w))) return;
  push(out, start, start + bare(name).length, 0.65);
}
/** Capitalised word, optional initial, known surname: "Vilmer Holmberg", "Mohmad R. Vizirov". */
const CAP_SURNAME_RE = new RegExp(`(?<![\\p{L}\\p{M}'’-])(${NAME_TOKEN})[ \\t]+(?:\\p{Lu}\\.?[ \\t]+)?(${NAME_TOKEN})(?![\\p{L}\\p{M}-])`, 'uy');
/** Coordinated names: "Brabec, Doyle and Gonzalez", "Romi, Erik, Amy and Kristen". */
const NAME_LIST_RE = new RegExp(`(?<![\\p{L}\\p{M}])${NAME_TOKEN}(?:(?:,[ \\t]*|,?[ \\t]+(?:and|&|or)[ \\t]+)${NAME_TOKEN}){1,11}`, 'uy');
const NOT_LOWER_WORD_RE = /[^\p{Ll}\p{M}]+/u;
const LOWER_LIST_RE = /(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]{1,19}(?:(?:,[ \t]*|,?[ \t]+(?:and|or)[ \t]+)\p{Ll}[\p{Ll}\p{M}]{1,19}){2,11}/gu;
/** All-lower-case text: known given name, optional initial, known surname ("olga krylova", "benjamin a seiler"). */
const LOWER_FULL_RE = /(?<![\p{L}\p{M}])(\p{Ll}[\p{Ll}\p{M}]{1,19})[ \t]+(?:\p{Ll}\.?[ \t]+)?(\p{Ll}[\p{Ll}\p{M}-]{1,24})(?![\p{L}\p{M}])/gu;
const LOWER_FROM_RE = /(?<![\p{L}\p{M}])(\p{Ll}[\p{Ll}\p{M}]{1,19})[ \t]+(?:is|was)[ \t]+from[ \t]+(?:\p{Ll}[\p{Ll}\p{M}&'’.-]*[ \t]+){1,4}(?:inc|llc|ltd|corp|co|gmbh|ag|sa|group|company|corporation|limited|plc|llp)\b/gu;
const COMPANY_AFTER_RE = /^[ \t]+(?:is|was)[ \t]+from[ \t]+(?:\p{Lu}[\p{L}\p{M}&'’.-]*[ \t]+){1,4}(?:Inc|LLC|Ltd|Corp|Co|GmbH|AG|SA|Group|Company|Corporation|Limited|PLC|LLP)\b/u;

// A name addressed at the end of a clause: after a comma that follows a lower-case word, and before the clause's
// closing mark ("Don't go to town, Brandon!", "See you tomorrow, Anna."). A capitalised word before the comma is a
// list ("Clark, Romero and Hall"), which the list rule decides.
const VOCATIVE_END_BEFORE_RE = /[\p{Ll}\p{M}\d'’],[ \t]+$/u;
const VOCATIVE_END_AFTER_RE = /^(?:[!?.…]+(?:[\s"”'’)]|$)|$)/u;

/** A known surname that is no given name, or a word with a strong surname ending ("Kadiev and Adams"). */
const surnameLike = (w: string): boolean => !GIVEN_NAMES.has(w) && (SURNAMES.has(w) || (w.length >= 5 && STRONG_SURNAME_END.test(w)));
const isNameWord = (w: string): boolean => !NOT_NAME_WORDS.has(w) && !ORG_PLACE_WORDS.has(w) && !PLACE_WORDS.has(w) && !CONTRACTION_RE.test(w);
/** `I'm`, `I'll`, `I'd`, `I've`: capitalised, never a name. */
const CONTRACTION_RE = new RegExp(`^${CONTRACTIONS}$`);
/** The word without a possessive `'s` / `’s`. */
const bare = (w: string): string => {
  const n = w.length;
  return n >= 2 && w.charCodeAt(n - 1) === 115 && (w[n - 2] === "'" || w[n - 2] === '’') ? w.slice(0, n - 2) : w;
};

/**
 * Where the name token at `p` (a capital followed by a lower-case letter, see nameTokenStarts) ends,
 * when it is ASCII letters and apostrophes only (`Anna`, `Anna’s`, read as lowerRunEnd reads WORD_RE's
 * run); -1 when a non-ASCII character, an inner capital or a hyphen follows (`Zoë`, `O'Brien`,
 * `Anne-Marie`: the regex decides).
 */
function asciiTokenEnd(text: string, p: number): number {
  const e = lowerRunEnd(text, p + 1);
  if (e === UNKNOWN) return -1;
  const c = text.charCodeAt(e);
  return isAsciiUpper(c) || c === 45 ? -1 : e;
}

/** The tokens after which CAP_SURNAME_RE can go on: blanks then a capital (or a token the regex must read). */
function mayStartPair(text: string, p: number): boolean {
  const e = asciiTokenEnd(text, p);
  if (e < 0) return true;
  if (!isBlankCode(text.charCodeAt(e))) return false;
  let j = e + 1;
  while (isBlankCode(text.charCodeAt(j))) j++;
  const c = text.charCodeAt(j);
  return (c >= 65 && c <= 90) || c >= 128;
}

/**
 * A pair start (mayStartPair) where CAP_SURNAME_RE cannot take a known
 * surname: read with char codes, the first word is ASCII, and the second
 * (after blanks and maybe an initial) is missing, or ASCII, ended by neither a
 * letter nor a hyphen, and not in SURNAMES without its possessive. The pair
 * loop rejects such a match and goes on after its first word, which holds no
 * other start: not trying the regex there is the same.
 */
function noSurnamePair(text: string, p: number): boolean {
  const e = asciiTokenEnd(text, p);
  if (e < 0 || !isBlankCode(text.charCodeAt(e))) return false;
  let j = e + 1;
  while (isBlankCode(text.charCodeAt(j))) j++;
  if (!isAsciiUpper(text.charCodeAt(j))) return false;
  // an initial (`R.` or `R`) and blanks
  const i = text.charCodeAt(j + 1) === 46 ? j + 2 : j + 1;
  if (isBlankCode(text.charCodeAt(i))) {
    j = i + 1;
    while (isBlankCode(text.charCodeAt(j))) j++;
    if (!isAsciiUpper(text.charCodeAt(j))) return false;
  }
  const e2 = asciiTokenEnd(text, j);
  if (e2 < 0) return false;
  if (e2 === j + 1) return true; // a capital alone is no name token
  const end = possessiveStart(text, j, e2);
  return !mayBeIn(SURNAME_WORDS, text, j, end) || !SURNAMES.has(text.slice(j, end));
}

/**
 * The tokens after which NAME_LIST_RE can go on to a second capital: a comma
 * and blanks, or an optional comma, blanks, `and` / `&` / `or` and blanks.
 */
function mayStartList(text: string, p: number): boolean {
  const e = asciiTokenEnd(text, p);
  if (e < 0) return true;
  let j = e;
  if (text.charCodeAt(j) === 44) {
    j++;
    while (isBlankCode(text.charCodeAt(j))) j++;
    if (mayBeUpper(text.charCodeAt(j))) return true;
    if (j === e + 1) return false;
  } else {
    if (!isBlankCode(text.charCodeAt(j))) return false;
    while (isBlankCode(text.charCodeAt(j))) j++;
  }
  const c = text.charCodeAt(j);
  const conj = c === 38 ? 1 : text.startsWith('and', j) ? 3 : text.startsWith('or', j) ? 2 : 0;
  if (conj === 0 || !isBlankCode(text.charCodeAt(j + conj))) return false;
  j += conj;
  while (isBlankCode(text.charCodeAt(j))) j++;
  return mayBeUpper(text.charCodeAt(j));
}
/** An ASCII capital or a non-ASCII code unit (that may start one). */
const mayBeUpper = (c: number): boolean => isAsciiUpper(c) || c >= 128;

/** The offsets of `starts` that `keep` accepts (a plain loop: Int32Array.prototype.filter with a closure is slow). */
function startsWhere(text: string, starts: Int32Array, keep: (text: string, p: number) => boolean): number[] {
  const out: number[] = []; // a plain array: a typed one costs more to allocate than short prompts spend here
  for (let k = 0; k < starts.length; k++) if (keep(text, starts[k])) out.push(starts[k]);
  return out;
}

/** WORD_RE and CAP_SEQ_RE with the char-code readers of their matches' ends, for the test that compares them. */
export const TOKEN_READERS: readonly { re: RegExp; end: (text: string, at: number) => number }[] = [
  { re: WORD_RE, end: capWordEnd },
  { re: CAP_SEQ_RE, end: capSeqEnd },
];

/** The pair starts the pair loop tries. */
const mayStartSurnamePair = (text: string, p: number): boolean => mayStartPair(text, p) && !noSurnamePair(text, p);
/** The pair regex and the pair starts not tried (noSurnamePair), for the test that no accepted pair starts there. */
export const SKIPPED_PAIRS: { re: RegExp; skipped: (text: string, p: number) => boolean } = { re: CAP_SURNAME_RE, skipped: (text, p) => mayStartPair(text, p) && noSurnamePair(text, p) };

/** The pair and list regexes with the starts they run at, for the test that compares them with whole-text scans. */
export const GAZETTEER_SCANS: readonly { re: RegExp; starts: (text: string) => ArrayLike<number> }[] = [
  { re: CAP_SURNAME_RE, starts: (text) => startsWhere(text, nameTokenStarts(text, upperStarts(text)), mayStartPair) },
  { re: NAME_LIST_RE, starts: (text) => startsWhere(text, nameTokenStarts(text, upperStarts(text)), mayStartList) },
];

/**
 * Gazetteer-driven rules (see gazetteer-data.ts): strong cues followed by
 * any capitalised word, a capitalised word followed by a known surname, lists
 * of known names, full names in all-lower-case text, and "X is from <company>".
 * All bounded regexes over the text, one pass each.
 */
function scanGazetteerNames(text: string, out: Candidate[], upper: Int32Array, tokens: Int32Array): void {
  let m: RegExpExecArray | null;
  // most capitalised words go on with a lower-case word: the pair and list regexes are not tried there
  const pairs = new OffsetScan(CAP_SURNAME_RE, text, startsWhere(text, tokens, mayStartSurnamePair));
  while ((m = pairs.exec()) !== null) {
    const first = m[1];
    const last = bare(m[2]);
    if (!SURNAMES.has(last) || !isNameWord(first) || !isNameWord(last)) {
      pairs.lastIndex = m.index + m[1].length; // let the second word start the next pair
      continue;
    }
    const end = m.index + m[0].length - (m[2].length - last.length);
    push(out, m.index, end, GIVEN_NAMES.has(first) ? 0.75 : 0.6);
  }
  const lists = new OffsetScan(NAME_LIST_RE, text, startsWhere(text, tokens, mayStartList));
  while ((m = lists.exec()) !== null) {
    const re = new RegExp(NAME_TOKEN, 'gu');
    const toks: [number, string][] = [];
    let t: RegExpExecArray | null;
    while ((t = re.exec(m[0])) !== null) toks.push([m.index + t.index, t[0]]);
    const known = toks.filter(([, w]) => (GIVEN_NAMES.has(w) || surnameLike(w)) && isNameWord(w));
    if (toks.some(([, w]) => !isNameWord(w))) continue;
    if (known.length * 3 < toks.length * 2) continue;
    // two names ("Lisa and Peter") are everyday text; two surnames ("Marrero and Murphy") or three or more names are not
    if (known.length < 3 && !(known.length === 2 && known.every(([, w]) => surnameLike(w)))) continue;
    for (const [s0, w] of known) push(out, s0, s0 + w.length, 0.6);
  }
  if (upper.length === 0) {
    // every rule below needs known lower-case given names as whole lower-case words (the list rule three of them):
    // one native split counts them, so ordinary lower-case prose skips the per-word regex passes
    let given = 0;
    for (const w of text.split(NOT_LOWER_WORD_RE)) if (GIVEN_LOWER.has(w)) given++;
    if (given === 0) return;
    LOWER_LIST_RE.lastIndex = 0;
    // a list needs a comma or a conjunction, and the company rule the word "from": cheap gates for both
    const listy = given >= 3 && (text.includes(',') || /[ \t](?:and|or)[ \t]/.test(text));
    while (listy && (m = LOWER_LIST_RE.exec(text)) !== null) {
      const toks: [number, string][] = [];
      const re = /\p{Ll}[\p{Ll}\p{M}]+/gu;
      let t: RegExpExecArray | null;
      while ((t = re.exec(m[0])) !== null) if (t[0] !== 'and' && t[0] !== 'or') toks.push([m.index + t.index, t[0]]);
      const known = toks.filter(([, w]) => GIVEN_LOWER.has(w));
      if (known.length < 3 || known.length * 3 < toks.length * 2) continue;
      for (const [s0, w] of known) push(out, s0, s0 + w.length, 0.6);
    }
    // "selma is from stillwater supercomputing inc."
    LOWER_FROM_RE.lastIndex = 0;
    const from = text.includes('from');
    while (from && (m = LOWER_FROM_RE.exec(text)) !== null) if (GIVEN_LOWER.has(m[1]) && !LOWER_STOP.has(m[1])) push(out, m.index, m.index + m[1].length, 0.6);
    LOWER_FULL_RE.lastIndex = 0;
    while ((m = LOWER_FULL_RE.exec(text)) !== null) {
      const sur = GIVEN_LOWER.has(m[1]) && !LOWER_STOP.has(m[1]) ? m[2].replace(/['’]s$/, '') : '';
      const surOk = sur !== '' && (SURNAMES_LOWER.has(sur) || (sur.length >= 6 && STRONG_SURNAME_END.test(sur)));
      if (!surOk || LOWER_STOP.has(sur)) {
        LOWER_FULL_RE.lastIndex = m.index + m[1].length;
        continue;
      }
      const end = m.index + m[0].length - (m[2].length - m[2].replace(/['’]s$/, '').length);
      push(out, m.index, end, 0.6);
    }
  }
}

const NAME_LINE_RE = /^(?:\p{Lu}[\p{Ll}\p{M}'’-]+|\p{Lu}\.?)(?:[ \t]{1,3}(?:\p{Lu}[\p{Ll}\p{M}'’-]+|\p{Lu}\.?)){1,3}$|^\p{Ll}[\p{Ll}\p{M}'’-]+(?:[ \t]{1,3}(?:\p{Ll}[\p{Ll}\p{M}'’-]+|\p{Ll}\.?)){1,3}$/u;
/** The name-line regex and its ASCII prefilter, for the test that the prefilter holds wherever the regex matches. */
export const NAME_LINE_CHECK: { re: RegExp; may: (text: string, a: number, b: number) => boolean } = { re: NAME_LINE_RE, may: (text, a, b) => mayBeNameLine(text, a, b) };
const CONTACT_LINE_RE = /^(?:\d{1,6}[A-Za-z]?[ \t]+\S|(?:apt|suite|unit|p\.?[ \t]?o\.?[ \t]box|po box)\b|(?:phone|e-?mail|mobile|tel|fax|personal info|address)\b)/i;

/** Where the text of the line from `s` to `e` starts, after quoting and bullet marks. */
function lineTextStart(text: string, s: number, e: number): number {
  while (s < e && isLineLeadCode(text.charCodeAt(s))) s++;
  return s;
}
/** Where the text of a line (from `a` to `e`) ends, before blanks, a carriage return and commas. */
function lineTextEnd(text: string, a: number, e: number): number {
  while (e > a && (isTrailCode(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === 44)) e--;
  return e;
}
/**
 * What NAME_LINE_RE needs of `text` from `a` to `b`, read on its ASCII
 * characters: a letter first, letters, apostrophes, hyphens, dots and blanks
 * only, a blank, and after each blank a letter of the first one's case
 * (nearly every line of prose fails it before the regex runs).
 */
function mayBeNameLine(text: string, a: number, b: number): boolean {
  const c0 = text.charCodeAt(a);
  if (c0 < 128 && !isAsciiLetter(c0)) return false;
  const upper = isAsciiUpper(c0);
  let blank = false;
  for (let i = a + 1; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) continue;
    if (isBlankCode(c)) blank = true;
    else if (!isAsciiLetter(c) && c !== 39 && c !== 45 && c !== 46) return false;
    else if (c0 < 128 && isBlankCode(text.charCodeAt(i - 1)) && isAsciiUpper(c) !== upper) return false;
  }
  return blank;
}

/**
 * Name lines at the top of a signature, address or contact block: a line of
 * 2-4 name-shaped words (all capitalised or all lower-case), at the start of
 * the text or after a blank line, followed within three lines by a street /
 * unit line or a contact field. Linear: each line is looked at a bounded
 * number of times.
 */
function scanNameLines(text: string, out: Candidate[]): void {
  if (!text.includes('\n')) return;
  /** The line from `s`: its text (without quoting marks, trailing blanks and commas; at most 120 characters) and where the next starts (-1 after the last). */
  const lineAt = (s: number) => {
    const nl = text.indexOf('\n', s);
    const a = lineTextStart(text, s, nl === -1 ? text.length : nl);
    const b = lineTextEnd(text, a, nl === -1 ? text.length : nl);
    return { a, b, s: text.slice(a, Math.min(b, a + 120)), next: nl === -1 ? -1 : nl + 1 };
  };
  // every line but the last (a line break ends it), and the line before it
  for (let prev = -1, s = 0, nl = text.indexOf('\n'); nl !== -1; prev = s, s = nl + 1, nl = text.indexOf('\n', s)) {
    const a = lineTextStart(text, s, nl);
    const b = lineTextEnd(text, a, nl);
    if (b - a > 60 || !mayBeNameLine(text, a, b)) continue;
    const cur = lineAt(s);
    if (!NAME_LINE_RE.test(cur.s)) continue;
    const words = cur.s.split(/[ \t]+/);
    if (words.some((w) => NOT_NAME_WORDS.has(w) || PLACE_WORDS.has(w) || LOWER_STOP.has(w))) continue;
    // a lower-case line needs a known given name or surname ("email order" above "email: ..." is not a name)
    if (/^\p{Ll}/u.test(cur.s) && !GIVEN_LOWER.has(words[0]) && !SURNAMES_LOWER.has(words[words.length - 1])) continue;
    if (prev >= 0) {
      const before = lineAt(prev).s;
      if (before.length > 0 && !NAME_LINE_RE.test(before) && !/^(?:billing address|ship to|name|from|to|attn)\b/i.test(before)) continue;
    }
    let hit = false;
    for (let j = 0, next = cur.next; j < 4 && next !== -1 && !hit; j++) {
      const l = lineAt(next);
      hit = CONTACT_LINE_RE.test(l.s);
      next = l.next;
    }
    if (hit) push(out, cur.a, cur.b, 0.75);
  }
}

const SUFFIX =
  'Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Square|Sq|Terrace|Ter|Way|Parkway|Pkwy|Highway|Hwy|Crescent|Cres|Close|Circle|Cir|Trail|Trl|Row|Alley|Plaza|Turnpike|Tpke|Gardens|Walk|Heights|Grove|Mews|Flats|Lodge|Manor|Expressway|Freeway|Pike|Point|Ridge|Run|Crossing|Loop|Green|Hollow|Landing|Meadows?|Harbor|Station|Str\\.';
const US_ADDR_RE = new RegExp(`\\d(?<![\\w.-]\\d)\\d{0,5}[A-Za-z]?(?:[ \\t]+(?:[NSEW]\\.?|North|South|East|West))?(?:[ \\t]+\\p{Lu}[\\p{L}'’.-]*){1,4}[ \\t]+(?:${SUFFIX})\\b\\.?(?:[ \\t]+(?:North|South|East|West|[NSEW]{1,2})\\b)?(?:,?[ \\t]+(?:Apt\\.?|Apartment|Suite|Ste\\.?|Unit|#)[ \\t]*#?\\w{1,6})?`, 'uy');
/** Street-type words that open a street name (`Calle ... 12`, `Rue ...`); exported for the output stream's hold. */
export const STREET_PREFIX_WORDS = 'Rua|Avenida|Av\\.|Calle|C\\/|Carrer|Via|Viale|Piazza|Corso|Rue|Avenue|Boulevard|Chemin|Allée|Place|Ul\\.|ul\\.|Ulica|Plac|Aleja|Strada|Odos|Leoforos';
/** Lower-case words inside a street name after its type word (`Via delle Belle Arti`, `Rua dos Douradores`); any other lower-case word ends it (`Place de la Concorde for 2 hours`). */
const LEADING_STREET_PARTICLES = 'd[eiaou]s?|del|della|delle|degli|dei|dello|dal|di|la|le|du|des|de la';
const STREET_PARTICLES = `${LEADING_STREET_PARTICLES}|y|e|i|o|a`;
const EU_PREFIX_RE = new RegExp(`\\b(?:${STREET_PREFIX_WORDS})[ \\t]+(?:(?:${LEADING_STREET_PARTICLES})[ \\t]+)?\\p{Lu}[\\p{L}'’.-]*(?:[ \\t]+(?:\\p{Lu}[\\p{L}'’.-]*|(?:${STREET_PARTICLES})(?![\\p{L}'’.-]))){0,3},?[ \\t]+\\d{1,5}[A-Za-z]?(?:\\/\\d{1,5}[A-Za-z]?)?\\b`, 'uy');
/** Street types written as the end of the street's name (`Hauptstraße 5`, `Storgatan 12`). */
const EU_SUFFIXES = 'straße|strasse|str\\.|gasse|weg|allee|platz|laan|straat|plein|gracht|kade|vej|vegen|veien|vägen|gatan|gade|stræde|vegur|katu|tie|kuja|polku|väylä|utca|ulice';
const EU_SUFFIX_RE = new RegExp(`\\b\\p{Lu}[\\p{L}-]{1,30}(?:${EU_SUFFIXES})[ \\t]+\\d{1,5}[A-Za-z]?(?:\\/\\d{1,5}[A-Za-z]?)?\\b`, 'uy');
const UNIT_RE = /\b(?:Apt\.?|Apartment|Suite|Unit|P\.?[ \t]?O\.?[ \t]Box|PO Box)[ \t]+#?\d{1,6}\b(?:[ \t]+Box[ \t]+\d{1,6})?/uy;
/** Words that open a military address (`PSC 0272, Box 1651`); exported for the output stream's hold. */
export const MILITARY_UNIT_WORDS = 'USNS|USS|USNV|USCGC|PSC|Unit';
const MILITARY_RE = new RegExp(`\\b(?:${MILITARY_UNIT_WORDS})[ \\t]+[\\p{L}\\d \\t,]{1,40}\\n?[ \\t]*(?:FPO|APO|DPO)[ \\t]+(?:AA|AE|AP)[ \\t]+\\d{5}\\b`, 'uy');
const NUM_PREFIX_RE =
  /\d(?<![\w-]\d)\d{0,5}(?:[ \t]+(?:bis|ter))?,?[ \t]+(?:\d{1,5}[ \t]+)?(?:(?:Rue|Rua|Avenida|Calle|Via|Viale|Piazza|Avenue|Boulevard|Chemin|Allée|Ul\.|ul\.|Strada)[ \t]+(?:(?:d[eiaou]s?|del|della|di|la|le|du|des)[ \t]+)?\p{L}|(?:rue|avenue|boulevard|bd|place|allée|impasse|quai|chemin|cours)[ \t]+(?:(?:de la|de l['’]|d[eiu]|des|d['’])[ \t]*)?\p{Lu})[\p{L}'’.-]*(?:[ \t]+\p{Lu}[\p{L}'’.-]*){0,3}/uy;
/** The same street types written as a word of their own (`Bahnhof Weg 12`). */
const WORD_SUFFIXES = 'Straße|Strasse|Str\\.|Gasse|Weg|Allee|Platz|Laan|Straat|Vej|Gade';
const WORD_SUFFIX_RE = new RegExp(`\\b\\p{Lu}[\\p{L}-]{1,30}[ \\t]+(?:${WORD_SUFFIXES})[ \\t]+\\d{1,5}[A-Za-z]?\\b`, 'uy');
/**
 * Digit-led address candidates, from the digit runs (`digitRuns(text)`; each
 * digit-led global regex was tried at every digit: 4 ms/MB each on number-dense
 * text, where almost no run is followed by a word).
 * - `numbered`: where US_ADDR_RE, NUM_PREFIX_RE and NUM_NAME_NUM_RE can start:
 *   a run of 1-6 digits not after a word character or `-`, an optional ASCII
 *   letter, an optional comma (`12, rue de Rivoli`), blanks, optionally a second
 *   number of 1-5 digits and blanks, then a letter (or any non-ASCII character).
 * - `afterSuffix`: runs after blanks that follow the last letter of a street
 *   suffix (`e` of `straße`, `.` of `str.`), where the suffix gates can match.
 *
 * @example
 * ```ts
 * addressNumberStarts('at 221B Baker Street, tel 555 0100'); // { numbered: [3], afterSuffix: [3] }
 * ```
 */
export function addressNumberStarts(text: string, runs: Int32Array = digitRuns(text)): { numbered: Int32Array; afterSuffix: Int32Array } {
  const numbered: number[] = [];
  const afterSuffix: number[] = [];
  for (let k = 0; k < runs.length; k += 2) {
    const s = runs[k];
    const e = runs[k + 1];
    const before = s > 0 ? text.charCodeAt(s - 1) : 0;
    if (before === 32 || before === 9) {
      let b = s - 1;
      while (b > 0 && isBlankCode(text.charCodeAt(b - 1))) b--;
      if (SUFFIX_LAST_CHARS[text.charCodeAt(b - 1)] === 1) afterSuffix.push(s);
    }
    if (e - s > 6 || isWordCode(before) || before === 45) continue;
    let i = e;
    if (isAsciiLetter(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 44) i++; // `12, rue de la Paix`
    if (!isBlankCode(text.charCodeAt(i))) continue;
    while (isBlankCode(text.charCodeAt(i))) i++;
    let c = text.charCodeAt(i);
    if (isAsciiDigit(c)) {
      let j = i + 1;
      while (isAsciiDigit(text.charCodeAt(j))) j++;
      if (j - i > 5 || !isBlankCode(text.charCodeAt(j))) continue;
      while (isBlankCode(text.charCodeAt(j))) j++;
      c = text.charCodeAt(j);
    }
    if (isAsciiLetter(c) || c >= 128) numbered.push(s);
  }
  return { numbered: offsetsOf(numbered), afterSuffix: offsetsOf(afterSuffix) };
}
/** What a list or quote line may start with before its text (`[ \t>?*•-]`): these run at every line. */
const isLineLeadCode = (c: number): boolean => c === 32 || c === 9 || c === 62 || c === 63 || c === 42 || c === 0x2022 || c === 45;
/** Blanks and a carriage return at a line's end (`[ \t\r]`). */
const isTrailCode = (c: number): boolean => c === 32 || c === 9 || c === 13;
const LOWER_OR_HYPHEN_RE = /[\p{Ll}é-]/u;
/** The code unit at `i` is `[\p{Ll}é-]`: ASCII without a regex call. */
function isCueWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || c === 45;
  return LOWER_OR_HYPHEN_RE.test(text[i]);
}

/**
 * The capital-led address regexes and the first two characters their matches can start with (every
 * alternative of their leading word, `Rua`, `C/`, `P.O. Box`, `USNS`): they run sticky at the capitals
 * that start such a pair (`ul.` of EU_PREFIX_RE, in lower case, is looked for on its own).
 */
const CAPITAL_LED: readonly RegExp[] = [EU_PREFIX_RE, UNIT_RE, MILITARY_RE];
/** Global copies, for text dense with capitals. */
const CAPITAL_LED_GLOBAL: readonly RegExp[] = CAPITAL_LED.map((re) => new RegExp(re.source, 'gu'));
/** The first two characters of each, as bits (1 << index in CAPITAL_LED) in a 128 x 128 table of ASCII pairs. */
const CAPITAL_LED_PAIRS = new Uint8Array(128 * 128);
(
  [
    ['Ru', 'Av', 'Ca', 'C/', 'Vi', 'Pi', 'Co', 'Bo', 'Ch', 'Al', 'Pl', 'Ul', 'St', 'Od', 'Le'],
    ['Ap', 'Su', 'Un', 'P.', 'PO', 'P ', 'P\t'],
    ['US', 'PS', 'Un'],
  ] as const
).forEach((pairs, k) => {
  for (const pair of pairs) CAPITAL_LED_PAIRS[pair.charCodeAt(0) * 128 + pair.charCodeAt(1)] |= 1 << k;
});

/** For each regex of CAPITAL_LED, the offsets of `upper` where one of its pairs starts (and for EU_PREFIX_RE each `ul.`), ascending: one pass over the capitals. */
function capitalLedStarts(text: string, upper: Int32Array): Int32Array[] {
  const starts: number[][] = CAPITAL_LED.map(() => []);
  for (let k = 0; k < upper.length; k++) {
    const c0 = text.charCodeAt(upper[k]);
    const c1 = text.charCodeAt(upper[k] + 1);
    if (c0 >= 128 || c1 >= 128) continue;
    const bits = CAPITAL_LED_PAIRS[c0 * 128 + c1];
    if (bits === 0) continue;
    for (let r = 0; r < CAPITAL_LED.length; r++) if (bits & (1 << r)) starts[r].push(upper[k]);
  }
  const out = starts.map(offsetsOf);
  if (text.includes('ul.')) out[0] = mergeOffsets(starts[0], lowerUlStarts(text));
  return out;
}

/** Every `ul.` at a word boundary (`\bul\.`): lower case, so at none of the capitals. */
function lowerUlStarts(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('ul.'); i !== -1; i = text.indexOf('ul.', i + 1)) if (!isWordCode(text.charCodeAt(i - 1))) out.push(i);
  return out;
}

/** `gate` (a sticky regex) matches at one of `starts` (`afterSuffix` of addressNumberStarts). */
function gateAt(gate: RegExp, text: string, starts: Int32Array): boolean {
  for (let k = 0; k < starts.length; k++) {
    gate.lastIndex = starts[k];
    if (gate.test(text)) return true;
  }
  return false;
}

/**
 * What every match of EU_SUFFIX_RE / WORD_SUFFIX_RE contains: a suffix and a
 * house number. Without it the sticky regex is not tried at each capital
 * (37k tries and no match on the 1.2 MB of benign dev prose). Sticky, tried
 * at the digit runs after a suffix's blanks (`afterSuffix` of addressNumberStarts).
 */
const EU_SUFFIX_GATE_RE = new RegExp(`\\d(?<=(?:${EU_SUFFIXES})[ \\t]+\\d)`, 'y');
const WORD_SUFFIX_GATE_RE = new RegExp(`\\d(?<=[ \\t](?:${WORD_SUFFIXES})[ \\t]+\\d)`, 'y');
/** The last character of each street suffix of the two gates (`e` of `straße`, `.` of `str.`). */
const SUFFIX_LAST_CHARS = new Uint8Array(256);
for (const w of `${EU_SUFFIXES}|${WORD_SUFFIXES}`.split('|')) {
  const word = w.replace(/\\/g, ''); // the escaped `.` of `str.`
  const c = word.charCodeAt(word.length - 1);
  if (c >= 256) throw new Error(`street suffix ending beyond Latin-1: ${word}`);
  SUFFIX_LAST_CHARS[c] = 1;
}
/** The address cue phrases (`lives at`, `ship to`); exported for the output stream's hold. */
export const ADDRESS_CUE_PHRASES = 'address is|address:|address to|located at|lives at|live at|living at|sent to|send it to|deliver(?:ed)? to|ship(?:ped)? to|drops? you off at|meet you at|meet me at|arrived at|corner of|return to|moved to';
const ADDRESS_CUE_RE = new RegExp(`\\b(?:${ADDRESS_CUE_PHRASES})[ \\t\\n]+((?:the corner of )?[^.?!;\\n]{0,20}\\d[^?!;]{2,100}?)(?=[.?!;]\\s|[.?!;]?$|\\n\\n| in case| after| last| and i| but)`, 'iuy');
/**
 * Where ADDRESS_CUE_RE can start: the head of each cue phrase. It runs sticky
 * only there (a global `iu` alternation is tried at every position, 14x the
 * cost on number-dense text). Case-insensitive without `u`, so the only
 * characters `iu` folds to these ASCII letters, `ſ` (U+017F) for `s`, are
 * listed; no phrase has a `k` (Kelvin sign).
 */
const ADDRESS_CUE_START_RE = /addre[sſ][sſ]|located|liv|[sſ]ent|[sſ]end|deliver|[sſ]hip|drop|meet|arrived|corner|return|moved/gi;

/**
 * What a value after an address cue needs besides a digit: a street or unit
 * word, a number of three or more digits (a house number or a postcode), or a
 * number next to a capitalised word ("4 Privet Drive", "2407 tawastintie 6",
 * "Csabai kapu 39"). A shopping list ("4 watermelons, 20 peppers") has none.
 */
const CUE_ADDRESS_EVIDENCE_RE = new RegExp(
  `\\b(?:${SUFFIX}|apt|apartment|suite|unit|floor|box|rue|rua|via|calle|avenida|ul\\.|\\p{L}+(?:straße|strasse|gasse|weg|allee|platz|laan|straat|vej|gatan|gade|katu|utca))(?!\\p{L})|\\d{3}`,
  'iu',
);
/** The capitalised-word half of that evidence, case-sensitive (`iu` would fold `\p{Lu}` to any letter). */
const CUE_ADDRESS_CAPS_RE = /\d[ \t]+\p{Lu}|\p{Lu}[\p{Ll}\p{M}]+(?:[ \t]+\p{L}+)?[ \t]+\d/u;
/** A value that opens with a street name and a house number, in any case ("heiligengeistbrücke 77"), not with "the store to buy 4". */
const CUE_ADDRESS_LEAD_RE = /^(?!(?:the|a|an|my|your|our|his|her|their|this|that|them|him|me|us|it)[ \t])\p{L}[\p{L}\p{M}'’.-]+(?:[ \t]+\p{L}[\p{L}\p{M}'’.-]+)?[ \t]+\d/iu;
/** Number, street name, house number ("180 Sahantie 72", "Hansinegata 120" after a cue): Faker/European style. */
const NUM_NAME_NUM_RE = /\d(?<![\w.,:/$€£-]\d)\d{0,5}[A-Za-z]?[ \t]+\p{Lu}[\p{Ll}\p{M}'’.-]{2,}(?:[ \t]+(?:d[eiaou]s?|del|della|di|la|le|du|des|van|von|der|\p{Lu}[\p{L}\p{M}'’.-]*)){0,3}[ \t]+\d{1,5}[A-Za-z]?(?!\w|[.,]\d|[ \t]*(?:%|percent|years?|days?|hours?|minutes?|times|people|points|pages|[ap]\.?m\b))/uy;
/** Month names and abbreviations (en, de, fr, es, it, pt, nl), lower-cased: `<day> <Month> <year>` is a date, not `<number> <street> <number>`. */
const MONTHS = new Set(
  (
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'januar jänner februar märz mai juni juli oktober dezember janvier février mars avril juin juillet août septembre octobre novembre décembre ' +
    'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre gennaio febbraio aprile maggio giugno luglio ' +
    'settembre ottobre dicembre janeiro fevereiro março maio junho julho setembro outubro dezembro januari februari maart mei augustus'
  ).split(' '),
);
const FIRST_WORD_AFTER_NUMBER_RE = /^\d{1,6}[A-Za-z]?[ \t]+([^ \t.]+)/;
function startsWithMonth(match: string): boolean {
  const w = FIRST_WORD_AFTER_NUMBER_RE.exec(match);
  return w !== null && MONTHS.has(w[1]!.toLowerCase());
}
const STREET_WORD_RE = new RegExp(`\\b(?:${SUFFIX})\\b`, 'iu');
/** Street words of other languages that make a lone numbered line an address line (`12 rue de Rivoli`, `PO box 7`). */
const LINE_STREET_WORD_RE = /\b(?:rue|rua|via|calle|ul\.|avenida|box)\b/i;
/** "Hard Drive", "USB Drive": a street suffix that names a device. */
const DEVICE_DRIVE_RE = /\b(?:Hard|Flash|Disk|Disc|Thumb|USB|Pen|Google|Test|State|Network|Cloud|Tape|Optical|Floppy|Zip|SSD|HDD)[ \t]+Drive\.?$/i;
/**
 * A street type that ends the street part of a line ("12 Maple Green, ...",
 * "5 oak walk"), for lines with no other address evidence: "2 green onions,
 * chopped" has a lower-case street word in the middle.
 */
const STREET_WORD_END_RE = new RegExp(`\\b(?:${SUFFIX})\\b\\.?(?:[ \\t]*(?:,|$)|[ \\t]+(?:apt|apartment|suite|ste|unit|#|[NSEW]{1,2}\\b|north|south|east|west))`, 'iu');
/** A capitalised street type anywhere in the line ("660 Mission Street  San Francisco  CA 94105"). */
const STREET_WORD_CAPS_RE = new RegExp(`\\b(?:${SUFFIX})\\b`, 'u');
const BLOCK_CONT_RE = /^(?:(?:apt|suite|unit|floor|building|p\.?[ \t]?o\.?[ \t]box|po box)\.?[ \t]*#?\w{1,6}\b.{0,40}|[,\p{L}\p{M}][\p{L}\p{M}\d .,'’()&/-]{0,45})$/iu;

/**
 * Multi-line postal address blocks: a line starting with a building number
 * that reads like a street line, followed by unit, city, region, country and
 * postcode lines (short lines without `:`, `@` or URLs; one blank line may
 * occur inside). The block is one span.
 */
function scanAddressBlocks(text: string, out: Candidate[]): void {
  if (!text.includes('\n')) return;
  // lines by their start offsets (the empty line after a final line break too); where the following one starts, -1 after the last
  const nextLine = (s: number): number => {
    const nl = text.indexOf('\n', s);
    return nl === -1 ? -1 : nl + 1;
  };
  const lineEnd = (s: number, next: number): number => (next === -1 ? text.length : next - 1);
  for (let s = 0; s !== -1; ) {
    const next = nextLine(s);
    const a = lineTextStart(text, s, lineEnd(s, next));
    const b = trailStart(text, a, lineEnd(s, next));
    // a street line is short and starts with its building number: the string is made for those only
    const first = b - a <= 90 && isAsciiDigit(text.charCodeAt(a)) ? text.slice(a, b) : '';
    if (!(first && /^\d{1,6}[A-Za-z]?[ \t]+(?:\d{1,5}[ \t]+)?[\p{L}\p{M}][\p{L}\p{M}\d .,'’/-]{2,70}$/u.test(first) && (/\d{1,5}[A-Za-z]?\.?$/.test(first) || STREET_WORD_RE.test(first) || LINE_STREET_WORD_RE.test(first)))) {
      s = next;
      continue;
    }
    let end = b;
    let blank = 0;
    let lines = 0;
    let t = next;
    while (t !== -1 && lines < 6) {
      const tNext = nextLine(t);
      const c = lineTextStart(text, t, lineEnd(t, tNext));
      const d = trailStart(text, c, lineEnd(t, tNext));
      const l = text.slice(c, Math.min(d, c + 60));
      if (l.length === 0) {
        if (++blank > 1) break;
        t = tNext;
        continue;
      }
      if (d - c > 50 || /[:@]|https?|www\./i.test(l) || (l.match(/\d/g) ?? []).length > 6 || !BLOCK_CONT_RE.test(l)) break;
      // a continuation reads like a unit, city, region, country or postcode: capitalised, or with a comma or a digit ("the" is prose)
      if (!/^\p{Lu}|[,\d]/u.test(l) && !/^(?:apt|suite|unit|floor|building|p\.?[ \t]?o\.?[ \t]box|po box)\b/i.test(l)) break;
      end = d;
      blank = 0;
      lines++;
      t = tNext;
    }
    // a lone line is an address only when it names a street type; "1111 the 415" (a number at each end) is not enough
    const conf = lines > 0 ? 0.8 : STREET_WORD_END_RE.test(first) || STREET_WORD_CAPS_RE.test(first) || LINE_STREET_WORD_RE.test(first) ? 0.65 : 0.45;
    out.push({ kind: 'pii', type: 'street_address', start: a, end, confidence: conf, label: 'street address' });
    s = t;
  }
}
/** Where a line's text (from `a` to `e`) ends before blanks and a carriage return. */
function trailStart(text: string, a: number, e: number): number {
  while (e > a && isTrailCode(text.charCodeAt(e - 1))) e--;
  return e;
}

/**
 * Find street addresses: number + street name + suffix (US/UK style),
 * European street-type prefixes/suffixes with a house number, unit / PO box
 * lines and military addresses. `upper` and `heads` as for scanNames,
 * `runs` is `digitRuns(text)` (each computed when needed otherwise).
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanAddresses('ship to 221 Baker Street', out); // out[0].type === 'street_address'
 * ```
 */
export function scanAddresses(text: string, out: Candidate[], upper?: Int32Array, heads?: Int32Array[], runs?: Int32Array): void {
  if (!/\d/.test(text)) return;
  const numbers = addressNumberStarts(text, runs);
  let capitalLed: Int32Array[] | undefined;
  for (const [re, conf, gate] of [
    [US_ADDR_RE, 0.75, undefined],
    [EU_PREFIX_RE, 0.7],
    [EU_SUFFIX_RE, 0.7, EU_SUFFIX_GATE_RE],
    [MILITARY_RE, 0.75],
    [NUM_PREFIX_RE, 0.7],
    [WORD_SUFFIX_RE, 0.7, WORD_SUFFIX_GATE_RE],
    [UNIT_RE, 0.55],
    [NUM_NAME_NUM_RE, 0.6],
  ] as const) {
    if (gate && !gateAt(gate, text, numbers.afterSuffix)) continue;
    // sticky ones run at their starts only (see OffsetScan): digit-led ones at numbered runs, the others at capitals
    const digitLed = re === US_ADDR_RE || re === NUM_PREFIX_RE || re === NUM_NAME_NUM_RE;
    upper ??= upperStarts(text);
    const led = CAPITAL_LED.indexOf(re);
    // capitals at least every tenth character (codes, tokens, all-caps text): a pass over them costs more than the global regex
    const global = led >= 0 && upper.length * 10 > text.length ? CAPITAL_LED_GLOBAL[led] : undefined;
    if (led >= 0 && !global) capitalLed ??= capitalLedStarts(text, upper);
    const scan = global ? undefined : new OffsetScan(re, text, digitLed ? numbers.numbered : led >= 0 ? capitalLed![led] : upper);
    if (global) global.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = scan ? scan.exec() : global!.exec(text)) !== null) {
      if (re === NUM_NAME_NUM_RE && startsWithMonth(m[0])) continue; // "24 December 2005" is a date
      if (re === US_ADDR_RE && DEVICE_DRIVE_RE.test(m[0])) continue; // "2TB ... Solid State Hard Drive"
      // "Rowan Avenue Elementary School, 600": after a capitalised word, Avenue / Boulevard / Place end a street name, they do not open one
      if (re === EU_PREFIX_RE && /^(?:Avenue|Boulevard|Place)\b/.test(m[0]) && /\p{Lu}[\p{Ll}\p{M}'’-]+[ \t]+$/u.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
      out.push({ kind: 'pii', type: 'street_address', start: m.index, end: m.index + m[0].length, confidence: conf, label: 'street address' });
    }
  }
  scanAddressBlocks(text, out);
  const cues = new OffsetScan(ADDRESS_CUE_RE, text, (heads ??= headStarts(text))[H_ADDRESS]);
  let m: RegExpExecArray | null;
  while ((m = cues.exec()) !== null) {
    let v = m[1].replace(/[\s,]+$/, '');
    // "address to the same: 2613 avenida praia 1": the words before a colon are not part of the address
    const lead = /^[^\d:\n]{1,20}:[ \t]*(?=\d)/.exec(v);
    const skip = lead ? lead[0].length : 0;
    v = v.slice(skip);
    if (!/\p{L}{3}/u.test(v) || /^\d+(?:[.,:]\d+)*\s*(?:%|percent|am|pm|years?|days?|hours?|minutes?)?$/i.test(v)) continue;
    if (!CUE_ADDRESS_EVIDENCE_RE.test(v) && !CUE_ADDRESS_CAPS_RE.test(v) && !CUE_ADDRESS_LEAD_RE.test(v)) continue; // "sent to the store to buy 4 watermelons, 20 peppers"
    const start = m.index + m[0].length - m[1].length + skip;
    out.push({ kind: 'pii', type: 'street_address', start, end: start + v.length, confidence: 0.6, label: 'street address' });
  }
}

/**
 * The cue regexes with their phrase heads, in the order of `headStarts`
 * (exported for the test that compares head-driven scans with whole-text scans).
 */
export const HEAD_SCANS: readonly { head: RegExp; re: RegExp }[] = [
  { head: TITLE_RE_HEAD, re: TITLE_RE },
  { head: ROLE_RE_HEAD, re: ROLE_RE },
  { head: TITLE_CAPS_RE_HEAD, re: TITLE_CAPS_RE },
  { head: CUE_HEAD_RE, re: CUE_RE },
  { head: LOWER_CUE_HEAD_RE, re: LOWER_CUE_RE },
  { head: LOWER_IM_RE_HEAD, re: LOWER_IM_RE },
  { head: ASK_HEAD_RE, re: ASK_RE },
  { head: ADDRESS_CUE_START_RE, re: ADDRESS_CUE_RE },
  { head: LOWER_ADDRESSEE_RE_HEAD, re: LOWER_ADDRESSEE_RE },
];
const [H_TITLE, H_ROLE, H_TITLE_CAPS, H_CUE, H_LOWER_CUE, H_LOWER_IM, H_ASK, H_ADDRESS, H_LOWER_ADDRESSEE] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const HEAD_INDEX = createHeadIndex(HEAD_SCANS.map((h) => h.head));

/**
 * Where each cue regex of HEAD_SCANS can start, in one pass over the text
 * (eight global head regexes were eight passes: 9 ms/MB of clean prose).
 *
 * @example
 * ```ts
 * headStarts('Dear Mr. Smith')[0]; // Int32Array [5]: the title head
 * ```
 */
export function headStarts(text: string): Int32Array[] {
  return HEAD_INDEX.find(text);
}

/**
 * The address regexes skipped when their gate finds nothing, and the gates as
 * scanAddresses runs them, for the test that the gate is necessary.
 */
export const ADDRESS_GATES: readonly { re: RegExp; gate: RegExp; gateHit: (text: string) => boolean }[] = [EU_SUFFIX_GATE_RE, WORD_SUFFIX_GATE_RE].map((gate, k) => ({
  re: k === 0 ? EU_SUFFIX_RE : WORD_SUFFIX_RE,
  gate,
  gateHit: (text: string) => gateAt(gate, text, addressNumberStarts(text).afterSuffix),
}));
/** The capital-led address regexes and the starts they run at (for the test that compares them with whole-text scans). */
export const CAPITAL_LED_ADDRESS_SCANS: readonly { re: RegExp; starts: (text: string) => Int32Array }[] = CAPITAL_LED.map((re, k) => ({
  re,
  starts: (text: string) => capitalLedStarts(text, upperStarts(text))[k],
}));
/** The sticky digit-led address regexes, run at `addressNumberStarts(text).numbered` (for the test that compares with whole-text scans). */
export const NUMBERED_ADDRESS_PATTERNS: readonly RegExp[] = [US_ADDR_RE, NUM_PREFIX_RE, NUM_NAME_NUM_RE];
