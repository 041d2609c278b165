/**
 * Detection quality next to the peer detector `vard` (npm
 * `@andersmyrmel/vard`, dev dependency): both score the injection rows of the
 * labelled JSONL under `<data>/injection/` (label 1 = attack) in one run.
 *
 *   npx tsx bench/peer-eval.ts [--data ../shared/evaldata] [--split all|heldout]
 *
 * Reuses the project's evaluator: `readRows` (src/eval/rows.ts), the held-out
 * split `isHeldOut` (src/eval/split.ts, selected the same way as
 * `secure-llm eval --split heldout`), `evaluate` + `figures`
 * (src/eval/run.ts, src/eval/metrics.ts) and, for our side,
 * `scoreInjectionRow` (kind=indirect rows scanned with origin `document`).
 * Default split: `heldout`, the quarter the shipped model never trained on.
 *
 * vard is called zero-config (`vard(text)`, moderate preset, maxLength
 * 10 000): flagged = it throws a PromptInjectionError. vard has no notion of
 * origin, so every row is passed as is. Any other error is counted as not
 * flagged and listed at the end. Each detector gets one untimed warm-up pass
 * over the same rows first; wall time per row is the evaluator's clock over the
 * whole scoring pass divided by the row count.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import vard, { PromptInjectionError, type Threat } from '@andersmyrmel/vard';
import { readRows, type EvalRow } from '../src/eval/rows.js';
import { isHeldOut } from '../src/eval/split.js';
import { evaluate, scoreInjectionRow, type GroupReport, type TaskReport } from '../src/eval/run.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const v = process.argv[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

const data = arg('--data', '../shared/evaldata');
const split = arg('--split', 'heldout');
if (split !== 'all' && split !== 'heldout') throw new Error(`--split must be all or heldout, not '${split}'`);
const dir = existsSync(join(data, 'injection')) ? join(data, 'injection') : data;

const { rows, skipped, files } = readRows(dir);
const selected = (split === 'heldout' ? rows.filter(isHeldOut) : rows).filter((r) => r.task === 'injection');
if (skipped) process.stderr.write(`skipped ${skipped} malformed line(s)\n`);
if (selected.length === 0) throw new Error(`no injection rows under ${dir}`);

// --- vard as an EvalDetectors.injection function ---------------------------
const VARD_MAX_LENGTH = 10_000; // vard's documented default; longer input is rejected as 'instructionOverride'
const vardErrors: { id: string; message: string }[] = [];
const vardThreats = new Map<EvalRow, Threat[]>(); // row -> threats of the thrown error
function scoreVard(row: EvalRow): { flagged: boolean; score: number } {
  try {
    vard(row.text);
    return { flagged: false, score: 0 };
  } catch (e) {
    if (e instanceof PromptInjectionError) {
      vardThreats.set(row, e.threats);
      return { flagged: true, score: Math.max(...e.threats.map((t) => t.severity)) };
    }
    vardErrors.push({ id: row.id, message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
    return { flagged: false, score: 0 };
  }
}

// our side: the evaluator's own scorer, recording which rows it flagged
const oursFlag = new Set<EvalRow>();
function scoreOurs(row: EvalRow): { flagged: boolean; score: number } {
  const s = scoreInjectionRow(row);
  if (s.flagged) oursFlag.add(row);
  return s;
}

// --- scoring ---------------------------------------------------------------
for (const r of selected) scoreOurs(r); // warm-up, untimed
oursFlag.clear();
const ours = evaluate(selected, { injection: scoreOurs }, { task: 'injection', split }).tasks[0];
for (const r of selected) scoreVard(r); // warm-up, untimed
vardErrors.length = 0;
vardThreats.clear();
const peer = evaluate(selected, { injection: scoreVard }, { task: 'injection', split }).tasks[0];

// --- output ----------------------------------------------------------------
const pct = (v: number | null): string => (v === null ? '    -  ' : `${(v * 100).toFixed(1).padStart(6)}%`);
const figs = (g: GroupReport): string => `P ${pct(g.precision)} R ${pct(g.recall)} F1 ${pct(g.f1)} FPR ${pct(g.fpr)}`;
const counts = (g: GroupReport): string => `tp ${g.tp} fp ${g.fp} tn ${g.tn} fn ${g.fn}`;
const timing = (t: TaskReport): string =>
  `${((t.seconds * 1e6) / t.overall.n).toFixed(1)} µs/row (${t.rowsPerSecond.toFixed(0)} rows/s, ${t.mbPerSecond.toFixed(2)} MB/s, ${t.seconds.toFixed(2)} s)`;

const attacks = selected.filter((r) => r.label === 1).length;
console.log(`data: ${dir} (${files.length} files)  split: ${split}  rows: ${selected.length} (${attacks} attacks, ${selected.length - attacks} benign)`);
console.log('ours: scanPrompt via scoreInjectionRow (kind=indirect -> origin document); vard: zero-config vard(text), flagged = PromptInjectionError');

console.log('\n== overall');
for (const [name, t] of [
  ['scanPrompt', ours],
  ['vard', peer],
] as const) {
  console.log(`  ${name.padEnd(10)} n=${t.overall.n}  ${figs(t.overall)}  (${counts(t.overall)})`);
}

console.log('\n== wall time per row (same rows, each detector after one untimed warm-up pass over them)');
console.log(`  scanPrompt ${timing(ours)}`);
console.log(`  vard       ${timing(peer)}`);
console.log(`  scanPrompt takes ${(ours.seconds / peer.seconds).toFixed(2)}x vard's time`);

console.log('\n== per source file (left: scanPrompt, right: vard)');
const W = 34;
console.log(`  ${'file'.padEnd(W)}     n | ${'scanPrompt'.padEnd(70)} | vard`);
for (const file of Object.keys(ours.bySource)) {
  const a = ours.bySource[file];
  const b = peer.bySource[file];
  console.log(`  ${file.slice(0, W).padEnd(W)} ${String(a.n).padStart(5)} | ${(figs(a) + ` (${counts(a)})`).padEnd(70)} | ${figs(b)} (${counts(b)})`);
}

// agreement on attacks, and what vard flagged
let both = 0;
let onlyOurs = 0;
let onlyVard = 0;
let neither = 0;
for (const r of selected) {
  if (r.label !== 1) continue;
  const a = oursFlag.has(r);
  const b = vardThreats.has(r);
  if (a && b) both++;
  else if (a) onlyOurs++;
  else if (b) onlyVard++;
  else neither++;
}
console.log(`\n== attacks caught: both ${both}, only scanPrompt ${onlyOurs}, only vard ${onlyVard}, neither ${neither}`);

const byType = (label: 0 | 1): Map<string, number> => {
  const m = new Map<string, number>();
  for (const r of selected) {
    if (r.label !== label) continue;
    const th = vardThreats.get(r);
    if (!th) continue;
    for (const type of new Set(th.map((t) => t.type))) m.set(type, (m.get(type) ?? 0) + 1);
  }
  return m;
};
const fmtTypes = (m: Map<string, number>): string =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || '-';
console.log(`  vard threat types on flagged attacks (rows): ${fmtTypes(byType(1))}`);
console.log(`  vard threat types on false positives (rows): ${fmtTypes(byType(0))}`);
const fpMatches = new Map<string, number>();
for (const r of selected) {
  if (r.label !== 0) continue;
  for (const t of vardThreats.get(r) ?? []) {
    const k = `${t.type}: "${t.match.slice(0, 40).toLowerCase()}"`;
    fpMatches.set(k, (fpMatches.get(k) ?? 0) + 1);
  }
}
const topFp = [...fpMatches].sort((a, b) => b[1] - a[1]).slice(0, 12);
if (topFp.length) console.log('  most frequent vard matches on benign rows:\n' + topFp.map(([k, v]) => `    ${String(v).padStart(4)}  ${k}`).join('\n'));
const long = selected.filter((r) => r.text.length > VARD_MAX_LENGTH).length;
const lengthOnly = [...vardThreats.values()].filter((th) => th.every((t) => t.match.startsWith('Input exceeds'))).length;
console.log(`  rows longer than vard's default maxLength (${VARD_MAX_LENGTH}): ${long}; flagged for length alone: ${lengthOnly}`);

if (vardErrors.length) {
  console.log(`\n!! vard threw something other than PromptInjectionError on ${vardErrors.length} row(s) (counted as not flagged):`);
  for (const e of vardErrors.slice(0, 20)) console.log(`   ${e.id}: ${e.message}`);
} else {
  console.log('\n  vard threw no error other than PromptInjectionError');
}
