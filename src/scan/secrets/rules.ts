/**
 * Secret formats recognisable by a literal prefix. Scanning is one pass: a
 * single alternation of all prefixes finds candidate positions, the token
 * around each hit is cut with a character-class scan (linear), and each rule's
 * anchored regex is applied to that token only. Quantifiers are bounded and
 * tokens longer than MAX_TOKEN are skipped whole, so cost is linear in the
 * input even on adversarial text.
 */
import type { Candidate } from './candidate.js';
import { checksumTokenValid, crc32 } from './checksums.js';
import { isPlaceholder, shannonEntropy } from './entropy.js';
import { isAsciiLower, isAsciiUpper } from '../char-codes.js';

/** One prefix rule. */
export interface PrefixRule {
  /** snake_case entity type, also used for placeholders. */
  type: string;
  /** Human label for messages. */
  label: string;
  /** Literal, case-sensitive prefixes; a hit must start at a token boundary. */
  prefixes: string[];
  /** Anchored regex for the whole token (`^...$`). */
  re: RegExp;
  /** Extra characters allowed in the token besides `[A-Za-z0-9_-]`. */
  extra?: string;
  confidence: number;
  /** Optional check; returns a confidence, or 0 to reject. */
  validate?: (token: string) => number;
  /** Skip the placeholder/entropy sanity check (for formats with no randomness requirement). */
  noSanity?: boolean;
  /**
   * The prefix is vendor-specific: a token that starts with it but fails the
   * rule is a near-miss (truncated, placeholder, example) and generic rules
   * must not report it either.
   */
  veto?: boolean;
}

const MAX_TOKEN = 1200;
/** Characters that, right after a token, mark it as the visible part of a masked or template value. */
const FILLER_AFTER = '#*•…';

/**
 * The token is wrapped in Markdown emphasis (`**ghp_...**`, `*sk-...*`): the
 * same run of one to three `*` right before and right after it, and no token
 * character after the closing run. A `*` after a token is otherwise filler
 * (`ghp_abc****`).
 */
function emphasisAround(text: string, start: number, end: number): boolean {
  let after = 0;
  while (text.charCodeAt(end + after) === 42) after++;
  let before = 0;
  while (start - before > 0 && text.charCodeAt(start - before - 1) === 42) before++;
  const next = text.charCodeAt(end + after);
  return after >= 1 && after <= 3 && before === after && !(next >= 48 && next <= 57) && !(next >= 65 && next <= 90) && !(next >= 97 && next <= 122);
}

function githubClassic(token: string): number {
  return checksumTokenValid(token) ? 0.99 : 0.8;
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
    return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * 0.9 when the header decodes to JSON with `alg`; 0.8 when the header is
 * damaged but the claims part decodes to a JSON object (a JWT with a mangled
 * or hand-edited header is still a bearer token); otherwise not a JWT.
 */
function jwtValidate(token: string): number {
  const dot = token.indexOf('.');
  const head = decodeJsonObject(token.slice(0, dot));
  if (head && 'alg' in head) return 0.9;
  if (head) return 0;
  const dot2 = token.indexOf('.', dot + 1);
  const claims = decodeJsonObject(token.slice(dot + 1, dot2 === -1 ? token.length : dot2));
  return claims && Object.keys(claims).length > 0 ? 0.8 : 0;
}

function jwtBase64Validate(token: string): number {
  const inner = Buffer.from(token, 'base64').toString('latin1').trim();
  return /^eyJ[\w-]{5,1000}\.[\w-]{5,3000}(?:\.[\w-]{0,1000})?$/.test(inner) ? jwtValidate(inner) : 0;
}

function openaiValidate(token: string): number {
  return token.includes('T3BlbkFJ') ? 0.97 : 0;
}

/** Cloudflare prefixed tokens end in the CRC32 of their 40-char body as 8 lowercase hex digits. */
function cloudflareValidate(token: string): number {
  const body = token.slice(token.indexOf('_') + 1);
  const sum = crc32(body.slice(0, 40)).toString(16).padStart(8, '0');
  return sum === body.slice(40) ? 0.98 : 0.85;
}

/** A Discord bot token's first part decodes to the bot's numeric user id (17-20 digits). */
function discordValidate(token: string): number {
  const id = Buffer.from(token.slice(0, token.indexOf('.')), 'base64url').toString('latin1');
  return /^\d{17,20}$/.test(id) ? 0.93 : 0;
}

function anthropicValidate(token: string): number {
  return token.endsWith('AA') ? 0.97 : 0;
}

/** The prefix rule table. Order does not matter; overlaps are resolved later. */
export const PREFIX_RULES: PrefixRule[] = [
  { type: 'anthropic_api_key', label: 'Anthropic API key', prefixes: ['sk-ant-'], re: /^sk-ant-(?:api|admin|oat|sid)\d{2}-[\w-]{40,200}$/, confidence: 0.97, validate: anthropicValidate, veto: true },
  { type: 'openai_api_key', label: 'OpenAI API key', prefixes: ['sk-'], re: /^sk-(?:proj-|svcacct-|admin-|None-)?[\w-]{20,300}$/, confidence: 0.97, validate: openaiValidate },
  { type: 'google_api_key', label: 'Google API key', prefixes: ['AIza'], re: /^AIza[\w-]{35}$/, confidence: 0.9 },
  { type: 'google_oauth_token', label: 'Google OAuth access token', prefixes: ['ya29.'], re: /^ya29\.[\w-]{30,400}$/, extra: '.', confidence: 0.85 },
  { type: 'aws_access_key_id', label: 'AWS access key id', prefixes: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'AGPA', 'AIDA', 'AIPA', 'ANPA', 'ANVA', 'AROA', 'APKA', 'A3T'], re: /^(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16}$/, confidence: 0.92, veto: true },
  { type: 'github_token', label: 'GitHub token', prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], re: /^gh[pousr]_[A-Za-z0-9]{36,251}$/, confidence: 0.9, validate: githubClassic, veto: true },
  { type: 'github_token', label: 'GitHub fine-grained token', prefixes: ['github_pat_'], re: /^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$|^github_pat_[A-Za-z0-9_]{70,255}$/, confidence: 0.97, veto: true },
  { type: 'gitlab_token', label: 'GitLab token', prefixes: ['glpat-', 'gloas-', 'gldt-', 'glrt-', 'glcbt-', 'glptt-', 'glft-', 'glimt-', 'glagent-', 'glsoat-', 'glffct-', 'GR1348941'], re: /^(?:gl(?:pat|oas|dt|rt|cbt|ptt|ft|imt|agent|soat|ffct)-[\w-]{15,300}(?:\.[\w-]{2,20})?|GR1348941[\w-]{20,60})$/, extra: '.', confidence: 0.93, veto: true },
  { type: 'slack_token', label: 'Slack token', prefixes: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxo-', 'xoxe-', 'xoxe.', 'xapp-'], re: /^(?:xox[baprsoe](?:\.xox[bp])?-[A-Za-z0-9-]{8,300}|xapp-\d-[A-Z0-9]{6,20}-\d{6,20}-[a-z0-9]{20,100})$/, extra: '.', confidence: 0.93, validate: slackValidate, veto: true },
  { type: 'slack_webhook', label: 'Slack webhook URL', prefixes: ['hooks.slack.com/'], re: /^hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]{20,200}$/, extra: './', confidence: 0.95 },
  { type: 'discord_webhook', label: 'Discord webhook URL', prefixes: ['discord.com/api/webhooks/', 'discordapp.com/api/webhooks/'], re: /^discord(?:app)?\.com\/api\/webhooks\/\d{5,30}\/[\w-]{30,100}$/, extra: './', confidence: 0.95 },
  { type: 'stripe_secret_key', label: 'Stripe secret key', prefixes: ['sk_live_', 'sk_test_', 'sk_prod_', 'rk_live_', 'rk_test_', 'rk_prod_', 'whsec_'], re: /^(?:[sr]k_(?:live|test|prod)_[A-Za-z0-9]{16,250}|whsec_[A-Za-z0-9]{24,80})$/, confidence: 0.95, noSanity: true, validate: (t) => (/^[^_]+_[^_]+_(?:x+|X+|\*+)$/.test(t) ? 0 : 0.95), veto: true },
  { type: 'twilio_api_key', label: 'Twilio API key', prefixes: ['SK'], re: /^SK[0-9a-fA-F]{32}$/, confidence: 0.85 },
  { type: 'sendgrid_api_key', label: 'SendGrid API key', prefixes: ['SG.'], re: /^SG\.[\w-]{16,32}\.[\w-]{30,50}$|^SG\.[\w=.-]{66}$/, extra: '.=', confidence: 0.95, veto: true },
  { type: 'mailgun_api_key', label: 'Mailgun API key', prefixes: ['key-'], re: /^key-[0-9a-f]{32}$/, confidence: 0.85 },
  { type: 'npm_token', label: 'npm token', prefixes: ['npm_'], re: /^npm_[A-Za-z0-9]{36}$/, confidence: 0.9, validate: (t) => (checksumTokenValid(t) ? 0.99 : 0.85), veto: true },
  { type: 'pypi_token', label: 'PyPI upload token', prefixes: ['pypi-AgEIcHlwaS5vcmc', 'pypi-AgENdGVzdC5weXBpLm9yZw'], re: /^pypi-Ag[\w-]{40,300}$/, confidence: 0.97, veto: true },
  { type: 'jwt', label: 'JSON Web Token', prefixes: ['eyJ'], re: /^eyJ[\w-]{5,1000}\.eyJ[\w-]{5,3000}(?:\.[\w-]{0,1000})?$|^eyJ[\w-]{5,1000}\.[\w-]{5,3000}\.[\w-]{10,1000}$/, extra: '.', confidence: 0.9, validate: jwtValidate, noSanity: true },
  { type: 'huggingface_token', label: 'Hugging Face token', prefixes: ['hf_', 'api_org_'], re: /^(?:hf_[A-Za-z]{30,40}|api_org_[A-Za-z]{30,40})$/, confidence: 0.88, validate: (t) => (/[A-Z]/.test(t) && /[a-z]/.test(t.slice(3)) ? 0.88 : 0) },
  { type: 'databricks_token', label: 'Databricks token', prefixes: ['dapi'], re: /^dapi[a-fA-F0-9]{32}(?:-\d)?$/, confidence: 0.9, veto: true },
  { type: 'digitalocean_token', label: 'DigitalOcean token', prefixes: ['dop_v1_', 'doo_v1_', 'dor_v1_'], re: /^do[opr]_v1_[a-f0-9]{64}$/, confidence: 0.97, veto: true },
  { type: 'doppler_token', label: 'Doppler token', prefixes: ['dp.pt.', 'dp.st.', 'dp.sa.', 'dp.ct.', 'dp.scim.', 'dp.audit.'], re: /^dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}$/, extra: '.', confidence: 0.95, veto: true },
  { type: 'easypost_api_key', label: 'EasyPost API key', prefixes: ['EZAK', 'EZTK'], re: /^EZ[AT]K[A-Za-z0-9]{54}$/, confidence: 0.92 },
  { type: 'flutterwave_key', label: 'Flutterwave key', prefixes: ['FLWSECK_TEST-', 'FLWSECK-', 'FLWPUBK_TEST-', 'FLWPUBK-'], re: /^FLW(?:SEC|PUB)K(?:_TEST)?-[a-h0-9]{32}-X$|^FLWSECK_TEST-[a-h0-9]{12}$/i, confidence: 0.95, veto: true },
  { type: 'flyio_token', label: 'Fly.io token', prefixes: ['fo1_', 'fm1r_', 'fm1a_', 'fm2_'], re: /^(?:fo1_[\w-]{43}|fm[12][ar]?_[A-Za-z0-9+/=_-]{100,3000})$/, extra: '+/=', confidence: 0.93 },
  { type: 'grafana_token', label: 'Grafana token', prefixes: ['glc_', 'glsa_', 'eyJrIjoi'], re: /^(?:glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|eyJrIjoi[A-Za-z0-9]{60,100}={0,2})$/, extra: '+/=', confidence: 0.93, veto: true },
  { type: 'infracost_api_key', label: 'Infracost API key', prefixes: ['ico-'], re: /^ico-[a-zA-Z0-9]{32}$/, confidence: 0.9, veto: true },
  { type: 'linear_api_key', label: 'Linear API key', prefixes: ['lin_api_'], re: /^lin_api_\w{32,128}$/, confidence: 0.95, veto: true },
  { type: 'onepassword_token', label: '1Password service account token', prefixes: ['ops_eyJ'], re: /^ops_eyJ[A-Za-z0-9+/]{100,3000}={0,3}$/, extra: '+/=', confidence: 0.97, veto: true },
  { type: 'onepassword_secret_key', label: '1Password secret key', prefixes: ['A3-'], re: /^A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}$/, confidence: 0.95, veto: true },
  { type: 'postman_api_key', label: 'Postman API key', prefixes: ['PMAK-'], re: /^PMAK-[a-f0-9]{24}-[a-f0-9]{34}$/i, confidence: 0.95, veto: true },
  { type: 'prefect_api_key', label: 'Prefect API key', prefixes: ['pnu_'], re: /^pnu_[a-zA-Z0-9]{36}$/, confidence: 0.93 },
  { type: 'pulumi_token', label: 'Pulumi token', prefixes: ['pul-'], re: /^pul-[a-f0-9]{40}$/, confidence: 0.93, veto: true },
  { type: 'rubygems_token', label: 'RubyGems token', prefixes: ['rubygems_'], re: /^rubygems_[a-f0-9]{48}$/, confidence: 0.95, veto: true },
  { type: 'scalingo_token', label: 'Scalingo token', prefixes: ['tk-us-'], re: /^tk-us-[\w-]{48}$/, confidence: 0.93 },
  { type: 'brevo_api_key', label: 'Brevo (Sendinblue) API key', prefixes: ['xkeysib-', 'xsmtpsib-'], re: /^x(?:keysib|smtpsib)-[a-f0-9]{64}-[a-z0-9]{16}$/i, confidence: 0.95 },
  { type: 'sentry_token', label: 'Sentry token', prefixes: ['sntrys_', 'sntryu_'], re: /^(?:sntrys_eyJ[A-Za-z0-9+/=_]{50,600}|sntryu_[a-f0-9]{64})$/, extra: '+/=', confidence: 0.95, veto: true },
  { type: 'settlemint_token', label: 'SettleMint token', prefixes: ['sm_pat_', 'sm_aat_', 'sm_sat_'], re: /^sm_[aps]at_[a-zA-Z0-9]{12,64}$/, confidence: 0.93, veto: true },
  { type: 'shippo_token', label: 'Shippo token', prefixes: ['shippo_live_', 'shippo_test_'], re: /^shippo_(?:live|test)_[a-fA-F0-9]{40}$/, confidence: 0.95, veto: true },
  { type: 'shopify_token', label: 'Shopify token', prefixes: ['shpat_', 'shppa_', 'shpca_', 'shpss_'], re: /^shp(?:at|pa|ca|ss)_[a-zA-Z0-9]{32,64}$/, confidence: 0.95, veto: true },
  { type: 'sourcegraph_token', label: 'Sourcegraph token', prefixes: ['sgp_'], re: /^sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}$|^sgp_[a-fA-F0-9]{40}$/, confidence: 0.92 },
  { type: 'square_token', label: 'Square token', prefixes: ['EAAA', 'sq0atp-', 'sq0csp-'], re: /^(?:EAAA[\w-]{60}|sq0atp-[\w-]{22}|sq0csp-[\w-]{43})$/, confidence: 0.9 },
  { type: 'vault_token', label: 'HashiCorp Vault token', prefixes: ['hvs.', 'hvb.', 'hvr.'], re: /^hv[sbr]\.[\w-]{24,300}$/, extra: '.', confidence: 0.93 },
  { type: 'notion_token', label: 'Notion integration token', prefixes: ['ntn_', 'secret_'], re: /^(?:ntn_\d{11}[A-Za-z0-9]{35}|secret_[A-Za-z0-9]{43})$/, confidence: 0.92 },
  { type: 'perplexity_api_key', label: 'Perplexity API key', prefixes: ['pplx-'], re: /^pplx-[a-zA-Z0-9]{48}$/, confidence: 0.93, veto: true },
  { type: 'tailscale_key', label: 'Tailscale key', prefixes: ['tskey-'], re: /^tskey-[a-z]{3,12}-[A-Za-z0-9]{8,20}-[A-Za-z0-9]{16,64}$/, confidence: 0.95, noSanity: true, veto: true },
  { type: 'netlify_token', label: 'Netlify token', prefixes: ['nfp_'], re: /^nfp_[a-zA-Z0-9]{36}$/, confidence: 0.93 },
  { type: 'age_secret_key', label: 'age secret key', prefixes: ['AGE-SECRET-KEY-1'], re: /^AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}$/, confidence: 0.98 },
  { type: 'atlassian_token', label: 'Atlassian API token', prefixes: ['ATATT3', 'ATCTT3'], re: /^AT[AC]TT3[A-Za-z0-9_\-=]{100,300}$/, extra: '=', confidence: 0.95 },
  { type: 'alibaba_access_key', label: 'Alibaba Cloud access key id', prefixes: ['LTAI'], re: /^LTAI[a-zA-Z0-9]{16,24}$/, confidence: 0.88 },
  { type: 'docker_token', label: 'Docker Hub token', prefixes: ['dckr_pat_', 'dckr_oat_'], re: /^dckr_(?:pat|oat)_[\w-]{27,40}$/, confidence: 0.95 },
  { type: 'xai_api_key', label: 'xAI API key', prefixes: ['xai-'], re: /^xai-[A-Za-z0-9]{70,90}$/, confidence: 0.93 },
  { type: 'groq_api_key', label: 'Groq API key', prefixes: ['gsk_'], re: /^gsk_[A-Za-z0-9]{52}$/, confidence: 0.93 },
  { type: 'replicate_token', label: 'Replicate token', prefixes: ['r8_'], re: /^r8_[A-Za-z0-9]{37}$/, confidence: 0.9 },
  { type: 'newrelic_key', label: 'New Relic key', prefixes: ['NRAK-', 'NRJS-', 'NRII-'], re: /^NR(?:AK|JS|II)-[a-zA-Z0-9]{19,32}$/, confidence: 0.92 },
  { type: 'dynatrace_token', label: 'Dynatrace token', prefixes: ['dt0c01.'], re: /^dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64}$/, extra: '.', confidence: 0.97 },
  { type: 'nuget_key', label: 'NuGet API key', prefixes: ['oy2'], re: /^oy2[a-z0-9]{43}$/, confidence: 0.85 },
  { type: 'artifactory_key', label: 'JFrog Artifactory key', prefixes: ['AKCp', 'cmVmdGtu'], re: /^(?:AKCp[A-Za-z0-9]{69}|cmVmdGtu[A-Za-z0-9]{56})$/, confidence: 0.9 },
  { type: 'clojars_token', label: 'Clojars token', prefixes: ['CLOJARS_'], re: /^CLOJARS_[a-z0-9]{60}$/i, confidence: 0.95 },
  { type: 'cloudflare_origin_ca_key', label: 'Cloudflare Origin CA key', prefixes: ['v1.0-'], re: /^v1\.0-[a-f0-9]{24}-[a-f0-9]{146}$/, extra: '.', confidence: 0.95 },
  { type: 'heroku_api_key', label: 'Heroku API key', prefixes: ['HRKU-'], re: /^HRKU-AA[\w-]{58}$/, confidence: 0.95 },
  { type: 'mapbox_token', label: 'Mapbox token', prefixes: ['sk.eyJ', 'pk.eyJ'], re: /^[sp]k\.eyJ[\w-]{20,400}\.[\w-]{20,100}$/, extra: '.', confidence: 0.9 },
  { type: 'planetscale_token', label: 'PlanetScale token', prefixes: ['pscale_tkn_', 'pscale_oauth_', 'pscale_pw_'], re: /^pscale_(?:tkn|oauth|pw)_[\w=.-]{32,64}$/, extra: '=.', confidence: 0.95, veto: true },
  { type: 'harness_token', label: 'Harness token', prefixes: ['pat.', 'sat.'], re: /^(?:pat|sat)\.[\w-]{22}\.[a-zA-Z0-9]{24}\.[a-zA-Z0-9]{20}$/, extra: '.', confidence: 0.93 },
  { type: 'intra42_secret', label: '42 Intra client secret', prefixes: ['s-s4t2ud-', 's-s4t2af-'], re: /^s-s4t2(?:ud|af)-[a-f0-9]{64}$/, confidence: 0.95 },
  { type: 'plaid_token', label: 'Plaid access token', prefixes: ['access-sandbox-', 'access-development-', 'access-production-'], re: /^access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, confidence: 0.95 },
  { type: 'openshift_token', label: 'OpenShift user token', prefixes: ['sha256~'], re: /^sha256~[\w-]{43}$/, extra: '~', confidence: 0.9 },
  { type: 'octopus_api_key', label: 'Octopus Deploy API key', prefixes: ['API-'], re: /^API-[A-Z0-9]{26}$/, confidence: 0.85, validate: (t) => (/\d/.test(t) && /[A-Z]{2}/.test(t.slice(4)) ? 0.85 : 0) },
  { type: 'azure_storage_key', label: 'Azure storage account key', prefixes: ['AccountKey='], re: /^AccountKey=[A-Za-z0-9+/]{86}==$/, extra: '+/=', confidence: 0.95 },
  { type: 'azure_sas_key', label: 'Azure shared access key', prefixes: ['SharedAccessKey='], re: /^SharedAccessKey=[A-Za-z0-9+/]{43}=$/, extra: '+/=', confidence: 0.95 },
  { type: 'teams_webhook', label: 'Microsoft Teams webhook URL', prefixes: ['webhook.office.com/webhookb2/'], re: /^webhook\.office\.com\/webhookb2\/[\w@\/.-]{40,400}$/, extra: './@', confidence: 0.93 },
  { type: 'adobe_client_secret', label: 'Adobe client secret', prefixes: ['p8e-'], re: /^p8e-[a-z0-9]{32}$/i, confidence: 0.9 },
  { type: 'gitlab_session_cookie', label: 'GitLab session cookie', prefixes: ['_gitlab_session='], re: /^_gitlab_session=[0-9a-zA-Z]{32}$/, extra: '=', confidence: 0.9, veto: true },
  { type: 'figma_token', label: 'Figma personal access token', prefixes: ['figd_'], re: /^figd_[\w-]{40,200}$/, confidence: 0.93, veto: true },
  { type: 'vercel_token', label: 'Vercel token', prefixes: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'], re: /^vc[pciark]_[A-Za-z0-9]{20,60}$/, confidence: 0.9, veto: true },
  { type: 'cloudflare_api_token', label: 'Cloudflare API token', prefixes: ['cfk_', 'cfut_', 'cfat_'], re: /^cf(?:k|ut|at)_[A-Za-z0-9]{48}$/, confidence: 0.9, validate: cloudflareValidate, veto: true },
  { type: 'crypto_private_key', label: 'hex private key', prefixes: ['0x'], re: /^0x[a-fA-F0-9]{64}$/, confidence: 0.6 },
  { type: 'google_oauth_client_secret', label: 'Google OAuth client secret', prefixes: ['GOCSPX-'], re: /^GOCSPX-[\w-]{28}$/, confidence: 0.95, veto: true },
  { type: 'google_oauth_token', label: 'Google OAuth refresh token', prefixes: ['1//0'], re: /^1\/\/0[\w-]{40,512}$/, extra: '/', confidence: 0.85 },
  // the first part is the bot's user id (a snowflake) in base64: its first two characters are one of these
  { type: 'discord_bot_token', label: 'Discord bot token', prefixes: ['MT', 'Mj', 'Mz', 'ND', 'NT', 'Nj', 'Nz', 'OD', 'OT'], re: /^[MNO][\w-]{22,27}\.[\w-]{6}\.[\w-]{27,40}$/, extra: '.', confidence: 0.93, validate: discordValidate },
  { type: 'supabase_token', label: 'Supabase access token or secret key', prefixes: ['sbp_', 'sb_secret_'], re: /^(?:sbp_[a-f0-9]{40}|sb_secret_[\w-]{31,40})$/, confidence: 0.95, veto: true },
  { type: 'langsmith_api_key', label: 'LangSmith API key', prefixes: ['lsv2_pt_', 'lsv2_sk_'], re: /^lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10}$/, confidence: 0.97, veto: true },
  { type: 'pinecone_api_key', label: 'Pinecone API key', prefixes: ['pcsk_'], re: /^pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,90}$/, confidence: 0.95, veto: true },
  { type: 'airtable_token', label: 'Airtable personal access token', prefixes: ['pat'], re: /^pat[A-Za-z0-9]{14}\.[a-f0-9]{64}$/, extra: '.', confidence: 0.95 },
  { type: 'aws_bedrock_api_key', label: 'Amazon Bedrock API key', prefixes: ['ABSK', 'bedrock-api-key-'], re: /^(?:ABSK[A-Za-z0-9+/]{109,269}={0,2}|bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/=%-]{20,2000})$/, extra: '+/=%', confidence: 0.95, veto: true },
  { type: 'clickhouse_api_key', label: 'ClickHouse Cloud API secret key', prefixes: ['4b1d'], re: /^4b1d[A-Za-z0-9]{38}$/, confidence: 0.9 },
  { type: 'duffel_token', label: 'Duffel API token', prefixes: ['duffel_test_', 'duffel_live_'], re: /^duffel_(?:test|live)_[\w=-]{43}$/, extra: '=', confidence: 0.95, veto: true },
  { type: 'frameio_token', label: 'Frame.io API token', prefixes: ['fio-u-'], re: /^fio-u-[\w=-]{64}$/, extra: '=', confidence: 0.95, veto: true },
  { type: 'facebook_access_token', label: 'Facebook page access token', prefixes: ['EAAM', 'EAAC'], re: /^EAA[MC][A-Za-z0-9]{100,400}$/, confidence: 0.9 },
  { type: 'readme_api_key', label: 'ReadMe API key', prefixes: ['rdme_'], re: /^rdme_[a-z0-9]{70}$/, confidence: 0.95, veto: true },
  { type: 'authress_key', label: 'Authress service client access key', prefixes: ['sc_', 'ext_', 'scauth_', 'authress_'], re: /^(?:sc|ext|scauth|authress)_[a-z0-9]{5,30}\.[a-z0-9]{4,6}\.acc[_-][a-z0-9-]{10,32}\.[a-z0-9+/_=-]{30,120}$/i, extra: '.+/=', confidence: 0.93 },
  // a JWT written in base64 (`ZXlK` is base64 of `eyJ`): reported when it decodes to a JWT
  { type: 'jwt', label: 'JSON Web Token (base64)', prefixes: ['ZXlK'], re: /^ZXlK[A-Za-z0-9+/]{40,4000}={0,2}$/, extra: '+/=', confidence: 0.9, validate: jwtBase64Validate, noSanity: true },
  { type: 'firebase_server_key', label: 'Firebase Cloud Messaging server key', prefixes: ['AAAA'], re: /^AAAA[\w-]{7}:APA91b[\w-]{120,160}$/, extra: ':', confidence: 0.95 },

];

function slackValidate(token: string): number {
  // legacy/placeholder shapes: need a numeric id part with some variety
  const parts = token.split('-');
  if (parts.length < 2) return 0;
  const numeric = parts.filter((p) => /^\d{4,}$/.test(p));
  if (/^xox[baprsoe]-(?:\d-)?\d{4,}/.test(token) || /^xoxe\.xox[bp]-1-[A-Za-z0-9]{40,}/.test(token) || /^xoxe-1-[A-Za-z0-9]{40,}/.test(token) || token.startsWith('xapp-')) {
    if (numeric.length > 0 && numeric.every((n) => /^(?:1234|0000)/.test(n))) return 0;
    return 0.93;
  }
  // legacy workspace tokens like xoxa-<random>
  if (/^xox[ar]-(?:\d-)?[a-z0-9]{10,}$/.test(token) && /\d/.test(token) && /[a-z]/.test(token.slice(5))) return 0.8;
  return 0;
}

function isTokenChar(c: number, extra: string): boolean {
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 45 || (extra.length > 0 && extra.includes(String.fromCharCode(c)))
  );
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

interface CompiledPrefixes {
  /** One alternation of all prefixes, longest first, at a word boundary (irregexp scans it natively). */
  re: RegExp;
  /** The same alternation, sticky: the longest prefix at an offset (after a `\n`, `\t` or `\r` string escape). */
  at: RegExp;
  /**
   * For each literal prefix P: the rules of every prefix that matches where P
   * matches (P itself and its own prefixes, e.g. `sk-ant-` also gets the
   * `sk-` rules), in table order. The alternation returns the longest prefix
   * at a position, so one lookup finds every candidate rule.
   */
  byMatch: Map<string, PrefixRule[]>;
  /**
   * For each literal prefix P, parallel to `byMatch`: the length of each
   * rule's longest prefix that P starts with (prefixLength of a token that
   * starts with P: a longer prefix of the rule would have matched instead of P).
   */
  prefixLengths: Map<string, number[]>;
}

let compiled: CompiledPrefixes | undefined;

function compile(): CompiledPrefixes {
  if (compiled) return compiled;
  const byPrefix = new Map<string, PrefixRule[]>();
  for (const r of PREFIX_RULES) {
    for (const p of r.prefixes) {
      const list = byPrefix.get(p) ?? [];
      list.push(r);
      byPrefix.set(p, list);
    }
  }
  const byMatch = new Map<string, PrefixRule[]>();
  const prefixLengths = new Map<string, number[]>();
  for (const p of byPrefix.keys()) {
    const rules: PrefixRule[] = [];
    for (const [q, list] of byPrefix) if (p.startsWith(q)) rules.push(...list);
    byMatch.set(p, rules);
    prefixLengths.set(p, rules.map((rule) => prefixLength(rule, p)));
  }
  const prefixes = [...byPrefix.keys()].sort((a, b) => b.length - a.length);
  // `\b`: a token starts after a non-word character (`my_sk-...` is an identifier, not a key);
  // it also lets irregexp reject most positions before trying the alternatives
  const alternation = prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
  const re = new RegExp('\\b(?:' + alternation + ')', 'g');
  const at = new RegExp('(?:' + alternation + ')', 'y');
  compiled = { re, at, byMatch, prefixLengths };
  return compiled;
}

/** Placeholder / entropy sanity check shared by prefix rules. */
function sane(token: string, prefixLen: number): boolean {
  const body = token.slice(prefixLen);
  if (isPlaceholder(body)) return false;
  const core = hasSeparator(body) ? body.replace(/[-_.]/g, '') : body;
  if (core.length < 16) return true;
  return shannonEntropy(core) >= 2.0 && !singleCaseLetters(core);
}

/** `/^[a-z]+$|^[A-Z]+$/.test(s)`: one character class only, and a letter one. */
function singleCaseLetters(s: string): boolean {
  if (s.length === 0) return false;
  const lowerCase = isAsciiLower(s.charCodeAt(0));
  if (!lowerCase && !isAsciiUpper(s.charCodeAt(0))) return false;
  for (let i = 1; i < s.length; i++) if (lowerCase ? !isAsciiLower(s.charCodeAt(i)) : !isAsciiUpper(s.charCodeAt(i))) return false;
  return true;
}

function hasSeparator(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 45 || c === 95 || c === 46) return true;
  }
  return false;
}

/**
 * Find prefix-rule secrets in `text`.
 *
 * @example
 * ```ts
 * scanPrefixRules('key: ' + 'dop_v1_' + 'a1'.repeat(32)).length; // 1
 * ```
 */
export function scanPrefixRules(text: string, out: Candidate[], vetoes: [number, number][] = []): void {
  const { re, at, byMatch, prefixLengths } = compile();
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let skipUntil = 0;
  while ((m = re.exec(text)) !== null) {
    const pos = m.index;
    if (pos < skipUntil) {
      re.lastIndex = skipUntil;
      continue;
    }
    re.lastIndex = pos + 1;
    if (pos > 0 && (isWordChar(text.charCodeAt(pos - 1)) || text.charCodeAt(pos - 1) === 95)) continue; // the regex's \b already ensures this
    // every rule whose prefix matches at pos: the alternation returns the
    // longest prefix there, and its closure holds the shorter ones
    const matchedEnd = tokenAt(text, pos, m[0], byMatch.get(m[0]) ?? [], prefixLengths.get(m[0]) ?? [], out, vetoes);
    if (matchedEnd > pos) skipUntil = matchedEnd;
  }
  // a token right after a string escape (`"KEY=1\nghp_..."` in JSON): `n` is a word
  // character, so `\b` does not see that boundary; read at each backslash (they are rare)
  skipUntil = 0;
  let from = 0;
  for (let b = text.indexOf('\\'); b !== -1; b = text.indexOf('\\', from)) {
    const e = text.charCodeAt(b + 1);
    at.lastIndex = b + 2;
    const prefix = e === 110 || e === 116 || e === 114 ? at.exec(text) : null; // n, t, r
    if (prefix === null) {
      from = b + 1;
      continue;
    }
    const pos = b + 2;
    from = Math.max(pos, skipUntil);
    if (pos < skipUntil) continue;
    const matchedEnd = tokenAt(text, pos, prefix[0], byMatch.get(prefix[0]) ?? [], prefixLengths.get(prefix[0]) ?? [], out, vetoes);
    if (matchedEnd > pos) skipUntil = matchedEnd;
  }
}

/** Try `rules` on the token starting at `pos`; push a candidate or a veto. Returns the end of what was consumed (-1: nothing). */
function tokenAt(text: string, pos: number, matched: string, rules: PrefixRule[], prefixLengths: number[], out: Candidate[], vetoes: [number, number][]): number {
  let matchedEnd = -1;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    const extra = rule.extra ?? '';
    let end = pos;
    const limit = Math.min(text.length, pos + MAX_TOKEN + 1);
    while (end < limit && isTokenChar(text.charCodeAt(end), extra)) end++;
    if (end - pos > MAX_TOKEN) {
      // overlong run: skip the whole run, it is not a single credential
      while (end < text.length && isTokenChar(text.charCodeAt(end), extra)) end++;
      matchedEnd = Math.max(matchedEnd, end);
      continue;
    }
    // trailing '.', '=' or '/' that belong to the sentence, not the token
    let tokenEnd = end;
    while (tokenEnd > pos && '.:/~'.includes(text[tokenEnd - 1])) tokenEnd--;
    const token = text.slice(pos, tokenEnd);
    // a template: the token runs into filler (`xoxp-123-456-####`, `ghp_****`)
    if (!rule.re.test(token) || (tokenEnd < text.length && FILLER_AFTER.includes(text[tokenEnd]) && !emphasisAround(text, pos, tokenEnd))) {
      if (rule.veto) vetoes.push([pos, tokenEnd]);
      continue;
    }
    let conf = rule.confidence;
    if (rule.validate) conf = rule.validate(token);
    if (conf <= 0 || (!rule.noSanity && !sane(token, token.length >= matched.length ? prefixLengths[r] : prefixLength(rule, token)))) {
      if (rule.veto) vetoes.push([pos, tokenEnd]);
      continue;
    }
    out.push({ kind: 'secret', type: rule.type, start: pos, end: pos + token.length, confidence: conf, label: rule.label });
    matchedEnd = Math.max(matchedEnd, pos + token.length);
    break;
  }
  return matchedEnd;
}

function prefixLength(rule: PrefixRule, token: string): number {
  let best = 0;
  for (const p of rule.prefixes) if (token.startsWith(p) && p.length > best) best = p.length;
  return best;
}
