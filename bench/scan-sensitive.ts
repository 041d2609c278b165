/**
 * Throughput of detectSensitive: clean prose (no findings), text dense with
 * secrets and PII, and generated application log lines, at 1 / 2.5 / 5 / 10 MB (the MB/s column should stay flat:
 * cost is linear), then secrets only against a peer, secretlint
 * (@secretlint/core + @secretlint/secretlint-rule-preset-recommend, pinned to
 * 12.0.0: the last release that runs on Node 20), on the same inputs.
 *
 * Run: npx tsx bench/scan-sensitive.ts
 *
 * Each figure is the best of 3 runs. Figures are wall-clock and process CPU time; on a shared machine the wall
 * figure drops when other jobs compete for the cores (the load average is
 * printed), the CPU figure much less. A slower host moves both: `per ref`
 * divides our CPU rate by a fixed reference loop's, measured in the same run,
 * to compare runs across hosts and sessions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { detectSensitive, type DetectSensitiveOptions } from '../src/scan/sensitive.js';

const MB = 1024 * 1024;

/** `unit` repeated to `size` chars, as one flat string (like text from JSON.parse or a socket, not a rope from `repeat`). */
function build(unit: string, size: number): string {
  return Buffer.from(unit.repeat(Math.ceil(size / unit.length)).slice(0, size), 'utf8').toString('utf8');
}

const clean = build(
  'The quarterly report covers revenue, churn and hiring plans for the next two cycles. Teams should review the roadmap, ' +
    'update their estimates and flag risks early so that planning stays realistic across all regions.\n',
  10 * MB,
);
const dense = build(
  'Contact jane.roe@example.org or +44 20 7946 0958; card 4111 1111 1111 1111; IBAN GB82 WEST 1234 5698 7654 32; ' +
    'host 10.20.30.40; DB_PASSWORD="' + 'Xk9mQ2vL7pR4zT' + '"; token ' + 'gl' + 'pat-' + 'aB3dE6gH9jK2mN5pQ8sT' + '; Mr. Kowalski.\n',
  10 * MB,
);

/**
 * Application log lines, generated (a fixed seed, so every run reads the same text): a timestamp, a
 * request id, an e-mail address, an IPv4 address, a path with an order number, a status and a
 * latency per line; a finding every ~67 characters, with numbers, colons and key=value pairs
 * everywhere. Denser in numbers than prose, sparser in findings than `dense`.
 */
function logLines(size: number): string {
  let seed = 1;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const users = ['jane.roe', 'j.smith', 'mario.rossi', 'li.wei', 'anna.k'];
  const pad = (n: number) => String(Math.floor(n)).padStart(2, '0');
  const lines: string[] = [];
  let length = 0;
  while (length < size) {
    const line =
      `2026-12-03T12:${pad(rnd() * 60)}:${pad(rnd() * 60)}Z INFO req=${Math.floor(rnd() * 1e9).toString(16)} ` +
      `user=${users[Math.floor(rnd() * users.length)]}@example.org ip=10.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)}.${Math.floor(rnd() * 255)} ` +
      `path=/api/v1/orders/${Math.floor(rnd() * 1e6)} status=200 latency_ms=${Math.floor(rnd() * 900)}\n`;
    lines.push(line);
    length += line.length;
  }
  return lines.join('').slice(0, size);
}
const logs = logLines(10 * MB);

/**
 * Real prose: the benign rows of the injection dev set (word problems, coding
 * tasks, chat turns, documents; 2,813 rows, ~1.2 MB) from ../shared/evaldata
 * when it is there. Names, numbers and cue words occur as in real prompts, so
 * most scanners do work here that the synthetic clean text never wakes.
 */
function benignRows(): string[] | undefined {
  const dir = new URL('../../shared/evaldata/injection/', import.meta.url);
  if (!existsSync(dir)) return undefined;
  const rows: string[] = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    for (const line of readFileSync(new URL(f, dir), 'utf8').split('\n')) {
      if (!line) continue;
      const row = JSON.parse(line) as { text: string; label: number };
      if (row.label === 0) rows.push(row.text);
    }
  }
  return rows;
}
const prose = benignRows();

interface Timing {
  wall: number;
  cpu: number;
  findings: number;
}

function time(fn: () => number): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const findings = fn();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, findings };
}

async function timeAsync(fn: () => Promise<number>): Promise<Timing> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const findings = await fn();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1e6, findings };
}

const rate = (bytes: number, s: number) => (bytes / MB / s).toFixed(1).padStart(6);

/** Best (lowest CPU time) of `n` runs: less noise from GC and other jobs. */
function best(ts: Timing[]): Timing {
  return ts.reduce((a, b) => (b.cpu < a.cpu ? b : a));
}

function ours(text: string, opts: DetectSensitiveOptions = {}, n = 3): Timing {
  const ts: Timing[] = [];
  for (let i = 0; i < n; i++) ts.push(time(() => detectSensitive(text, opts).length));
  return best(ts);
}

/**
 * A fixed reference workload: one pass of character classification over 1 MB of the clean text (a loop
 * like the ones in our scanners, no regex). The host's speed moves its rate as it moves ours (a shared
 * machine ran at half speed in one session), so `per ref` (our CPU MB/s over the reference's, x1000)
 * compares runs across hosts and sessions where the raw MB/s does not.
 */
function referenceRate(): number {
  const text = clean.slice(0, MB);
  let bestS = Infinity;
  let sink = 0;
  for (let k = 0; k < 7; k++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      sink += c >= 48 && c <= 57 ? 3 : (c | 32) >= 97 && (c | 32) <= 122 ? 1 : 2;
    }
    const c = process.cpuUsage(c0);
    bestS = Math.min(bestS, (c.user + c.system) / 1e6);
  }
  if (sink === 42) console.log(''); // keeps the loop from being optimised away
  return text.length / MB / Math.max(bestS, 1e-6);
}
const refStart = referenceRate();
const perRef = (bytes: number, cpuSeconds: number) => ((1000 * (bytes / MB / cpuSeconds)) / refStart).toFixed(1).padStart(6);

console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on a ${availableParallelism()}-CPU machine; reference loop ${refStart.toFixed(0)} MB/s cpu\n`);

// ---- secrets + PII, length curve ----
// Warm-up: V8 first runs each regular expression in its bytecode interpreter
// and compiles it to native code after that, so a cold first call is several
// times slower; the figures below are steady state.
for (let i = 0; i < 3; i++) {
  detectSensitive(clean.slice(0, MB));
  detectSensitive(dense.slice(0, MB));
  detectSensitive(clean.slice(0, MB), { pii: false });
  detectSensitive(dense.slice(0, MB), { pii: false });
  detectSensitive(logs.slice(0, MB));
}

console.log('secrets + PII (detectSensitive defaults)          MB/s wall  MB/s cpu  per ref  findings');
for (const [name, text] of [['clean', clean], ['dense', dense], ['logs', logs]] as const) {
  for (const size of [1, 2.5, 5, 10]) {
    const s = text.slice(0, Math.round(size * MB));
    const t = ours(s);
    console.log(`  ${name.padEnd(6)} ${String(size).padStart(4)} MB ${' '.repeat(30)}${rate(s.length, t.wall)}    ${rate(s.length, t.cpu)}   ${perRef(s.length, t.cpu)}  ${t.findings}`);
  }
}

if (prose) {
  const whole = prose.join('\n\n');
  for (let i = 0; i < 2; i++) for (const r of prose) detectSensitive(r);
  const perRow = best([0, 1, 2].map(() => time(() => prose.reduce((n, r) => n + detectSensitive(r).length, 0))));
  const oneText = ours(whole, {}, 3);
  console.log(`  prose, ${prose.length} dev rows one call each (${(whole.length / MB).toFixed(2)} MB) ${rate(whole.length, perRow.wall)}    ${rate(whole.length, perRow.cpu)}   ${perRef(whole.length, perRow.cpu)}  ${perRow.findings}`);
  console.log(`  prose, the same rows as one text             ${rate(whole.length, oneText.wall)}    ${rate(whole.length, oneText.cpu)}   ${perRef(whole.length, oneText.cpu)}  ${oneText.findings}`);
} else {
  console.log('  prose: ../shared/evaldata not found, skipped');
}

// ---- secrets only: ours vs secretlint on the same inputs ----
type Lint = (text: string) => Promise<number>;
let peer: Lint | undefined;
let peerError = '';
try {
  const core = await import('@secretlint/core');
  const preset = await import('@secretlint/secretlint-rule-preset-recommend');
  const config = { rules: [{ id: '@secretlint/secretlint-rule-preset-recommend', rule: preset.creator }] };
  peer = async (text) => {
    const r = await core.lintSource({ source: { filePath: '/bench.txt', content: text, contentType: 'text' }, options: { config: config as never } });
    return r.messages.length;
  };
  await peer(dense.slice(0, 64 * 1024)); // warm-up
} catch (e) {
  peer = undefined;
  peerError = e instanceof Error ? e.message : String(e);
}

console.log('\nsecrets only: secure-llm ({ pii: false }) vs secretlint 12.0.0 preset-recommend, same input');
console.log('                     secure-llm MB/s (wall/cpu)  secretlint MB/s (wall/cpu)  ours/theirs (cpu)  findings ours/theirs');
if (!peer) {
  console.log(`  secretlint could not run here: ${peerError}`);
} else {
  // secretlint's cost grows faster than linearly with many findings in one
  // source (0.25 MB dense ~0.06 s, 1 MB ~1.2 s here), so dense inputs stop at 1 MB
  const runs: [string, string][] = [
    ['clean 10 MB', clean],
    ['clean 1 MB', clean.slice(0, MB)],
    ['dense 0.25 MB', dense.slice(0, MB / 4)],
    ['dense 1 MB', dense.slice(0, MB)],
  ];
  for (const [name, text] of runs) {
    const a = ours(text, { pii: false }, 3);
    const bs: Timing[] = [];
    for (let i = 0; i < 3; i++) bs.push(await timeAsync(() => peer!(text)));
    const b = best(bs);
    console.log(
      `  ${name.padEnd(15)}    ${rate(text.length, a.wall)} / ${rate(text.length, a.cpu)}          ${rate(text.length, b.wall)} / ${rate(text.length, b.cpu)}        ${(b.cpu / a.cpu).toFixed(1).padStart(6)}x           ${a.findings} / ${b.findings}`,
    );
  }
}

console.log(`\nreference loop at the end ${referenceRate().toFixed(0)} MB/s cpu (at the start ${refStart.toFixed(0)}): a large change means the host's speed moved during the run`);
