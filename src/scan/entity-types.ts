/**
 * Every entity type the built-in secret and PII detectors report, with its
 * kind and a label: the names that `types`, `excludeTypes` and `typeActions`
 * accept. A test keeps this list in step with the detectors.
 */
import type { ConfigIssue } from '../errors.js';
import { NATIONAL_ID_TYPES } from './pii/national-ids.js';
import { PREFIX_RULES } from './secrets/rules.js';

/** One entity type a detector can report. */
export interface SensitiveEntityType {
  /** snake_case type, as in `SensitiveFinding.type`. */
  type: string;
  /** `secret` (credentials) or `pii` (personal data). */
  kind: 'secret' | 'pii';
  /** What it is, in words. */
  label: string;
}

const OTHER_SECRETS: [string, string][] = [
  ['configured_api_key', "the client's own API key (exactSecrets)"],
  ['password', 'password in an assignment, a URL or curl credentials'],
  ['generic_secret', 'secret in a credential-named assignment'],
  ['private_key', 'PEM / OpenSSH / PGP private key block'],
  ['gcp_service_account_key', 'private key in a GCP service-account JSON'],
  ['database_password', 'password in a database URL'],
  ['url_password', 'password in a URL'],
  ['url_token', 'token as URL user info'],
  ['aws_secret_access_key', 'AWS secret access key near an AWS cue'],
  ['azure_client_secret', 'Azure AD client secret'],
  ['telegram_bot_token', 'Telegram bot token'],
  ['facebook_access_token', 'Facebook app access token'],
  ['sidekiq_secret', 'Sidekiq Enterprise credentials'],
  ['session_cookie', 'session or authentication cookie in a Cookie header or curl -b'],
  ['mailchimp_api_key', 'Mailchimp API key (32 hex digits and a data centre)'],
  ['azure_sas_token', 'signature of an Azure shared access signature URL'],
];

const OTHER_PII: [string, string][] = [
  ['email', 'e-mail address'],
  ['phone_number', 'phone number'],
  ['credit_card', 'payment card number'],
  ['iban', 'IBAN'],
  ['us_ssn', 'US social security number'],
  ['us_itin', 'US ITIN'],
  ['ip_address', 'IPv4 or IPv6 address'],
  ['mac_address', 'MAC address'],
  ['crypto_wallet', 'cryptocurrency wallet address'],
  ['person', 'person name'],
  ['street_address', 'street address'],
  ['date_of_birth', 'date of birth after a cue'],
  ['age', 'age (below the default threshold)'],
  ['passport_number', 'passport number'],
  ['driver_license', 'driving licence number after a cue'],
  ['tax_id', 'tax number after a cue'],
  ['id_number', 'identity document number after a cue'],
  ['postcode', 'UK postcode, or a German postcode after PLZ'],
  ['vehicle_registration', 'vehicle registration'],
  ['au_medicare', 'Australian Medicare number'],
  ['bank_account', 'bank account number or UK sort code next to a bank word'],
  ['de_commercial_register', 'German commercial register number (HRA / HRB)'],
  ['se_organisation_number', 'Swedish organisation number next to an organisation word'],
  ['vehicle_identification_number', 'vehicle identification number (VIN)'],
  ['mx_curp', 'Mexican CURP'],
  ['date_time', 'a date or a timestamp (opt-in: `extraTypes`)'],
  ['url', 'a web address (opt-in: `extraTypes`)'],
];

/**
 * Types that are off by default and reported only when named in
 * `extraTypes`: Presidio reports dates and URLs as personal data, but most
 * prompts hold them for other reasons (a meeting date, a link to summarise).
 * HIPAA's Safe Harbor list, for one, includes both.
 */
export const OPT_IN_TYPES: ReadonlySet<string> = new Set(['date_time', 'url']);

function build(): readonly SensitiveEntityType[] {
  const byType = new Map<string, SensitiveEntityType>();
  const add = (type: string, kind: 'secret' | 'pii', label: string) => {
    if (!byType.has(type)) byType.set(type, { type, kind, label });
  };
  for (const [t, l] of OTHER_SECRETS) add(t, 'secret', l);
  for (const r of PREFIX_RULES) add(r.type, 'secret', r.label);
  for (const [t, l] of OTHER_PII) add(t, 'pii', l);
  for (const r of NATIONAL_ID_TYPES) add(r.type, 'pii', r.label);
  // code-unit order, not localeCompare: this runs at import, and the first localeCompare call sets up ICU (about 14 ms)
  const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return Object.freeze([...byType.values()].sort((a, b) => (a.kind === b.kind ? byName(a.type, b.type) : a.kind === 'secret' ? -1 : 1)));
}

/**
 * Every entity type the built-in detectors report, secrets first, each
 * sorted by name. Guard options naming a type outside this list (and outside
 * `customPatterns`) are rejected at construction.
 *
 * @example
 * ```ts
 * import { sensitiveEntityTypes } from 'secure-llm';
 * sensitiveEntityTypes.filter((t) => t.kind === 'pii').map((t) => t.type); // ['age', 'au_medicare', ...]
 * ```
 */
export const sensitiveEntityTypes: readonly SensitiveEntityType[] = build();

const KIND = new Map(sensitiveEntityTypes.map((t) => [t.type, t.kind]));

/** The kind of a built-in entity type, or undefined for a name no detector reports. */
export function entityKind(type: string): 'secret' | 'pii' | undefined {
  return KIND.get(type);
}

type Kind = 'secret' | 'pii';
const KIND_WORD = { secret: 'secret', pii: 'PII' } as const;
const KIND_GROUP = { secret: 'secrets', pii: 'pii' } as const;

/**
 * The config issue for the type name `type` at `path`, or undefined when it
 * names a built-in or custom (`custom`: type -> kind) type, of kind `want`
 * when that is given. Shared by the guard options and `detectSensitive`.
 */
export function entityTypeIssue(type: string, path: (string | number)[], custom: ReadonlyMap<string, Kind>, want?: Kind): ConfigIssue | undefined {
  const actual = entityKind(type) ?? custom.get(type);
  if (actual && (!want || actual === want)) return undefined;
  if (actual && want) return { code: 'wrong_entity_kind', path, message: `'${type}' is a ${KIND_WORD[actual]} type: set it under ${KIND_GROUP[actual]}, not ${KIND_GROUP[want]}` };
  const near = nearestEntityType(type, want);
  const message = `unknown ${want ? KIND_WORD[want] : 'entity'} type '${type}'${near ? ` (did you mean '${near}'?)` : ''}`;
  return want ? { code: 'unknown_entity_type', path, message, expected: 'a type from sensitiveEntityTypes or customPatterns' } : { code: 'unknown_entity_type', path, message };
}

/** The config issue for a name in `extraTypes` that is not an opt-in type, or undefined. */
export function optInTypeIssue(type: string, path: (string | number)[]): ConfigIssue | undefined {
  if (OPT_IN_TYPES.has(type)) return undefined;
  const known = entityKind(type) !== undefined;
  return {
    code: 'unknown_entity_type',
    path,
    message: known ? `'${type}' is on by default: extraTypes only turns on ${[...OPT_IN_TYPES].join(', ')}` : `unknown opt-in type '${type}' (extraTypes takes ${[...OPT_IN_TYPES].join(', ')})`,
    expected: [...OPT_IN_TYPES].join(' | '),
  };
}

/**
 * The built-in type of `kind` nearest to `type`, for "did you mean" messages:
 * the shortest type holding all of its words (`openai_key` -> `openai_api_key`),
 * else the closest by edit distance (at most 3).
 */
export function nearestEntityType(type: string, kind?: 'secret' | 'pii'): string | undefined {
  const words = type.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  let best: string | undefined;
  for (const t of sensitiveEntityTypes) {
    if (kind && t.kind !== kind) continue;
    const parts = t.type.split('_');
    if (words.length > 1 && words.every((w) => parts.includes(w)) && (!best || t.type.length < best.length)) best = t.type;
  }
  if (best) return best;
  let bestD = 4;
  for (const t of sensitiveEntityTypes) {
    if (kind && t.kind !== kind) continue;
    const d = editDistance(type, t.type, bestD);
    if (d < bestD) {
      bestD = d;
      best = t.type;
    }
  }
  return best;
}

/** Levenshtein distance, giving up (returns `cap`) once every row exceeds it. */
function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= cap) return cap;
    prev = cur;
  }
  return Math.min(prev[b.length], cap);
}
