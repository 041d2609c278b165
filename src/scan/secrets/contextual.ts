/**
 * Secrets recognised by their surroundings rather than a vendor prefix:
 * `password = ...` style assignments (gated by entropy and placeholder
 * filters), private key blocks, credentials in URLs, HTTP authorization
 * headers, `curl -u`, AWS secret keys near an AWS key id, Azure AD client
 * secrets and Telegram bot tokens. Every scan is linear: keyword hits skip
 * past the identifier they belong to and all quantifiers are bounded.
 */
import type { Candidate } from './candidate.js';
import { charClasses, isPlaceholder, secretLikeness, shannonEntropy } from './entropy.js';
import { OffsetScan, matchStarts } from '../offset-scan.js';
import { isAsciiLetter, isAsciiUpper, isWordCode } from '../char-codes.js';

/**
 * Word stems that can name a credential. A hit is widened to the whole
 * identifier around it, so `api_key`, `passwd`, `creds` or `PRIVATE_KEY` need only
 * their stem here. Letters are spelled as `[aA]` classes instead of the `i`
 * flag: irregexp scans that faster.
 */
export const KEYWORD_RE = new RegExp(
  ['pass', 'pwd', 'secret', 'token', 'key', 'cred', 'auth', 'login', 'access[_.-]?id', 'cloudflare', 'sourcegraph', 'datadog', 'heroku', 'algolia', 'okta', 'mapbox', 'sentry', 'twilio', 'sendgrid']
    .join('|')
    .replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`),
  'g',
);
/** KEYWORD_RE run at the offsets where it matches (OffsetScan). */
const KEYWORD_AT_RE = new RegExp(KEYWORD_RE.source, 'y');
/** A vendor name alone (`cloudflare: "..."`) names a credential only when the value is long and random. */
const VENDOR_ONLY_RE = /^(?:cloudflare|sourcegraph|datadog|heroku|algolia|okta|mapbox|sentry|twilio|sendgrid)$/i;
/** Word segments that mark a value as a test fixture or example rather than a live credential. */
const FAKE_SEGMENT_RE = /(?:^|[_.-])(?:fake|dummy|sample|example|mock|invalid|notreal)(?:[_.-]|$)/i;
const TELEGRAM_SHAPE_RE = /^\d{1,20}:[\w-]+$/;
const STRONG_RE = /passw|pwd|pass$|secret|token|api.?key|access.?key|access.?id|private.?key|cred|auth|login/i;
const PASSWORD_RE = /passw|pwd|^-{0,2}pass$|_pass$|pass_?phrase/i;

/** Last name components that describe something other than the secret itself. */
const STOP_SUFFIX = new Set([
  'name', 'names', 'file', 'files', 'path', 'paths', 'url', 'uri', 'urls', 'size', 'length', 'len', 'type', 'types', 'id', 'ids',
  'format', 'mode', 'dir', 'endpoint', 'host', 'field', 'fields', 'header', 'prefix', 'suffix', 'version', 'count', 'timeout',
  'ttl', 'expiry', 'expires', 'expiration', 'enabled', 'required', 'policy', 'provider', 'store', 'storage', 'ref', 'env', 'var',
  'hash', 'algorithm', 'alg', 'method', 'scope', 'scopes', 'label', 'hint', 'description', 'message', 'min', 'max', 'pattern',
  'regex', 'class', 'service', 'manager', 'location', 'source', 'kind', 'index', 'column', 'param', 'params', 'placeholder',
]);

/** Same groups as ASSIGN_RE (operator, quote, value) for a quoted value of any non-space characters; the closing quote is consumed. */
const QUOTED_RE = /["'\]]{0,2}[ \t]{0,8}((?::{1,3}=|\?=|\.=|\+=|=>|==|=|:)[ \t]{0,8}|(?<=[ \t])(?:is|was)(?:[ \t]{0,4}:)?[ \t]{1,4})@?(["'`])([^\s"'`\\]{1,200})\2/y;

const ASSIGN_RE =
  /["'\]]{0,2}[ \t]{0,8}((?::{1,3}=|\?=|\.=|\+=|=>|==|=|:|,)[ \t]{0,8}(?:\r?\n[ \t]{0,40})?|>[ \t]{0,8}(?:\r?\n[ \t]{0,40})?|(?<=[ \t])(?:is|was)(?:[ \t]{0,4}:)?[ \t]{1,4}|[ \t]{1,4})(?:(?:Bearer|bearer|Basic|basic|Token|token|Api-Token|ApiKey|Digest|OAuth|Bot|SSWS)[ \t]{1,4})?(["'`]?)([^\s"'`<>;,()[\]{}]{1,400})/y;

/** The length (at most 3, else 0) of the run of `*` at `i` going in direction `step`. */
function starRun(text: string, i: number, step: 1 | -1): number {
  let n = 0;
  while (i >= 0 && i < text.length && text.charCodeAt(i) === 42) {
    n++;
    i += step;
  }
  return n <= 3 ? n : 0;
}

function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 36 || c === 45;
}


/**
 * The match a global regex would find first at or after `from`, found with
 * its sticky twin `sticky`: every match has `anchor` (a string, or a global
 * regex) `minLead` to `maxLead` characters after its start, so only the
 * offsets that far before an anchor that `mayStart` accepts are tried,
 * in ascending order, each once. A global regex with a leading class or
 * `\b` tries every offset of the text.
 */
function execBeforeAnchor(
  sticky: RegExp,
  text: string,
  from: number,
  anchor: string | RegExp,
  minLead: number,
  maxLead: number,
  mayStart: (text: string, at: number) => boolean,
): RegExpExecArray | null {
  let next = from; // offsets below this one were tried or cannot start a match
  for (let a = anchorAt(text, anchor, from + minLead); a !== -1; a = anchorAt(text, anchor, a + 1)) {
    for (let p = Math.max(next, a - maxLead); p <= a - minLead; p++) {
      if (!mayStart(text, p)) continue;
      sticky.lastIndex = p;
      const m = sticky.exec(text);
      if (m) return m;
    }
    next = Math.max(next, a - minLead + 1);
  }
  return null;
}

function anchorAt(text: string, anchor: string | RegExp, from: number): number {
  if (typeof anchor === 'string') return text.indexOf(anchor, from);
  anchor.lastIndex = from;
  return anchor.exec(text)?.index ?? -1;
}

/** A letter at a word start: where `\b[a-z]` can match (`i` without `u`: ASCII letters only). */
const isWordStartLetter = (text: string, at: number): boolean => isAsciiLetter(text.charCodeAt(at)) && !isWordCode(text.charCodeAt(at - 1));

const isLowerOrDigit = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * The lower-case words of an identifier: `DB_PASSWORD` -> db, password;
 * `apiKeyID` -> api, key, id; `HTTPServer` -> http, server. (One loop: this
 * runs for every credential-word hit.)
 */
function components(name: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    // a word starts at a capital after a lower-case letter or digit (apiKey), or at the last capital of a run before a lower-case letter (HTTPServer)
    if (i > 0 && isAsciiUpper(c)) {
      const p = name.charCodeAt(i - 1);
      if ((isLowerOrDigit(p) || (isAsciiUpper(p) && i + 1 < name.length && name.charCodeAt(i + 1) >= 97 && name.charCodeAt(i + 1) <= 122)) && cur) {
        parts.push(cur);
        cur = '';
      }
    }
    if (isAsciiUpper(c)) cur += String.fromCharCode(c + 32);
    else if (isLowerOrDigit(c)) cur += name[i];
    else if (cur) {
      parts.push(cur);
      cur = '';
    }
  }
  if (cur) parts.push(cur);
  return parts;
}

/**
 * A name component that names a credential: the word itself or a compound
 * ending in it (`apikey`, `settlemint_token`, `DATADOGTOKEN`), but not a
 * longer word that merely contains it (`keying`, `keyword`, `author`,
 * `monkey`, `bypass`).
 */
const CRED_COMPONENT_RE = /(?:passw(?:or)?d|passwd|pwd|passphrase|passcode|pass|secret|token|key|credential|cred|auth|authorization|authentication|login|accesskey|accessid)s?$/;
const NOT_CRED_COMPONENT = new Set(['monkey', 'turkey', 'donkey', 'hockey', 'jockey', 'whiskey', 'hotkey', 'hotkeys', 'bypass', 'compass', 'surpass', 'encompass', 'overpass', 'underpass']);

/** Components right before the credential word that make it a non-secret (database keys, public keys, anti-forgery tokens). */
const PRE_STOP = new Set([
  'public', 'pub', 'publishable', 'primary', 'foreign', 'sort', 'partition', 'composite', 'unique', 'natural', 'surrogate', 'bucket',
  'hot', 'idx', 'index', 'schema', 'sequence', 'cache', 'lookup', 'row', 'object', 'dedup', 'idempotency', 'translation', 'i18n',
  'csrf', 'xsrf', 'verification', 'next', 'page', 'pagination', 'cursor', 'continuation', 'sync', 'sas', 'rsa',
  // timestamps: last_login, first_login
  'last', 'first',
]);
/** Words anywhere before the credential word that make the name a count or limit (`max_new_tokens`, `num_keys`). */
const COUNT_WORDS = new Set(['max', 'min', 'num', 'total', 'count', 'maximum', 'minimum']);
/** Components after the credential word that describe something other than the secret value. */
const POST_STOP = new Set([
  ...STOP_SUFFIX,
  'down', 'up', 'left', 'right', 'press', 'pressed', 'code', 'codes', 'board', 'frame', 'frames', 'stroke', 'event', 'events', 'handler',
  'listener', 'binding', 'bindings', 'mesh', 'meshing', 'pair', 'ring', 'selector', 'signature', 'stone', 'word', 'alias', 'chars',
  'str', 'set', 'results', 'result', 'storetype', 'tab', 'vault', 'usage', 'count', 'generator', 'validator', 'parser', 'map',
]);
/** Name components that declare the value a fixture or a deliberately wrong value. */
const FIXTURE_NAME = new Set(['fake', 'dummy', 'mock', 'mocked', 'example', 'sample', 'invalid', 'wrong', 'bad', 'placeholder', 'notreal', 'nonmatching', 'unmatched', 'bogus']);

/**
 * Judge an assignment target name. `undefined`: the name does not name a
 * secret value (no credential word as a component, a database/public key,
 * a length/name/path of a secret, a fixture such as `fakeToken` or
 * `nonMatchingToken`).
 *
 * @example
 * ```ts
 * credentialName('DB_PASSWORD'); // { strong: true }
 * credentialName('primaryKey'); // undefined
 * ```
 */
export function credentialName(name: string): { readonly strong: boolean } | undefined {
  return credentialNameFacts(name)?.verdict;
}

/** What the assignment checks read from a credential name besides its verdict (each a test of the name alone). */
interface NameFacts {
  readonly verdict: { readonly strong: boolean };
  /** PASSWORD_RE: a password name (type `password`, short values accepted). */
  readonly password: boolean;
  /** Exactly `password`, `passphrase`, `passwd` or `pwd`: may take a quoted value after bare whitespace. */
  readonly passwordWord: boolean;
  /** May lead a prose value (`my password is ...`, `the token was ...`) by itself. */
  readonly proseName: boolean;
  /** `key` or `keys`: leads a prose value only after KEY_LEAD_RE. */
  readonly bareKey: boolean;
  /** Ends in `id`: a UUID value is an identifier. */
  readonly idSuffix: boolean;
  /** Names an AWS secret: the value must be 40 base64 characters. */
  readonly awsSecret: boolean;
  readonly vendorOnly: boolean;
  /** The name lower-cased without non-alphanumerics, as echoesName compares it. */
  readonly folded: string;
}

/**
 * The facts of a credential name, `undefined` when it names no secret.
 * Names repeat (the same keys on every line of a config or a log): judged
 * once each, in a bounded memo.
 */
function credentialNameFacts(name: string): NameFacts | undefined {
  let facts = NAME_FACTS.get(name);
  if (facts === undefined) {
    const judged = judgeCredentialName(name);
    facts = judged === undefined ? null : nameFacts(name, judged.strong ? STRONG_NAME : WEAK_NAME);
    if (NAME_FACTS.size >= 1024) NAME_FACTS.clear();
    NAME_FACTS.set(name, facts);
  }
  return facts ?? undefined;
}
const NAME_FACTS = new Map<string, NameFacts | null>();
const STRONG_NAME = Object.freeze({ strong: true });
const WEAK_NAME = Object.freeze({ strong: false });

function nameFacts(name: string, verdict: { readonly strong: boolean }): NameFacts {
  const password = PASSWORD_RE.test(name);
  return {
    verdict,
    password,
    passwordWord: /^(?:pass(?:word|phrase)|passwd|pwd)$/i.test(name),
    proseName: password || /secret|token|api.?key|access.?key|private.?key/i.test(name),
    bareKey: /^keys?$/i.test(name),
    idSuffix: /id$/i.test(name),
    awsSecret: /aws/i.test(name) && /secret/i.test(name),
    vendorOnly: VENDOR_ONLY_RE.test(name),
    folded: lowerAlnum(name),
  };
}

function judgeCredentialName(name: string): { strong: boolean } | undefined {
  const parts = components(name);
  if (parts.length === 0) return undefined;
  if (STOP_SUFFIX.has(parts[parts.length - 1]) && !/access.?id$/i.test(name)) return undefined;
  let credAt = -1;
  for (let i = parts.length - 1; i >= 0; i--) {
    const last = parts[i].charCodeAt(parts[i].length - 1);
    const word = last >= 48 && last <= 57 ? parts[i].replace(/\d+$/, '') : parts[i]; // password1, token2
    if (CRED_COMPONENT_RE.test(word) && !NOT_CRED_COMPONENT.has(word)) {
      credAt = i;
      break;
    }
  }
  const vendorOnly = VENDOR_ONLY_RE.test(name);
  if (credAt === -1 && !vendorOnly && !/access.?id$/i.test(name)) return undefined;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (FIXTURE_NAME.has(p) || (p === 'non' || p === 'not') && (parts[i + 1] === 'matching' || parts[i + 1] === 'real' || parts[i + 1] === 'valid')) return undefined;
    if (p.startsWith('csrf') || p.startsWith('xsrf')) return undefined; // csrf, csrftoken
  }
  if (credAt >= 0) {
    if (credAt > 0 && PRE_STOP.has(parts[credAt - 1])) return undefined;
    for (let i = 0; i < credAt; i++) if (COUNT_WORDS.has(parts[i])) return undefined;
    for (let i = credAt + 1; i < parts.length; i++) if (POST_STOP.has(parts[i]) && !(parts[i] === 'id' && /access.?id$/i.test(name))) return undefined;
  }
  return { strong: STRONG_RE.test(name) };
}

/** True when the value repeats the name (`folded`: the name through lowerAlnum): a label or a constant's own name, not a secret. */
function echoesName(folded: string, value: string): boolean {
  const n = folded;
  if (n.length < 6) return false;
  const v = lowerAlnum(value);
  if (v.length < 6) return false;
  return v.includes(n) || n.includes(v);
}

/** `s.toLowerCase()` without the characters outside `[a-z0-9]`. */
function lowerAlnum(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // lower-casing can turn a non-ASCII letter into ASCII ones (U+0130 İ, U+212A Kelvin sign)
    if (c >= 128) return s.toLowerCase().replace(/[^a-z0-9]/g, '');
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += s[i];
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
  }
  return out;
}

function scanAssignments(text: string, out: Candidate[], keywordStarts: Int32Array): void {
  const keywords = new OffsetScan(KEYWORD_AT_RE, text, keywordStarts);
  let m: RegExpExecArray | null;
  while ((m = keywords.exec()) !== null) {
    const hit = m.index;
    let s = hit;
    while (s > 0 && hit - s < 80 && isIdentChar(text.charCodeAt(s - 1))) s--;
    let e = hit + m[0].length;
    while (e < text.length && e - hit < 80 && isIdentChar(text.charCodeAt(e))) e++;
    keywords.lastIndex = e;
    if (e - s >= 80) continue;
    let name = text.slice(s, e);
    const cliFlag = name.startsWith('-');
    const c0 = name.charCodeAt(0);
    const cz = name.charCodeAt(name.length - 1);
    if (c0 === 45 || c0 === 36 || c0 === 46 || cz === 45 || cz === 46) name = name.replace(/^[-$.]+|[-.]+$/g, ''); // '-', '$', '.'
    if (!name) continue;
    const facts = credentialNameFacts(name);
    if (!facts) continue;
    const strong = facts.verdict.strong;
    // a whole quoted value first (it may hold `;,<>{}` that the bare-value class stops at:
    // `"}x;Q2@..."`), else the general form
    QUOTED_RE.lastIndex = e;
    let a = QUOTED_RE.exec(text);
    if (a) {
      ASSIGN_RE.lastIndex = QUOTED_RE.lastIndex - 1; // at the closing quote, as after a general match
    } else {
      ASSIGN_RE.lastIndex = e;
      a = ASSIGN_RE.exec(text);
      if (!a) continue;
    }
    const op = a[1].trim();
    const before = s > 0 ? text[s - 1] : '';
    // `https://x-access-token:TOKEN@github.com`: a URL's user name, not a key; scanUrls reads the password
    if (op === ':' && s >= 3 && text.startsWith('://', s - 3)) continue;
    // bare whitespace only after a --flag, or between a password word and a quoted value (`passphrase "..."`)
    if (op === '' && !cliFlag && !(a[2] && facts.passwordWord)) continue;
    const prose = op.startsWith('is') || op.startsWith('was');
    // "my password is ...": only a password or an explicit secret / token name, not "the key is ..."
    if (prose && !facts.proseName && !(facts.bareKey && KEY_LEAD_RE.test(text.slice(Math.max(0, s - 16), s)))) continue;
    if (op === ',' && before !== '"' && before !== "'") continue;
    if (op === '>' && before !== '<') continue;
    let value = a[3];
    const quote = a[2];
    let valueStart = ASSIGN_RE.lastIndex - value.length;
    // a YAML mapping's parent key (`credentials:` + a line `password: ...`): the child keys are read next
    if (a[1].includes('\n') && value.endsWith(':')) {
      keywords.lastIndex = valueStart;
      continue;
    }
    keywords.lastIndex = Math.max(e, ASSIGN_RE.lastIndex);
    const after = text[ASSIGN_RE.lastIndex] ?? '';
    if (quote) {
      if (after !== quote) {
        // a quoted value with characters the bare-value class stops at (`"p@ss;w}rd!"`):
        // take it up to the closing quote on the same line
        let close = ASSIGN_RE.lastIndex;
        while (close < text.length && close - valueStart < 200 && text[close] !== quote && !/[\s\\]/.test(text[close])) close++;
        if (text[close] !== quote) continue;
        value = text.slice(valueStart, close);
        keywords.lastIndex = close;
      }
    } else {
      if (after === '(' || after === '[') continue;
      // an unquoted value that runs on with `;,<>{}` up to the end of the word (env files,
      // YAML: `DB_PASSWORD = 1gJ;QA`); not when it runs into a call or a quote (code)
      // an XML element's text ends at its closing tag (`<password>...</password>`)
      if (after !== '' && !/\s/.test(after) && !(op === '>' && after === '<')) {
        let end = ASSIGN_RE.lastIndex;
        while (end < text.length && end - valueStart < 200 && !/[\s()[\]"'`\\]/.test(text[end])) end++;
        if (end >= text.length || /\s/.test(text[end])) {
          value = text.slice(valueStart, end);
          keywords.lastIndex = end;
        }
      }
      // sentence punctuation after the value, but not a `!` or `?` it ends with before a list's `,` / `;` (`password=Winter2024!, ip=...`),
      // and not the `!` a password ends with before a sentence end (`password=Winter2024!`, `...2024!.`): cut, it was left in clear text
      const listEnd = /[!?][,;]$/.test(value);
      if (listEnd) value = value.slice(0, -1);
      else {
        const tail = /[.,:;!?]+$/.exec(value);
        if (tail) value = value.slice(0, tail.index + (/^!*/.exec(tail[0])![0].length));
      }
      // Markdown emphasis around the value (`key: **v**`) or around the whole assignment (`**password=v**`)
      const lead = starRun(value, 0, 1);
      const trail = starRun(value, value.length - 1, -1);
      if (lead > 0 && lead === trail && value.length > 2 * lead) {
        value = value.slice(lead, -lead);
        valueStart += lead;
      } else if (lead === 0 && trail > 0 && starRun(text, s - 1, -1) === trail) value = value.slice(0, -trail);
    }
    if (prose && !proseSecretValue(value, facts.password)) continue;
    if (facts.idSuffix && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) continue;
    if (echoesName(facts.folded, value)) continue; // KeyPair = X25519.KeyPair, FOO_TOKEN: "FOO_TOKEN"
    if (FAKE_SEGMENT_RE.test(value)) continue; // sample-key-..., my_fake_token (test_ is a real test-mode key prefix for many vendors)
    // vendor-shaped values that fail the vendor's own format are near-misses, not generic secrets
    if (TELEGRAM_SHAPE_RE.test(value) && !/^\d{5,16}:A[\w-]{34}$/.test(value)) continue;
    if (facts.awsSecret && !/^[A-Za-z0-9/+]{40}$/.test(value)) continue; // AWS secret keys are exactly 40 chars
    if (facts.vendorOnly && (value.length < 20 || shannonEntropy(value) < 3.5)) continue;
    const conf = secretLikeness(value, strong, facts.password);
    if (conf <= 0) continue;
    const type = facts.password ? 'password' : 'generic_secret';
    out.push({ kind: 'secret', type, start: valueStart, end: valueStart + value.length, confidence: Math.min(conf, 0.85), label: type === 'password' ? 'password assignment' : 'secret assignment' });
  }
}

/** The word before a bare `key` in prose that makes it a credential: `my API key is ...`. */
const KEY_LEAD_RE = /(?:^|[^A-Za-z])(?:api|access|secret|private|auth|license|licence)[ \t]+$/i;

/**
 * A value after `password is` / `token was` in prose: not a word or words
 * (`incorrect`, `case-sensitive`, `don't`), not a number with a unit
 * (`2048-bit`, `8 characters`): it needs a digit next to letters or a
 * symbol, or mixed case inside the word; digits alone only after a password
 * name (and then the assignment checks still want 16 or more of them).
 */
function proseSecretValue(v: string, password: boolean): boolean {
  if (v.length < 6) return false;
  if (/^[A-Za-z]+(?:['’-][A-Za-z]+)*$/.test(v) && !/[a-z][A-Z]/.test(v)) return false;
  if (/^\d+$/.test(v)) return password && v.length >= 6;
  if (/^\d+[-‐]?(?:bit|bits|byte|bytes|char|chars|characters|digit|digits|days?|hours?|min|minutes?|s|sec|seconds?|ms)$/i.test(v)) return false;
  return true;
}

const PEM_BEGIN_RE = /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;

function scanPem(text: string, out: Candidate[]): void {
  PEM_BEGIN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  let nextEnd = -2; // cached position of the next END marker (-1: none left)
  while ((m = PEM_BEGIN_RE.exec(text)) !== null) {
    const start = m.index;
    const bodyStart = start + m[0].length;
    if (nextEnd !== -1 && nextEnd < bodyStart) nextEnd = text.indexOf('-----END', bodyStart);
    const endIdx = nextEnd;
    let end: number;
    let bodyEnd: number;
    if (endIdx !== -1 && endIdx - bodyStart < 40000) {
      bodyEnd = endIdx;
      const close = text.indexOf('-----', endIdx + 8);
      end = close !== -1 && close - endIdx < 80 ? close + 5 : endIdx + 8;
    } else {
      // truncated block: take the base64 run that follows
      let i = bodyStart;
      while (i < text.length && i - bodyStart < 40000 && /[A-Za-z0-9+/=\s\\]/.test(text[i])) i++;
      bodyEnd = i;
      end = i;
      while (end > bodyStart && /[\s\\n]/.test(text[end - 1])) end--;
    }
    const body = text.slice(bodyStart, bodyEnd).replace(/\\n|\\r|\s/g, '');
    const b64 = body.replace(/^(?:Proc-Type|DEK-Info|Version|Comment):[^\n]*/gm, '');
    if (b64.length < 64 || !/^[A-Za-z0-9+/=:,-]+$/.test(b64.slice(0, 2000))) {
      PEM_BEGIN_RE.lastIndex = bodyStart;
      continue;
    }
    const near = text.slice(Math.max(0, start - 3000), Math.min(text.length, end + 3000));
    const gcp = /"type"\s*:\s*"service_account"/.test(near);
    out.push({
      kind: 'secret',
      type: gcp ? 'gcp_service_account_key' : 'private_key',
      start,
      end,
      confidence: 0.98,
      label: gcp ? 'GCP service-account private key' : 'private key block',
    });
    PEM_BEGIN_RE.lastIndex = end;
  }
}

/**
 * PuTTY private key files (`.ppk`): the `Private-Lines` base64 block after a
 * `PuTTY-User-Key-File-2/3` header, up to the `Private-MAC` line.
 */
function scanPuttyKey(text: string, out: Candidate[]): void {
  let lines = -2; // the next `Private-Lines:` at or after the header (cached: one search per text, not per header)
  for (let at = text.indexOf('PuTTY-User-Key-File-'); at !== -1; at = text.indexOf('PuTTY-User-Key-File-', at + 20)) {
    if (lines < at) lines = text.indexOf('Private-Lines:', at);
    if (lines === -1) return;
    if (lines - at > 8000) continue;
    PUTTY_BODY_RE.lastIndex = lines;
    const m = PUTTY_BODY_RE.exec(text);
    if (!m || m[1].replace(/\s/g, '').length < 40) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ kind: 'secret', type: 'private_key', start, end: m.index + m[0].trimEnd().length, confidence: 0.98, label: 'PuTTY private key' });
    at = m.index + m[0].length - 20;
  }
}
const PUTTY_BODY_RE = /Private-Lines:[ \t]*\d{1,3}\r?\n((?:[A-Za-z0-9+/=]{1,128}(?:\r?\n|$)){1,64})/y;

/** .NET / NuGet config entries: `<add key="ClearTextPassword" value="..." />`, `<add key="StripeSecretKey" value="..." />`. */
const ADD_KEY_VALUE_RE = /<add[ \t]+key=(["'])([\w.:-]{1,80})\1[ \t]+value=(["'])([^"'\r\n]{1,400})\3/gi;

function scanAddKeyValue(text: string, out: Candidate[]): void {
  ADD_KEY_VALUE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ADD_KEY_VALUE_RE.exec(text)) !== null) {
    const name = m[2];
    const value = m[4];
    const facts = credentialNameFacts(name);
    if (!facts || isPlaceholder(value) || FAKE_SEGMENT_RE.test(value)) continue;
    const password = facts.password;
    const conf = secretLikeness(value, facts.verdict.strong, password);
    if (conf <= 0) continue;
    const start = m.index + m[0].length - 1 - value.length;
    out.push({ kind: 'secret', type: password ? 'password' : 'generic_secret', start, end: start + value.length, confidence: Math.min(conf, 0.85), label: password ? 'password in a config entry' : 'secret in a config entry' });
  }
}

/**
 * A `Cookie:` / `Set-Cookie:` header, or curl's `-b` / `--cookie`: where cookie pairs are read. Plain
 * substring searches, not a case-insensitive regex: this runs on every text.
 */
function hasCookieCue(text: string): boolean {
  // substrings led by rare characters (a search for `cookie` stops at every `o`, one for ` -b` at every space);
  // the header name in its usual casings (Cookie, cookie, COOKIE), curl's -b and --cookie
  return text.includes('kie') || text.includes('KIE') || text.includes('-b');
}
const COOKIE_HEADER_RE = /\b(?:set-)?cookie["']?[ \t]*:[ \t]*|(?:^|[ \t])(?:-b|--cookie)[ \t]+["']?/iy;
/** Every COOKIE_HEADER_RE match holds `kie` (of cookie) or `-b`, in any case, 0 to 7 characters after its start. */
const COOKIE_CUE_RE = /kie|-b/gi;
/** Where COOKIE_HEADER_RE can match: `set-` or `cookie` (any case), a blank before a curl flag, or the text's start. */
function mayStartCookieHeader(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  return at === 0 || c === 115 || c === 83 || c === 99 || c === 67 || c === 32 || c === 9;
}
/** Cookie names that carry a session or an authentication token (`sessionid`, `PHPSESSID`, `connect.sid`, `auth_token`, `remember_me`). */
const SESSION_COOKIE_NAME_RE = /sess|(?:^|[._-])sid$|^sid|auth|token|jwt|login|remember/i;

/** Session and authentication cookies in a pasted header or curl command: their values are bearer credentials. */
function scanCookies(text: string, out: Candidate[]): void {
  let m: RegExpExecArray | null;
  let from = 0;
  while ((m = execBeforeAnchor(COOKIE_HEADER_RE, text, from, COOKIE_CUE_RE, 0, 7, mayStartCookieHeader)) !== null) {
    let i = m.index + m[0].length;
    // name=value pairs separated by `;`, up to the end of the line or a closing quote
    for (let pairs = 0; pairs < 40 && i < text.length; pairs++) {
      COOKIE_PAIR_RE.lastIndex = i;
      const p = COOKIE_PAIR_RE.exec(text);
      if (!p) break;
      const value = p[3];
      if (SESSION_COOKIE_NAME_RE.test(p[1]) && !/csrf|xsrf/i.test(p[1]) && !isPlaceholder(value) && secretLikeness(value, true) > 0) {
        const start = p.index + p[0].length - p[2].length - value.length;
        out.push({ kind: 'secret', type: 'session_cookie', start, end: start + value.length, confidence: 0.8, label: 'session cookie' });
      }
      i = COOKIE_PAIR_RE.lastIndex;
      if (text[i] !== ';') break;
      i++;
    }
    from = Math.max(m.index + m[0].length, i);
  }
}
const COOKIE_PAIR_RE = /[ \t]*([\w.$!#%&'*+^`|~-]{1,64})=("?)([^\s;,"\\]{1,400})\2/y;

/** Sticky, tried just before each `://`: the scheme is 2 to 21 characters. */
const URL_CRED_RE = /\b([a-z][a-z0-9+.-]{1,20}):\/\/([^\s:@/'"<>]{0,100}):([^\s@/'"<>]{1,200})@(?=[\w.[-])/iy;
/** Sticky, tried just before each `://`: the scheme is 3 (ssh) to 9 (git+https) characters. */
const URL_TOKEN_RE = /\b(?:https?|git\+https?|git\+ssh|ssh):\/\/([A-Za-z0-9_-]{20,200})@(?=[\w.-])/iy;
const DB_SCHEMES = /^(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|oracle|cockroachdb|clickhouse|couchdb|neo4j|jdbc:\w+)$/i;

function scanUrls(text: string, out: Candidate[]): void {
  if (!text.includes('://')) return;
  let m: RegExpExecArray | null;
  for (let from = 0; (m = execBeforeAnchor(URL_CRED_RE, text, from, '://', 2, 21, isWordStartLetter)) !== null; from = m.index + m[0].length) {
    const pw = m[3];
    // GitHub's convention: the token as the user and a fixed word as the password (`https://TOKEN:x-oauth-basic@github.com`)
    if (/^x-oauth-basic$/i.test(pw)) {
      const user = m[2];
      if (user.length >= 20 && !isPlaceholder(user) && secretLikeness(user, true) > 0) {
        const start = m.index + m[0].indexOf('//') + 2;
        out.push({ kind: 'secret', type: 'url_token', start, end: start + user.length, confidence: 0.85, label: 'token in URL' });
      }
      continue;
    }
    if (isPlaceholder(pw) || pw.length < 3 || /^(?:pass|pw|x+|\*+)$/i.test(pw)) continue;
    if (/^\d{1,5}$/.test(pw)) continue; // host:port, not a password
    const start = m.index + m[0].length - 1 - pw.length;
    const db = DB_SCHEMES.test(m[1]);
    out.push({ kind: 'secret', type: db ? 'database_password' : 'url_password', start, end: start + pw.length, confidence: 0.9, label: db ? 'database URL password' : 'password in URL' });
  }
  for (let from = 0; (m = execBeforeAnchor(URL_TOKEN_RE, text, from, '://', 3, 9, isWordStartLetter)) !== null; from = m.index + m[0].length) {
    const tok = m[1];
    const cls = charClasses(tok);
    if (!cls.digit || !(cls.lower || cls.upper) || shannonEntropy(tok) < 3 || isPlaceholder(tok)) continue;
    const start = m.index + m[0].indexOf('//') + 2;
    out.push({ kind: 'secret', type: 'url_token', start, end: start + tok.length, confidence: 0.8, label: 'token in URL' });
  }
}

/**
 * `curl -u user:pass` / `--user "user:pass"` / `--user "user":"pass"` /
 * `-u user:'pass'`. Groups: 2 whole quoted credentials, 4 quoted password
 * after a quoted user, 5 bare user, 7 password after a bare user.
 */
const CURL_USER_RE = /(?:^|[\s'"])(?:-u|--user)(?:[ \t]{1,4}|=)(?:(["'])([^\s"']{0,200})\1(?::(["'])([^\s"']{0,200})\3)?|([^\s"':]{0,100}):(["']?)([^\s"']{1,200})\6)/g;

/** A curl password part that is a real value, not `$VAR`, `<password>`, `[PASSWORD]`, `{{ x }}`, `changeme`. */
function curlSecret(v: string): boolean {
  if (v.length < 6 || /[<>[\]]|^[{$]|\$[{(]|[}]$/.test(v) || isPlaceholder(v)) return false;
  if (/^(?:test|token|pass(?:word)?|pwd|change(?:it|me))$/i.test(v)) return false;
  return shannonEntropy(v) >= 2.2;
}

/**
 * The MySQL client's password glued to `-p` (`mysql -u root -pS3cr3t`, `mysqldump -p'...'`): the
 * client reads no space there (`-p secret` would prompt and take `secret` for the database).
 */
const MYSQL_P_RE = /\bmysql(?:dump|admin|import|show|check|slap)?\b[^\n|;&]{0,200}?(?<=\s)-p(['"]?)([^\s'"]{4,200})\1(?=\s|$)/g;

function scanMysqlPassword(text: string, out: Candidate[]): void {
  if (!text.includes('ysql')) return; // led by a rare letter: a search for `mysql` stops at every `m`
  MYSQL_P_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MYSQL_P_RE.exec(text)) !== null) {
    const pw = m[2];
    if (isPlaceholder(pw) || /^\$|^[<{[]/.test(pw) || secretLikeness(pw, true, true) <= 0) continue;
    const start = m.index + m[0].length - m[1].length - pw.length;
    out.push({ kind: 'secret', type: 'password', start, end: start + pw.length, confidence: 0.8, label: 'MySQL client password' });
  }
}

/** `/-u\b|--user\b/.test(text)`, read at each `-u` (both hold one): a regex search stops at every `-`. */
function hasCurlUserFlag(text: string): boolean {
  for (let i = text.indexOf('-u'); i !== -1; i = text.indexOf('-u', i + 1)) {
    if (!isWordCode(text.charCodeAt(i + 2))) return true;
    if (text.charCodeAt(i - 1) === 45 && text.startsWith('ser', i + 2) && !isWordCode(text.charCodeAt(i + 5))) return true;
  }
  return false;
}

function scanCurl(text: string, out: Candidate[]): void {
  if (!hasCurlUserFlag(text)) return;
  CURL_USER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CURL_USER_RE.exec(text)) !== null) {
    let value: string;
    let at: number; // offset of value in text
    const mEnd = m.index + m[0].length;
    if (m[2] !== undefined) {
      if (m[4] !== undefined) {
        value = m[4];
        at = mEnd - 1 - value.length;
      } else {
        const whole = m[2];
        const colon = whole.indexOf(':');
        if (colon === -1) continue; // user only, no password
        const wholeAt = mEnd - 1 - whole.length;
        value = whole.slice(colon + 1);
        at = wholeAt + colon + 1;
        if (value === '') {
          // "secret:" (empty password): the user part is the credential
          value = whole.slice(0, colon);
          at = wholeAt;
        }
      }
    } else {
      value = m[7];
      at = mEnd - (m[6] ? 1 : 0) - value.length;
    }
    // {value} wrapped in literal braces (API docs style)
    const braced = /^\{([^{}$]{6,200})\}$/.exec(value);
    if (braced) {
      value = braced[1];
      at += 1;
    }
    if (!curlSecret(value)) continue;
    out.push({ kind: 'secret', type: 'password', start: at, end: at + value.length, confidence: 0.8, label: 'curl credentials' });
  }
}

const AWS_CONTEXT_RE = /aws|(?:AKIA|ASIA)[A-Z2-7]{16}/i;
const AWS_CONTEXT_ALL_RE = /aws|(?:AKIA|ASIA)[A-Z2-7]{16}/gi;
const isB64 = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47;

/**
 * Maximal 40-character runs of `[A-Za-z0-9/+]` with an AWS cue (`aws`, an
 * access key id) in the 300 characters before or 340 after. Only the
 * stretches around cues are read: any cue inside a run's surroundings is, or
 * overlaps, a cue the whole-text scan finds, so the run starts within 340
 * characters before that cue's start or 300 after its end. (`aws` also
 * matches `laws` and `draws`, so long texts usually have cues; they rarely
 * have them everywhere.)
 */
function scanAwsSecret(text: string, out: Candidate[]): void {
  AWS_CONTEXT_ALL_RE.lastIndex = 0;
  let c: RegExpExecArray | null;
  let lo = 0;
  let hi = -1;
  while ((c = AWS_CONTEXT_ALL_RE.exec(text)) !== null) {
    const a = Math.max(0, c.index - 340);
    const b = c.index + c[0].length + 300;
    if (hi >= 0 && a <= hi + 1) {
      hi = Math.max(hi, b);
      continue;
    }
    if (hi >= 0) awsRunsIn(text, lo, hi, out);
    lo = a;
    hi = b;
  }
  if (hi >= 0) awsRunsIn(text, lo, hi, out);
}

/** The runs that start in [lo, hi]; a run is read from its own start, so one that begins before `lo` is not a candidate. */
function awsRunsIn(text: string, lo: number, hi: number, out: Candidate[]): void {
  let i = lo;
  while (i > 0 && isB64(text.charCodeAt(i - 1))) i--;
  const end = Math.min(text.length, hi + 1);
  while (i < end) {
    if (!isB64(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isB64(text.charCodeAt(j))) j++;
    if (i >= lo && j - i === 40) awsCandidate(text, i, out);
    i = j;
  }
}

function awsCandidate(text: string, at: number, out: Candidate[]): void {
  const before = text[at - 1] ?? '';
  const after = text[at + 40] ?? '';
  if (/[\w=]/.test(after) || /[\w]/.test(before)) return;
  const v = text.slice(at, at + 40);
  const cls = charClasses(v);
  if (!(cls.lower && cls.upper && cls.digit) || shannonEntropy(v) < 4.0) return;
  const near = text.slice(Math.max(0, at - 300), Math.min(text.length, at + 340));
  if (!AWS_CONTEXT_RE.test(near)) return;
  out.push({ kind: 'secret', type: 'aws_secret_access_key', start: at, end: at + 40, confidence: 0.85, label: 'AWS secret access key' });
}

function scanAzureClientSecret(text: string, out: Candidate[]): void {
  let i = text.indexOf('Q~');
  const cls = /[A-Za-z0-9_~.]/;
  while (i !== -1) {
    const s = i - 4;
    if (s >= 0 && /\d/.test(text[i - 1]) && cls.test(text[s]) && cls.test(text[s + 1]) && cls.test(text[s + 2]) && !(s > 0 && /[A-Za-z0-9_~.-]/.test(text[s - 1]))) {
      let e = i + 2;
      while (e < text.length && e - i < 40 && /[A-Za-z0-9_~.-]/.test(text[e])) e++;
      const tail = e - (i + 2);
      const tailText = text.slice(i + 2, e);
      if (tail >= 31 && tail <= 34 && !(e < text.length && /[A-Za-z0-9_~.-]/.test(text[e])) && !isPlaceholder(tailText) && shannonEntropy(text.slice(s, e)) >= 3) {
        out.push({ kind: 'secret', type: 'azure_client_secret', start: s, end: e, confidence: 0.9, label: 'Azure AD client secret' });
      }
    }
    i = text.indexOf('Q~', i + 2);
  }
}

/** A bot token alone, or in a Bot API URL path (`api.telegram.org/bot123456:AA...`). */
const TELEGRAM_RE = /(?:(?<=(?<!\w)bot)|(?<![\w:]))\d{5,16}:A[\w-]{34}(?![\w-])/g;

function scanTelegram(text: string, out: Candidate[]): void {
  if (!text.includes(':A')) return;
  TELEGRAM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TELEGRAM_RE.exec(text)) !== null) {
    const body = m[0].slice(m[0].indexOf(':') + 2);
    if (isPlaceholder(body) || shannonEntropy(body) < 3) continue;
    out.push({ kind: 'secret', type: 'telegram_bot_token', start: m.index, end: m.index + m[0].length, confidence: 0.9, label: 'Telegram bot token' });
  }
}

/** Mailchimp API key: 32 hex digits, `-us` and the data centre number (read back from each `-us`). */
const MAILCHIMP_RE = /(?<![\w-])[0-9a-f]{32}-us\d{1,2}(?![\w-])/y;

function scanMailchimp(text: string, out: Candidate[]): void {
  for (let i = text.indexOf('-us'); i !== -1; i = text.indexOf('-us', i + 3)) {
    if (i < 32) continue;
    MAILCHIMP_RE.lastIndex = i - 32;
    const m = MAILCHIMP_RE.exec(text);
    if (!m) continue;
    const hex = m[0].slice(0, 32);
    if (isPlaceholder(hex) || shannonEntropy(hex) < 3) continue;
    out.push({ kind: 'secret', type: 'mailchimp_api_key', start: m.index, end: m.index + m[0].length, confidence: 0.9, label: 'Mailchimp API key' });
  }
}

/**
 * A PostgreSQL password file line (`~/.pgpass`, PGPASSFILE): `host:port:database:user:password`, each of
 * the first four a name or `*`, the port digits or `*`. The line ends after the password (no sixth field:
 * an IPv6 address or a timestamp has more colons, or letters where the port is).
 */
const PGPASS_RE = /(?:[A-Za-z0-9][\w.-]{0,252}|\*):(?:\d{1,5}|\*):(?:[\w.$-]{1,63}|\*):(?:[\w.@$-]{1,63}|\*):((?:[^\s:"'`\\]|\\:){4,200})(?=$|[\s"'`<])/y;
/** Every line has a port field: a colon, digits or `*`, a colon (a search led by a rare character). */
const PORT_FIELD_RE = /:(?:\d{1,5}|\*):/g;
const isHostChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45;

/**
 * At each port field, the host field before it (back over `[\w.-]` to whitespace, a quote, `>` or `=`, or the
 * text's start), then the line sticky from there: a global regex was tried at every position (9 ms per MB of
 * log lines, whose timestamps hold `:34:`).
 */
function scanPgpass(text: string, out: Candidate[]): void {
  PORT_FIELD_RE.lastIndex = 0;
  let done = 0;
  let m: RegExpExecArray | null;
  while ((m = PORT_FIELD_RE.exec(text)) !== null) {
    const p = m.index;
    PORT_FIELD_RE.lastIndex = p + 1;
    let s = p;
    if (text.charCodeAt(p - 1) === 42) s = p - 1; // `*`
    else while (s > 0 && p - s <= 253 && isHostChar(text.charCodeAt(s - 1))) s--;
    if (s === p || s < done) continue;
    const before = s > 0 ? text[s - 1] : ' ';
    if (!/[\s"'`>=]/.test(before)) continue;
    PGPASS_RE.lastIndex = s;
    const line = PGPASS_RE.exec(text);
    if (!line) continue;
    done = s + line[0].length;
    PORT_FIELD_RE.lastIndex = done;
    const pw = line[1];
    if (isPlaceholder(pw) || secretLikeness(pw, true, true) <= 0) continue;
    const start = done - pw.length;
    out.push({ kind: 'secret', type: 'database_password', start, end: done, confidence: 0.8, label: 'PostgreSQL password file entry' });
  }
}

/** The signature of an Azure shared access signature (`...?sv=2021-06-08&...&sig=...`), URL-encoded base64 of an HMAC-SHA256. */
const SAS_SIG_RE = /[?&]sig=((?:[A-Za-z0-9+/]|%2[BbFf]){40,90}(?:=|%3[Dd]){0,2})(?![A-Za-z0-9%+/=])/g;

function scanAzureSas(text: string, out: Candidate[]): void {
  // led by the rare `?` / `&` (a search for `sig=` stops at every `s`)
  if (!(text.includes('?sv=') || text.includes('&sv=')) || !/[?&]sv=\d{4}-\d{2}-\d{2}/.test(text)) return;
  SAS_SIG_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SAS_SIG_RE.exec(text)) !== null) {
    if (isPlaceholder(m[1]) || shannonEntropy(m[1]) < 3.5) continue;
    const end = m.index + m[0].length;
    out.push({ kind: 'secret', type: 'azure_sas_token', start: end - m[1].length, end, confidence: 0.9, label: 'Azure SAS signature' });
  }
}

/** Facebook app access token: app id (15-16 digits), `|`, 27-char app secret-derived part. */
/** Sticky, tried 15 and 16 characters before each `|`. */
const FB_APP_TOKEN_RE = /(?<![\w|])\d{15,16}\|[A-Za-z0-9_-]{27}(?![\w-])/y;
const isDigitAt = (text: string, at: number): boolean => text.charCodeAt(at) >= 48 && text.charCodeAt(at) <= 57;

function scanFacebook(text: string, out: Candidate[]): void {
  if (!text.includes('|')) return;
  let m: RegExpExecArray | null;
  for (let from = 0; (m = execBeforeAnchor(FB_APP_TOKEN_RE, text, from, '|', 15, 16, isDigitAt)) !== null; from = m.index + m[0].length) {
    const tail = m[0].slice(m[0].indexOf('|') + 1);
    const cls = charClasses(tail);
    if (isPlaceholder(tail) || shannonEntropy(tail) < 3.5 || cls.count < 2) continue;
    out.push({ kind: 'secret', type: 'facebook_access_token', start: m.index, end: m.index + m[0].length, confidence: 0.85, label: 'Facebook app access token' });
  }
}

const SIDEKIQ_RE = /BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM["']?[ \t]{0,5}(?::=|[:=])[ \t]{0,5}["']?([a-f0-9]{8}:[a-f0-9]{8})\b/g;

function scanSidekiq(text: string, out: Candidate[]): void {
  if (!text.includes('CONTRIBSYS')) return;
  SIDEKIQ_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SIDEKIQ_RE.exec(text)) !== null) {
    const end = m.index + m[0].length;
    out.push({ kind: 'secret', type: 'sidekiq_secret', start: end - m[1].length, end, confidence: 0.9, label: 'Sidekiq Enterprise credentials' });
  }
}

/**
 * The literals that gate the PEM, PuTTY and Sidekiq scans, in one search: a
 * regex finds any of them faster than three substring searches (0.07 vs
 * 0.8 ms per MB of text with none). Each scan still checks its own.
 */
const KEY_FILE_CUE_RE = /PRIVATE KEY|PuTTY-User-Key-File-|CONTRIBSYS/;

/**
 * Run all context-based secret scans. `keywordStarts` are the offsets where
 * KEYWORD_RE matches (`matchStarts(KEYWORD_RE, text)`, or a shared head
 * index that found them with other cue heads).
 *
 * @example
 * ```ts
 * const out: Candidate[] = [];
 * scanContextual('DB_PASSWORD="' + 'Xk9#mQ2' + 'vL7pR4"', out); // out[0].type === 'password'
 * ```
 */
export function scanContextual(text: string, out: Candidate[], keywordStarts: Int32Array = matchStarts(KEYWORD_RE, text)): void {
  scanAssignments(text, out, keywordStarts);
  const keyFile = KEY_FILE_CUE_RE.test(text);
  if (keyFile && text.includes('PRIVATE KEY')) scanPem(text, out);
  if (keyFile && text.includes('PuTTY-User-Key-File-')) scanPuttyKey(text, out);
  if (hasCookieCue(text)) scanCookies(text, out);
  if (text.includes('<add')) scanAddKeyValue(text, out);
  scanUrls(text, out);
  scanCurl(text, out);
  scanMysqlPassword(text, out);
  scanAwsSecret(text, out);
  if (text.includes('Q~')) scanAzureClientSecret(text, out);
  scanTelegram(text, out);
  if (keyFile) scanSidekiq(text, out);
  scanFacebook(text, out);
  scanMailchimp(text, out);
  scanAzureSas(text, out);
  if (text.includes(':')) scanPgpass(text, out);
}
