/**
 * Writes the "Every entity type" table of docs/detectors.md (between the
 * entity-types markers) from `sensitiveEntityTypes` and the prefix rules.
 * Secret examples are shapes (prefix and anchored pattern), never a literal
 * key. Run: npx tsx scripts/doc-entity-types.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { sensitiveEntityTypes } from '../src/scan/entity-types.js';
import { PREFIX_RULES } from '../src/scan/secrets/rules.js';

const EXAMPLES: Record<string, string> = {
  configured_api_key: "the client's own `apiKey`, verbatim, in a prompt or a reply",
  password: '`DB_PASSWORD="Xk9m..."`, `curl -u admin:S3cr...`, `password: ...` in YAML, `my password is Xk9m...` in prose',
  facebook_access_token: '`<15-16 digit app id>|<27 chars>` app tokens; page tokens `EAAM`/`EAAC` + 100-400 characters',
  session_cookie: 'the value of `sessionid=...`, `PHPSESSID=...`, `auth_token=...` in a `Cookie:` / `Set-Cookie:` header or after `curl -b`',
  generic_secret: '`client_secret: "<random 32 chars>"`, `<apiToken>...</apiToken>`',
  private_key: 'a `-----BEGIN OPENSSH PRIVATE KEY-----` ... `END` block (also JSON-escaped), the `Private-Lines` of a PuTTY `.ppk` file',
  gcp_service_account_key: 'the `private_key` block inside `"type": "service_account"` JSON',
  database_password: 'the password in `postgres://app:<password>@db:5432/app`',
  url_password: 'the password in `https://user:<password>@example.com`',
  url_token: 'a token as URL user info: `https://<token>@github.com/org/repo`',
  aws_secret_access_key: '40 base64 characters within 300 characters of `aws` or an `AKIA...` id',
  azure_client_secret: '3 characters, a digit, `Q~`, 31-34 characters',
  telegram_bot_token: '`<5-16 digits>:A<34 characters>`, alone or in a Bot API URL (`/bot<token>/getMe`)',
  mailchimp_api_key: '`<32 hex digits>-us6`',
  azure_sas_token: 'the `sig=` value of a URL with `sv=<date>` (an Azure shared access signature)',
  sidekiq_secret: '`BUNDLE_ENTERPRISE__CONTRIBSYS__COM=<hex>:<hex>`',
  email: '`jane.roe@example.org`; obfuscated: `jane.roe [at] example [dot] org`, `jane(at)example.org`',
  phone_number: '`+44 20 7946 0958`, `(415) 555-2671`, `Phone: 723 813 266`',
  credit_card: '`4111 1111 1111 1111` (IIN + Luhn)',
  au_abn: '`51 824 753 556` (mod-89 check), or 11 digits after `ABN`',
  sg_uen: '`T16RF0037C` (year, an ACRA entity-type code, four digits, a letter)',
  au_acn: '`005 499 981` (check digit; a leading 0 without a cue), or 9 digits after `ACN`',
  de_commercial_register: '`HRB 123456`, `HRA 99999` (Handelsregister)',
  se_organisation_number: '`556703-7485 är vårt orgnummer` (Luhn, third digit 2-9, an organisation word before or after)',
  iban: '`GB82 WEST 1234 5698 7654 32` (mod 97)',
  us_ssn: '`536-90-4399`',
  us_itin: '`912-70-1234`',
  ip_address: '`192.168.10.1`, `2001:db8::8a2e:370:7334`',
  mac_address: '`00:1A:2B:3C:4D:5E`',
  crypto_wallet: 'a Base58Check or bech32 Bitcoin address (checksum verified), an Ethereum address after a cue',
  person: '`Mrs. Kowalska`, `Maria Lopez`, `my name is Anna`',
  street_address: '`1600 Pennsylvania Avenue NW`, `Hauptstraße 12`, `12 Baker Street` above a city line',
  date_of_birth: '`DOB: 12/03/1987`, `born on 5 May 1990`',
  age: '`I am 42 years old` (0.4: below the default threshold)',
  passport_number: '`passport number is X1234567`, `Pass-Nr. C74125861`, `M123A4567`',
  driver_license: "`driver's license: D1234567`",
  tax_id: '`StNr 181/815/08155`, `TIN: 123-456-789`',
  id_number: '`national id: AB123456`, `MRN 00482913`, `patient id ...`, `member number ...`',
  postcode: '`SW1A 1AA`, `PLZ 80331`',
  date_time: '`2024-03-15T14:30:00Z`, `5 May 1980`, `May-2021`, `3/15` (only with `extraTypes: [\'date_time\']`)',
  url: '`https://www.example.com/store/abc/`, `www.example.org`, `example.com` (only with `extraTypes: [\'url\']`)',
  vehicle_registration: '`AB12 CDE`, `KA53ME3456`, `HH-AB 1234`, `plate number is ABJ-123XY`',
  au_medicare: '`2123 45670 1` (check digit)',
  es_nif: '`X9613851N`, `12345678Z` (check letter)',
  fi_hetu: '`131052-308T` (check character)',
  se_personnummer: '`811218-9876`, `19811218-9876` (Luhn)',
  kr_rrn: '`850709-1234568` (check digit); written with the dash, any `YYMMDD-SNNNNNN` with a real date and sex digit (numbers issued since October 2020 have no check digit)',
  kr_brn: '`104-86-56659` after `BRN` (check digit)',
  tr_national_id: '`10000000146` (two check digits)',
  pl_pesel: '`44051401458` after `PESEL` (check digit)',
  za_id: '`8001015009087` (date + Luhn)',
  th_national_id: '`1101700207030` after `Thai ID` (check digit)',
  sg_nric: '`S1234567D` (check letter)',
  it_fiscal_code: '`RSSMRA85T10A562S` (check letter)',
  uk_nino: '`AB 12 34 56 C`',
  ca_sin: '`123 456 782` (Luhn; bare 9 digits after `SIN`)',
  de_vat_id: '`DE271145682` (ISO 7064)',
  de_tax_id: '`57319486208` (ISO 7064, digit pattern)',
  de_health_insurance_number: '`A123456780` (check digit)',
  de_social_security_number: '`15070649C103` (check digit)',
  uk_driving_licence: '`MORGA753116SM9IJ` (date fields)',
  us_mbi: '`1EG4-TE5-MK73`',
  us_npi: '`1245319599` after `NPI` (Luhn with 80840)',
  br_cpf: '`123.456.789-09` (two mod-11 check digits), or 11 bare digits after `CPF`',
  au_tfn: '`123 456 782` after `TFN` / `tax file number` (weighted mod 11)',
  bank_account: '`sort code 60-16-13`, `account 31926819` when a bank word (`sort code`, `bank`, `IBAN`, `SWIFT`, `BSB`, `routing`) is in the text',
  vehicle_identification_number: '`1HGCM82633A004352` (a valid check digit, or after `VIN` / `chassis`)',
  mx_curp: '`OEAF771012HMCRGR08` (structure, state code and check digit)',
  uk_nhs_number: '`943 476 5919` after `NHS` (mod-11 check digit)',
  aba_routing_number: '`021000021` after `routing` / `ABA` / `RTN` (3-7-1 checksum, Federal Reserve prefix)',
  in_gstin: '`27AAPFU0939F1ZV`',
  in_pan: '`AFZPK7190K`',
  kr_driver_license: '`11-22-333333-44`',
  in_aadhaar: '`2341 2341 2346` (Verhoeff)',
};

const rules = new Map<string, { prefixes: string[]; patterns: string[] }>();
for (const r of PREFIX_RULES) {
  const e = rules.get(r.type) ?? { prefixes: [], patterns: [] };
  e.prefixes.push(...r.prefixes);
  e.patterns.push(r.re.source);
  rules.set(r.type, e);
}

const cell = (s: string) => s.replace(/\|/g, '\\|');
const rows: string[] = ['| type | kind | what | example or shape |', '|---|---|---|---|'];
for (const t of sensitiveEntityTypes) {
  let example = EXAMPLES[t.type];
  const r = rules.get(t.type);
  if (!example && r) {
    const prefixes = [...new Set(r.prefixes)].slice(0, 6).map((p) => '`' + p + '`').join(', ');
    example = `${prefixes}${r.prefixes.length > 6 ? ', ...' : ''}; \`${r.patterns[0].length > 90 ? r.patterns[0].slice(0, 87) + '...' : r.patterns[0]}\``;
  }
  if (!example) throw new Error(`no example for ${t.type}`);
  rows.push(`| \`${t.type}\` | ${t.kind} | ${cell(t.label)} | ${cell(example)} |`);
}

const path = new URL('../docs/detectors.md', import.meta.url);
const doc = readFileSync(path, 'utf8');
const start = '<!-- entity-types:start (generated by scripts/doc-entity-types.ts) -->';
const end = '<!-- entity-types:end -->';
const block = `${start}\n${rows.join('\n')}\n${end}`;
const next = doc.includes(start) ? doc.replace(new RegExp(`${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*?${end}`), () => block) : doc.replace('## Secret rules', () => `## Every entity type\n\nThe names \`types\`, \`excludeTypes\` and \`typeActions\` accept (also exported as \`sensitiveEntityTypes\`; guard options naming any other type are rejected). Secret examples are shapes: the vendor prefix and the anchored pattern the token must match.\n\n${block}\n\n## Secret rules`);
writeFileSync(path, next);
console.log(`${sensitiveEntityTypes.length} types written`);
