import { describe, expect, test } from 'vitest';
import { credentialName } from '../../src/scan/secrets/contextual.js';
import fc from 'fast-check';
import { detectSensitive } from '../../src/scan/sensitive.js';
import { base62, crc32 } from '../../src/scan/secrets/checksums.js';
import { STALL_TIMEOUT_MS } from '../helpers/stall.js';

// Test secrets are assembled at run time so the source never holds a key-shaped literal.
const r = (chars: string, n: number, seed = 7) => {
  let s = '';
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    s += chars[Math.floor(x / 65536) % chars.length];
  }
  return s;
};
const AZ = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const az = 'abcdefghijklmnopqrstuvwxyz';
const d = '0123456789';
const alnum = AZ + az + d;
const hex = 'abcdef' + d;

const types = (text: string) => detectSensitive(text, { pii: false }).map((f) => f.type);

const cases: { name: string; hit: string; type: string; miss: string }[] = [
  { name: 'OpenAI key', hit: 'key ' + 'sk-' + 'proj-' + r(alnum, 40) + 'T3Blbk' + 'FJ' + r(alnum, 40), type: 'openai_api_key', miss: 'see sk-learn docs' },
  { name: 'OpenAI admin key', hit: 'sk-' + 'admin-' + r(alnum, 40) + 'T3Blbk' + 'FJ' + r(alnum, 40), type: 'openai_api_key', miss: 'sk-' + 'admin-' + 'short' },
  { name: 'Anthropic key', hit: 'sk-' + 'ant-api03-' + r(alnum, 93) + 'AA', type: 'anthropic_api_key', miss: 'model claude-3-opus-20240229' },
  { name: 'Google API key', hit: 'AI' + 'za' + r(alnum, 35), type: 'google_api_key', miss: 'AI' + 'za' + r(alnum, 20) },
  { name: 'AWS access key id', hit: 'id AK' + 'IA' + r(AZ + '234567', 16), type: 'aws_access_key_id', miss: 'TODAYINASIAASACKOFRICEFELLOVER' },
  { name: 'AWS secret key', hit: 'aws_secret_access_key = ' + r(AZ + az + d + '/+', 40, 3), type: 'generic_secret', miss: 'aws region eu-west-1' },
  { name: 'GitHub classic token', hit: 'gh' + 'p_' + r(alnum, 36), type: 'github_token', miss: 'gh' + 'p_' + 'x'.repeat(36) },
  { name: 'GitHub fine-grained token', hit: 'github' + '_pat_' + r(alnum, 22) + '_' + r(alnum, 59), type: 'github_token', miss: 'github' + '_pat_' + 'x'.repeat(22) + '_' + 'x'.repeat(59) },
  { name: 'GitLab token', hit: 'gl' + 'pat-' + r(alnum, 20), type: 'gitlab_token', miss: 'gl' + 'pat-abc' },
  { name: 'Slack bot token', hit: 'xo' + 'xb-' + r(d, 12) + '-' + r(d, 13) + '-' + r(alnum, 24), type: 'slack_token', miss: 'xo' + 'xb-my-bot-token' },
  { name: 'Slack webhook', hit: 'https://hooks.' + 'slack.com/services/T' + r(AZ + d, 8) + '/B' + r(AZ + d, 8) + '/' + r(alnum, 24), type: 'slack_webhook', miss: 'https://api.slack.com/web' },
  { name: 'Stripe key', hit: 'sk' + '_live_' + r(alnum, 24), type: 'stripe_secret_key', miss: 'task' + '_test_' + 'foo' },
  { name: 'Twilio key', hit: 'S' + 'K' + r(hex, 32), type: 'twilio_api_key', miss: 'S' + 'K' + r(hex, 20) },
  { name: 'SendGrid key', hit: 'S' + 'G.' + r(alnum, 22) + '.' + r(alnum, 43), type: 'sendgrid_api_key', miss: 'S' + 'G.short.value' },
  { name: 'npm token', hit: 'np' + 'm_' + r(alnum, 36), type: 'npm_token', miss: 'np' + 'm_install' },
  { name: 'PyPI token', hit: 'py' + 'pi-AgEIcHlwaS5vcmc' + r(alnum, 60), type: 'pypi_token', miss: 'pypi-package' },
  { name: 'JWT', hit: 'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.' + r(alnum, 43), type: 'jwt', miss: 'eyJub3QiOiJqd3QifQ' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.' + r(alnum, 43) },
  { name: 'private key block', hit: '-----BEGIN RSA PRIVATE KEY-----\n' + r(alnum + '+/', 64) + '\n' + r(alnum + '+/', 64) + '\n-----END RSA PRIVATE KEY-----', type: 'private_key', miss: '-----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE KEY-----' },
  { name: 'database URL', hit: 'postgres://app:' + r(alnum, 14) + '@db.internal:5432/prod', type: 'database_password', miss: 'mongodb://user:password@db.example.com:27017/mydb' },
  { name: 'password assignment', hit: 'DB_PASSWORD="' + r(alnum, 16) + '"', type: 'password', miss: 'password = "changeme"' },
  { name: 'api key assignment', hit: 'api_key: ' + r(alnum, 32), type: 'generic_secret', miss: 'api_key: ${API_KEY}' },
  { name: 'token assignment', hit: 'export AUTH_TOKEN=' + r(alnum, 28), type: 'generic_secret', miss: 'AUTH_TOKEN=<your-token>' },
  { name: 'bearer header', hit: 'curl -H "Authorization: Bearer ' + r(alnum, 40) + '"', type: 'generic_secret', miss: 'curl -H "Authorization: Bearer $TOKEN"' },
  { name: 'Facebook app access token', hit: 'facebook ' + r(d, 16) + '|' + r(alnum + '_', 27, 9), type: 'facebook_access_token', miss: 'facebook ' + r(d, 16) + '|' + 'x'.repeat(27) },
  { name: 'vendor-named key', hit: 'cloudflare: "' + r(alnum, 40, 13) + '"', type: 'generic_secret', miss: 'cloudflare: "enabled"' },
  { name: 'telegram-shaped value failing the format', hit: 'bot ' + r(d, 10) + ':A' + r(alnum, 34, 5), type: 'telegram_bot_token', miss: 'telegram_token = "' + r(d, 17) + ':A' + r(az + d, 34, 5) + '"' },
  { name: 'AWS secret key of the wrong length', hit: 'AWS_SECRET_ACCESS_KEY = ' + r(AZ + az + d, 40, 21), type: 'generic_secret', miss: 'AWS_SECRET_ACCESS_KEY = ' + r(AZ + az + d + '+', 54, 21) + '==' },
  { name: 'fake-marked value', hit: 'api_token = "' + r(az + d, 24, 17) + '"', type: 'generic_secret', miss: 'api_token = "my_fake_' + r(az + d, 24, 17) + '"' },
  { name: 'database/public key names', hit: 'api_key=' + r(alnum, 30, 23), type: 'generic_secret', miss: 'primaryKey=' + r(alnum, 30, 23) + '\npublic_key = "' + r(alnum, 43, 23) + '"\nforeignKey=' + r(alnum, 30, 29) },
  { name: 'key event / key pair names', hit: 'secret_key_live=' + r(alnum, 30, 31), type: 'generic_secret', miss: 'key_down_event=' + r(alnum, 30, 31) + '\nKeyPair = X25519.KeyPair' },
  { name: 'credential word inside a longer word', hit: 'master-key: ' + r(alnum, 24, 37), type: 'generic_secret', miss: 'minisat-master-keying:x64-uwp=fail\nkeyword: "' + r(alnum, 24, 37) + '"' },
  { name: 'fixture-named variable', hit: 'matchedToken := "' + r(az + d, 16, 41) + '"', type: 'generic_secret', miss: 'nonMatchingToken := "' + r(az + d, 16, 41) + '"\nwrongToken = "' + r(az + d, 24, 43) + '"' },
  { name: 'anti-forgery token', hit: 'session-token=' + r(alnum + '+/', 64, 47) + '==', type: 'generic_secret', miss: 'csrf-token=' + r(alnum + '+/', 64, 47) + '==' },
  { name: 'value repeating the name', hit: 'BlindKeySecret = ' + r(alnum, 24, 53), type: 'generic_secret', miss: 'BlindKeySignatures = Ed25519.BlindKeySignatures' },
  { name: 'character-set constant', hit: 'const keyMaterial = "' + r(alnum, 62, 59) + '"', type: 'generic_secret', miss: 'const key = "' + AZ + az + d + '"' },
  { name: 'resource name with one number', hit: 'vaultSecret: cmp2-' + r(az + d, 18, 61), type: 'generic_secret', miss: 'keyVaultToStoreSecrets: cmp2-qat-1208358310' },
  { name: 'curl quoted user and password', hit: 'curl -X POST --user "{' + r(hex, 8, 67) + '}":"{' + r(alnum, 14, 67) + '}" https://api.test', type: 'password', miss: 'curl -u <user:password> https://test.com/endpoint' },
  { name: 'curl credential as user with empty password', hit: 'curl -u "' + r(alnum, 10, 71) + '!t:" https://localhost:9200', type: 'password', miss: 'curl -u "' + 'myusername' + '" http://localhost:15130/' },
  { name: 'vendor token running into mask filler', hit: '"token": "' + 'xo' + 'xp-' + r(d, 12, 73) + '-' + r(d, 12, 79) + '-' + r(d, 12, 83) + '-' + r(hex, 32, 89) + '"', type: 'slack_token', miss: '"token": "' + 'xo' + 'xp-' + r(d, 12, 73) + '-' + r(d, 12, 79) + '-' + r(d, 12, 83) + '-' + '#'.repeat(20) + '"' },
  { name: 'Azure client secret with a filler tail', hit: 'client_secret=' + r(alnum, 3, 97) + '8Q~' + r(alnum, 34, 97), type: 'azure_client_secret', miss: 'client_secret=' + r(alnum, 3, 97) + '8Q~' + 'x'.repeat(34) },
  { name: 'vendor prefix inside an identifier', hit: 'use ' + 'sk' + '_live_' + r(alnum, 24, 101), type: 'stripe_secret_key', miss: 'use MY_' + 'sk' + '_live_' + r(alnum, 24, 101) },
  { name: 'creds assignment', hit: 'creds = ' + r(alnum, 30, 103), type: 'generic_secret', miss: 'incredible = ' + r(alnum, 30, 103) },
  { name: 'Figma token', hit: 'fig' + 'd_' + r(alnum + '_-', 43, 107), type: 'figma_token', miss: 'THIS IS OK\n' + 'fig' + 'd_abc' },
  { name: 'Vercel token', hit: 'vc' + 'p_' + r(alnum, 24, 109), type: 'vercel_token', miss: 'vc' + 'p_abc' },
  { name: 'Cloudflare API token', hit: 'cf' + 'ut_' + r(alnum, 48, 113), type: 'cloudflare_api_token', miss: 'cf' + 'ut_' + r(alnum, 30, 113) },
  { name: 'AWS key id with digits outside base32', hit: 'id AK' + 'IA' + r(AZ + '0189', 12, 131) + '1890', type: 'aws_access_key_id', miss: 'ASIA' + 'PACIFICREGIONSXY' },
  { name: 'Shopify token (alphanumeric)', hit: 'shp' + 'ss_' + r(alnum, 32, 137), type: 'shopify_token', miss: 'shpssSSSSS_SSSS_sssss is not api key' },
  { name: 'Linear API key (32+ chars)', hit: 'lin' + '_api_' + r(alnum, 32, 139), type: 'linear_api_key', miss: 'lin' + '_api_' + r(alnum, 20, 139) },
  { name: 'counts and timestamps', hit: '"login_token": "' + r(alnum, 20, 149) + '"', type: 'generic_secret', miss: '"last_login": "2018-08-03T10:51:42.990", "max_tokens": "' + r(alnum, 20, 149) + '", "login_token": "2018-08-03T10:51:42Z"\nparser.add_argument("--max-new-tokens", type=int, default=512)' },
  { name: 'JWT with a damaged header but JSON claims', hit: 'eyJhbGciOieeeiIsInR5cCI6IkpXVCJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.' + r(alnum, 43, 151), type: 'jwt', miss: 'eyJhbGciOieeeiIsInR5cCI6IkpXVCJ9' + '.eyJ' + r(alnum, 30, 151) + '.' + r(alnum, 43, 151) },
  { name: 'GitLab session cookie', hit: 'Cookie: ' + '_gitlab' + '_session=' + r(az + d, 32, 157), type: 'gitlab_session_cookie', miss: 'Cookie: ' + '_gitlab' + '_session=' + 'x'.repeat(32) },
  { name: 'numbered credential names', hit: '"access_token2": "' + r(alnum, 24, 163) + '"\nPASSWORD1=' + r(alnum, 16, 167), type: 'generic_secret', miss: '"keyword2": "' + r(alnum, 24, 163) + '"' },
  { name: 'token after a JSON string escape', hit: '{"env": "A=1\\n' + 'gh' + 'p_' + r(alnum, 36, 173) + '"}', type: 'github_token', miss: '{"env": "A=1\\nx' + 'gh' + 'p_' + r(alnum, 36, 173) + '"}' },
  { name: 'SettleMint token (12+ mixed case)', hit: 'sm' + '_pat_' + r(alnum, 20, 179), type: 'settlemint_token', miss: 'nonMatchingToken := "' + 'sm' + '_pat_' + r(az + d, 10, 179) + '"' },
  { name: 'Flutterwave encryption key', hit: 'FLWSECK' + '_TEST-' + r('abcdefgh' + d, 12, 181), type: 'flutterwave_key', miss: 'FLWSECK' + '_TEST-' + r('abcdefgh' + d, 8, 181) },
  { name: 'SendGrid key (66 chars after SG.)', hit: 'S' + 'G.' + r(az + d + '=_-.', 66, 191), type: 'sendgrid_api_key', miss: 'S' + 'G.' + r(az + d + '=_-.', 50, 191) },
  { name: 'quoted password with punctuation', hit: 'db_password := "}' + r(alnum, 6, 193) + ';W7d@e' + r(alnum, 6, 197) + '"', type: 'password', miss: 'db_password := "${DB_PASSWORD}"' },
  { name: 'unquoted env password with punctuation', hit: 'DB_PASSWORD = 1gJ;' + r(alnum, 8, 199) + '!x', type: 'password', miss: 'DB_PASSWORD = os.getenv("DB_PASSWORD");' },
  { name: 'short password with mixed classes', hit: 'db_password = "aB3$x;"', type: 'password', miss: 'db_password = "admin1"\npassword: "secret"' },
  { name: 'Azure client secret', hit: 'secret ' + r(alnum, 3) + '8Q~' + r(alnum, 34), type: 'azure_client_secret', miss: 'a~b~c~d' },
  { name: 'Google OAuth client secret', hit: 'client_secret ' + 'GOC' + 'SPX-' + r(alnum + '_-', 28, 211), type: 'google_oauth_client_secret', miss: 'GOC' + 'SPX-' + r(alnum, 12, 211) },
  { name: 'Google OAuth refresh token', hit: 'refresh: ' + '1//' + '0' + r(alnum + '_-', 60, 223), type: 'google_oauth_token', miss: 'see 1//' + '0ab and 1/2' },
  {
    name: 'Discord bot token (its first part is a base64 user id)',
    hit: 'DISCORD_TOKEN=' + Buffer.from('1' + r(d, 17, 227)).toString('base64url') + '.' + r(alnum, 6, 229) + '.' + r(alnum + '_-', 27, 233),
    type: 'discord_bot_token',
    miss: 'DISCORD_TOKEN_SHAPE ' + 'MT' + r(alnum, 22, 227) + '.' + r(alnum, 6, 229) + '.' + r(alnum + '_-', 27, 233),
  },
  { name: 'Supabase access token', hit: 'sb' + 'p_' + r(hex, 40, 239), type: 'supabase_token', miss: 'sb' + 'p_' + r(hex, 20, 239) },
  { name: 'Supabase secret key', hit: 'sb_' + 'secret_' + r(alnum, 31, 241), type: 'supabase_token', miss: 'sb_' + 'secret_' + 'short' },
  { name: 'LangSmith API key', hit: 'LANGSMITH_API_KEY=' + 'lsv2' + '_pt_' + r(hex, 32, 251) + '_' + r(hex, 10, 257), type: 'langsmith_api_key', miss: 'lsv2' + '_pt_...' },
  { name: 'Pinecone API key', hit: 'pc' + 'sk_' + r(alnum, 6, 263) + '_' + r(alnum, 70, 269), type: 'pinecone_api_key', miss: 'pc' + 'sk_' + '...' },
  { name: 'Firebase Cloud Messaging server key', hit: 'AAAA' + r(alnum, 7, 271) + ':APA91b' + r(alnum + '_-', 134, 277), type: 'firebase_server_key', miss: 'ssh-rsa AAAA' + 'B3NzaC1yc2EAAAADAQABAAABAQ' + ' user@host' },
  {
    name: 'PuTTY private key',
    hit: 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: me\nPublic-Lines: 2\n' + r(alnum, 64, 281) + '\n' + r(alnum, 20, 283) + '\nPrivate-Lines: 1\n' + r(alnum + '+/', 44, 293) + '\nPrivate-MAC: ' + r(hex, 64, 307),
    type: 'private_key',
    miss: 'PuTTY-User-Key-File-3: ssh-ed25519\nPrivate-Lines: 1\n<redacted>',
  },
  { name: 'session cookie in a Cookie header', hit: 'Cookie: theme=dark; sessionid=' + r(alnum, 32, 311) + '; csrftoken=' + r(alnum, 32, 313), type: 'session_cookie', miss: 'Cookie: theme=dark; lang=en; csrftoken=' + r(alnum, 32, 313) + '; sessionid=<your-session>' },
  { name: 'session cookie after curl -b', hit: 'curl -b "PHPSESSID=' + r(az + d, 26, 317) + '" https://example.test', type: 'session_cookie', miss: 'curl -b cookies.txt https://example.test' },
  { name: 'Airtable personal access token', hit: 'pa' + 't' + r(alnum, 14, 401) + '.' + r(hex, 64, 409), type: 'airtable_token', miss: 'pattern.' + r(hex, 64, 409) },
  { name: 'Amazon Bedrock API key', hit: 'AB' + 'SK' + r(alnum + '+/', 120, 419), type: 'aws_bedrock_api_key', miss: 'AB' + 'SK' + r(alnum, 40, 419) },
  { name: 'ClickHouse Cloud API secret key', hit: '4b' + '1d' + r(alnum, 38, 421), type: 'clickhouse_api_key', miss: '4b' + '1d' + r(alnum, 30, 421) },
  { name: 'Duffel and Frame.io tokens', hit: 'duffel' + '_test_' + r(alnum, 43, 431) + ' fio' + '-u-' + r(alnum, 64, 433), type: 'duffel_token', miss: 'duffel' + '_test_short' },
  { name: 'Facebook page access token', hit: 'EA' + 'AM' + r(alnum, 120, 439), type: 'facebook_access_token', miss: 'EA' + 'AM' + r(alnum, 40, 439) },
  { name: 'ReadMe API key', hit: 'rd' + 'me_' + r(az + d, 70, 443), type: 'readme_api_key', miss: 'rd' + 'me_' + r(az + d, 20, 443) },
  { name: 'JWT written in base64', hit: Buffer.from('eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.' + r(alnum, 43, 449)).toString('base64'), type: 'jwt', miss: Buffer.from('eyJub3QiOiJqd3QifQ' + '.eyJzdWIiOiIxMjM0NTY3ODkwIn0' + '.' + r(alnum, 43, 449)).toString('base64') },
  { name: 'password in a .NET / NuGet config entry', hit: '<add key="ClearTextPassword" value="' + r(alnum, 16, 457) + '" />', type: 'password', miss: '<add key="ClearTextPassword" value="%NUGET_PASSWORD%" />\n<add key="Username" value="deploybot" />' },
  { name: 'password told in prose', hit: 'my wifi password is ' + r(alnum, 12, 331) + '!', type: 'password', miss: 'the password is incorrect, the password is case-sensitive, the key is 2048-bit and the token is valid for 3600 seconds' },
  { name: 'password in an XML element', hit: '<password>' + r(alnum, 14, 341) + '</password>', type: 'password', miss: '<password>${DB_PASSWORD}</password><secret>true</secret><tokenType>Bearer</tokenType>' },
  { name: 'URL credentials whose password an e-mail pattern would read', hit: 'git clone https://x-access-token:' + r(alnum, 24, 343) + '@github.com/o/r.git', type: 'url_password', miss: 'clone https://github.com/o/r.git, mail ops@example.com' },
  { name: 'Mailchimp API key', hit: 'apikey ' + r('0123456789abcdef', 32, 353) + '-us6', type: 'mailchimp_api_key', miss: 'build ' + r('0123456789abcdef', 31, 353) + '-us6 and multi-user mode' },
  { name: 'Azure SAS signature', hit: 'https://acct.blob.core.windows.net/c?sv=2021-06-08&ss=b&sp=r&sig=' + r(alnum, 43, 355) + '%3D', type: 'azure_sas_token', miss: 'https://example.com/api?sig=' + r(alnum, 43, 355) + '%3D' },
  { name: 'Telegram bot token in a Bot API URL', hit: 'https://api.telegram.org/bot' + r(d, 10, 357) + ':AA' + r(alnum, 33, 359) + '/getMe', type: 'telegram_bot_token', miss: 'https://api.telegram.org/bot' + r(d, 10, 357) + ':AA' + r(alnum, 20, 359) + '/getMe' },
  { name: 'password under a YAML parent key', hit: 'db:\n  credentials:\n    password: ' + r(alnum, 14, 361), type: 'password', miss: 'db:\n  credentials:\n    password: ${DB_PASSWORD}' },
  { name: 'C# verbatim string', hit: 'var connectionPassword = @"' + r(alnum, 14, 363) + '";', type: 'password', miss: 'var connectionPassword = @"";' },
  { name: 'API key told in prose', hit: 'My API key is ' + r(alnum, 20, 337) + '7a3Q', type: 'generic_secret', miss: 'the key is ' + r(alnum, 24, 337) + ' and the primary key is user_id' },
];

describe('secrets rules', () => {
  for (const c of cases) {
    test(`detectSensitive: ${c.name} is found`, () => {
      expect(types(c.hit)).toContain(c.type);
    });
    test(`detectSensitive: ${c.name} near-miss is ignored`, () => {
      expect(types(c.miss)).toEqual([]);
    });
  }

  test('detectSensitive: a password that ends in ! keeps it, before a list separator and at a sentence end (no character of it stays in clear text)', () => {
    const value = r(alnum, 12, 365) + '!';
    const list = `user=jsmith, password=${value}, ip=10.0.0.1`;
    const [f] = detectSensitive(list, { pii: false });
    expect(list.slice(f.start, f.end)).toBe(value);
    for (const prose of [`the password=${value}`, `the password=${value}.`, `my password is ${value} `]) {
      const [g] = detectSensitive(prose, { pii: false });
      expect(prose.slice(g.start, g.end), prose).toBe(value);
    }
  });

  test('detectSensitive: sentence punctuation after a password is not part of it (. , ; : ?)', () => {
    const value = r(alnum, 12, 366);
    for (const end of ['.', ',', ';', ':', '?', '?!']) {
      const prose = `the password=${value}${end}`;
      const [g] = detectSensitive(prose, { pii: false });
      expect(prose.slice(g.start, g.end), prose).toBe(value);
    }
    const q = `password=${value}? ok`;
    const [h] = detectSensitive(q, { pii: false });
    expect(q.slice(h.start, h.end)).toBe(value);
  });

  test('detectSensitive: a .pgpass line gives its password field; timestamps, IPv6 and placeholder passwords do not', () => {
    const pw = r(alnum, 14, 367);
    for (const line of [`localhost:5432:mydb:admin:${pw}`, `*:*:*:postgres:${pw}`, `echo "db.internal:5432:app:app_user:${pw}" > ~/.pgpass`, `cat ~/.pgpass\nhost1:6432:*:svc:${pw}\n`]) {
      const f = detectSensitive(line, { pii: false });
      expect(f.map((x) => `${x.type}:${line.slice(x.start, x.end)}`), line).toEqual([`database_password:${pw}`]);
    }
    for (const line of ['at 10:30:00:123:abcdefgh', 'fe80:0:0:0:1234abcd', 'host:5432:db:user:*', 'localhost:5432:mydb:admin:changeme', 'a:1:b:c:defghijk:lmnop']) {
      expect(detectSensitive(line, { pii: false }), line).toEqual([]);
    }
  });

  test('detectSensitive: a MySQL password glued to -p is found; -p alone, a variable and a placeholder are not', () => {
    const pw = r(alnum, 16, 368);
    for (const cmd of [`mysql -u root -p${pw} -h 127.0.0.1`, `mysqldump -u app -p'${pw}' app > dump.sql`, `mysql -h db -P 3306 -p${pw}`]) {
      expect(detectSensitive(cmd, { pii: false }).map((f) => cmd.slice(f.start, f.end)), cmd).toEqual([pw]);
    }
    for (const cmd of ['mysql -u root -p -h 127.0.0.1', 'mysql -uroot -p$MYSQL_PWD db', 'mysql -u root -ppassword', 'mysql ... then run grep -pattern file']) {
      expect(detectSensitive(cmd, { pii: false }), cmd).toEqual([]);
    }
  });

  test('detectSensitive: a token as the user of an x-oauth-basic URL is the secret, not the fixed word', () => {
    const tok = r(alnum, 40, 369);
    const url = `git config url."https://${tok}:x-oauth-basic@github.com/".insteadOf "https://github.com/"`;
    expect(detectSensitive(url, { pii: false }).map((f) => `${f.type}:${url.slice(f.start, f.end)}`)).toEqual([`url_token:${tok}`]);
    expect(detectSensitive('https://user:x-oauth-basic@github.com', { pii: false })).toEqual([]);
  });

  test('detectSensitive: a quoted value right after a password word (passphrase "...") is a password; a quoted phrase of words is not', () => {
    const pw = r(alnum, 14, 370);
    const text = `ssh-keygen output: passphrase "${pw}"`;
    expect(detectSensitive(text, { pii: false }).map((f) => text.slice(f.start, f.end))).toEqual([pw]);
    expect(detectSensitive('Enter a password "like this one" here', { pii: false })).toEqual([]);
    expect(detectSensitive('the password "hunter2"', { pii: false })).toEqual([]);
  });

  test('detectSensitive: a token in Markdown emphasis is found without the markup; a masked token is not', () => {
    const token = 'gl' + 'pat-' + r(alnum, 20, 347);
    const value = r(alnum, 14, 349) + '!';
    for (const [text, want] of [
      [`your token: **${token}**.`, token],
      [`*${token}*`, token],
      [`password: **${value}**`, value],
      [`**password=${value}**`, value],
    ] as const) {
      const found = detectSensitive(text, { pii: false }).map((f) => text.slice(f.start, f.end));
      expect(found, text).toEqual([want]);
    }
    expect(detectSensitive('gl' + 'pat-' + r(alnum, 8, 351) + '********', { pii: false })).toEqual([]);
  });

  test('detectSensitive: GitHub token with a valid CRC32 tail scores higher than without', () => {
    const body = r(alnum, 30, 11);
    const valid = 'gh' + 'p_' + body + base62(crc32(body), 6);
    const invalid = 'gh' + 'p_' + body + 'zzzzzz';
    const [v] = detectSensitive(valid, { pii: false });
    const [i] = detectSensitive(invalid, { pii: false });
    expect(v.confidence).toBeGreaterThan(i.confidence);
  });

  test('detectSensitive: exactSecrets are always configured_api_key', () => {
    const key = 'my-' + 'configured-' + 'key-123';
    const f = detectSensitive(`use ${key} please`, { exactSecrets: [key] });
    expect(f.map((x) => x.type)).toEqual(['configured_api_key']);
  });

  test('detectSensitive: placeholder values are not secrets', () => {
    for (const v of ['xxx', 'xxxxxxxxxxxxxxxx', '<your-key>', 'changeme', '${VAR}', 'example-token-here', '{{ secret }}']) {
      expect(types(`api_key = "${v}"`)).toEqual([]);
    }
  });

  test('detectSensitive: keys published on purpose (Firebase SDK sample keys, the npm-search Algolia key) are not secrets', () => {
    const firebaseSample = 'AI' + 'za' + 'SyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU';
    const algoliaSearchOnly = '6fe4476ee5a1832882e326b506d14126';
    expect(types(`const firebaseConfig = { apiKey: "${firebaseSample}" };`)).toEqual([]);
    expect(types(`apiKey: '${algoliaSearchOnly}',`)).toEqual([]);
    // one character changed: an ordinary key of the same format again
    expect(types(`apiKey: "${firebaseSample.slice(0, -1)}h"`)).toContain('google_api_key');
    expect(types(`apiKey: '${algoliaSearchOnly.slice(0, -1)}7',`)).toEqual(['generic_secret']);
  });

  test('detectSensitive: findings never contain the secret value', () => {
    const secret = 'gl' + 'pat-' + r(alnum, 20, 5);
    const f = detectSensitive(`token ${secret}`);
    expect(f.length).toBe(1);
    expect(JSON.stringify(f)).not.toContain(secret);
    expect(f[0]).not.toHaveProperty('value');
  });
});

describe('secrets checksums', () => {
  test('detectSensitive: a Cloudflare token with a valid CRC32 tail scores higher than without', () => {
    const body = r(alnum, 40, 127);
    const valid = 'cf' + 'k_' + body + crc32(body).toString(16).padStart(8, '0');
    const invalid = 'cf' + 'k_' + body + 'zzzzzzzz';
    const [v] = detectSensitive(valid, { pii: false });
    const [i] = detectSensitive(invalid, { pii: false });
    expect(v.type).toBe('cloudflare_api_token');
    expect(v.confidence).toBeGreaterThan(i.confidence);
  });
});

describe('secrets scanners stay linear', () => {
  // 1 MB repetitions aimed at the rules added in this file's cases: curl forms,
  // name splitting, name echo, character-set and filler checks, new prefixes
  const inputs = [
    'curl --user "{a}":"{'.repeat(52_000), 'curl -u "a:'.repeat(90_000), ' -u '.repeat(250_000), '--user=x:'.repeat(110_000),
    'keyDownKey'.repeat(100_000), 'a_key_b_key_'.repeat(83_000), 'KeyPair = X25519.KeyPair\n'.repeat(40_000),
    'key = "ABCDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(35_000), 'xoxp-1-2-3-#'.repeat(83_000), 'cfk_'.repeat(250_000), 'figd_'.repeat(200_000),
    'vcp_a'.repeat(200_000), 'nonMatchingToken := "'.repeat(47_000), 'aB'.repeat(500_000), 'creds='.repeat(166_667),
    '\\nsk-'.repeat(200_000), '\\nxoxb-1'.repeat(125_000), '\\n'.repeat(500_000),
    'password := "}'.repeat(72_000), 'pwd = a;'.repeat(125_000), 'password="' + 'x;'.repeat(500_000), 'DB_PASSWORD=' + ';'.repeat(1e6),
    'PuTTY-User-Key-File-'.repeat(50_000), 'PuTTY-User-Key-File-3\n' + 'Private-Lines: 9\n'.repeat(60_000), 'Cookie: sid=a;'.repeat(70_000), 'Cookie: ' + 'a=b;'.repeat(250_000),
    ' -b '.repeat(250_000), '<add key="password" value="'.repeat(36_000), 'ZXlK'.repeat(250_000), 'pat'.repeat(333_333), 'EAAM'.repeat(250_000), 'sc_a.'.repeat(200_000), 'password is '.repeat(83_000), 'token was: "'.repeat(83_000), 'MT'.repeat(500_000), 'AAAA'.repeat(250_000), '1//0'.repeat(250_000),
    '-us'.repeat(333_333), 'a'.repeat(40) + '-us1'.repeat(250_000), '?sv=2021-01-01&sig=' + 'A'.repeat(1e6), '&sig=A'.repeat(166_667) + '?sv=2021-01-01', 'bot1'.repeat(250_000),
    'a:\n  b:\n'.repeat(100_000), '**password=a**'.repeat(70_000), 'password: @"'.repeat(83_000), '<password>a</'.repeat(76_000), 'https://a:b@'.repeat(83_000), '://'.repeat(333_333) + '@',
    ' a:1:b:c:'.repeat(111_000), ' ' + 'a'.repeat(250) + ':1:'.repeat(330_000), 'h:1:d:u:' + 'p'.repeat(1e6), ' *:*:*:*:'.repeat(111_000) + 'x',
    'mysql '.repeat(166_667), 'mysql -p'.repeat(125_000), 'mysql ' + ' -pa'.repeat(250_000), 'passphrase "'.repeat(83_000), 'https://a:x-oauth-basic@'.repeat(40_000),
  ];
  for (const [i, s] of inputs.entries()) {
    // a stall guard, not a timing assertion: a super-linear pattern takes minutes on 1 MB and hits the test timeout
    test(`detectSensitive: 1 MB adversarial input #${i} (${JSON.stringify(s.slice(0, 12))}...) completes`, () => {
      expect(Array.isArray(detectSensitive(s, { pii: false }))).toBe(true);
    }, STALL_TIMEOUT_MS);
  }
});

describe('secrets AWS secret key windows', () => {
  /** The whole-text scan the windowed one replaced: every maximal base64 run, cue test on its surroundings. */
  function reference(text: string): [number, number][] {
    const cue = /aws|(?:AKIA|ASIA)[A-Z2-7]{16}/i;
    if (!cue.test(text)) return [];
    const out: [number, number][] = [];
    const re = /[A-Za-z0-9/+]{40,}/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length !== 40) continue;
      if (/[\w=]/.test(text[m.index + 40] ?? '') || /\w/.test(text[m.index - 1] ?? '')) continue;
      const v = m[0];
      if (!(/[a-z]/.test(v) && /[A-Z]/.test(v) && /\d/.test(v))) continue;
      const counts = new Map<string, number>();
      for (const ch of v) counts.set(ch, (counts.get(ch) ?? 0) + 1);
      let h = 0;
      for (const n of counts.values()) h -= (n / 40) * Math.log2(n / 40);
      if (h < 4.0) continue;
      if (!cue.test(text.slice(Math.max(0, m.index - 300), Math.min(text.length, m.index + 340)))) continue;
      out.push([m.index, m.index + 40]);
    }
    return out;
  }

  test('detectSensitive: AWS secret keys found by reading only the stretches around cues equal a whole-text scan', () => {
    const piece = fc.oneof(
      fc.constantFrom('aws', 'AWS', 'laws', 'draws ', 'AK' + 'IA' + r(AZ + '234567', 16, 5), ' ', '\n', '_', '=', 'x'),
      fc.integer({ min: 1, max: 1000 }).map((seed) => r(AZ + az + d + '/+', 40, seed)),
      fc.integer({ min: 1, max: 1000 }).map((seed) => r(AZ + az + d + '/+', 39 + (seed % 3), seed)),
      fc.integer({ min: 0, max: 420 }).map((n) => 'word '.repeat(Math.ceil(n / 5)).slice(0, n)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const text = parts.join(' ');
        const got = detectSensitive(text, { pii: false, types: ['aws_secret_access_key'] }).map((f) => [f.start, f.end]);
        const want = reference(text).filter(([s, e]) => !detectSensitive(text, { pii: false }).some((f) => f.type !== 'aws_secret_access_key' && f.start < e && s < f.end));
        expect(got).toEqual(want);
      }),
      { numRuns: 600, seed: 20261202 },
    );
  });
});

describe('credential names', () => {
  test('credentialName: the same verdicts on a first call, a repeated call and after the memo has been cleared', () => {
    const names = ['DB_PASSWORD', 'primaryKey', 'api_key', 'keyDownEvent', 'fakeToken', 'GITHUB_TOKEN', 'token_type', 'secret'];
    const first = names.map((n) => credentialName(n));
    expect(first.map((v) => (v === undefined ? 'none' : v.strong ? 'strong' : 'weak'))).toEqual(['strong', 'none', 'strong', 'none', 'none', 'strong', 'none', 'strong']);
    expect(names.map((n) => credentialName(n))).toEqual(first);
    for (let i = 0; i < 1100; i++) credentialName(`field_${i}_name`); // more names than the memo keeps
    expect(names.map((n) => credentialName(n))).toEqual(first);
  });
});
