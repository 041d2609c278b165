#!/usr/bin/env node
/**
 * `secure-llm` command line. Thin: parsing, file I/O and printing; the
 * scoring lives in `src/eval/`.
 *
 *   secure-llm eval --data <dir> [--task injection|secrets|pii] [--json out.json] [--split all|heldout] [--extra-types date_time,url]
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { detectSensitive } from '../scan/sensitive.js';
import { readRows } from '../eval/rows.js';
import { isHeldOut } from '../eval/split.js';
import { evaluate, formatReport, scoreInjectionRow } from '../eval/run.js';

function progressBar(stream: NodeJS.WriteStream): (done: number, total: number) => void {
  let last = -1;
  const start = Date.now();
  return (done, total) => {
    if (stream.isTTY) {
      const pct = Math.floor((done / Math.max(1, total)) * 100);
      if (pct === last && done !== total) return;
      last = pct;
      const width = 30;
      const fill = Math.round((pct / 100) * width);
      const rate = done / Math.max(0.001, (Date.now() - start) / 1000);
      stream.write(`\r[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${String(pct).padStart(3)}% ${done}/${total} ${rate.toFixed(0)} rows/s`);
      if (done === total) stream.write('\n');
    } else {
      // not a terminal: a line every 10 %
      const step = Math.floor((done / Math.max(1, total)) * 10);
      if (step !== last) {
        last = step;
        stream.write(`progress: ${done}/${total}\n`);
      }
    }
  };
}

const program = new Command();
program.name('secure-llm').description('secure-llm tools');
program
  .command('eval')
  .description('score the detectors on labelled JSONL rows ({text,label,kind,task,source,lang,meta})')
  .requiredOption('--data <dir>', 'directory of *.jsonl files (read recursively)')
  .addOption(new Option('--task <task>', 'only this task').choices(['injection', 'secrets', 'pii']))
  .option('--json <file>', 'also write the full report as JSON')
  .addOption(new Option('--split <split>', 'all rows, or only the held-out quarter (src/eval/split.ts)').choices(['all', 'heldout']).default('all'))
  .option('--extra-types <types>', 'also report these off-by-default types, comma-separated (date_time,url)')
  .action((opts: { data: string; task?: string; json?: string; split: 'all' | 'heldout'; extraTypes?: string }) => {
    const extraTypes = opts.extraTypes?.split(',').map((t) => t.trim()).filter(Boolean);
    // validated once here: an unknown name is a GuardConfigError before any row is read
    if (extraTypes?.length) detectSensitive('', { extraTypes });
    if (!existsSync(opts.data) || !statSync(opts.data).isDirectory()) throw new Error(`secure-llm eval: --data ${opts.data} is not a directory`);
    const { rows, skipped, files } = readRows(opts.data);
    if (skipped) process.stderr.write(`skipped ${skipped} malformed line(s)\n`);
    const selected = opts.split === 'heldout' ? rows.filter(isHeldOut) : rows;
    const report = evaluate(
      selected,
      { injection: scoreInjectionRow, sensitive: (text, o) => detectSensitive(text, extraTypes?.length ? { ...o, extraTypes } : o) },
      { task: opts.task, split: opts.split, onProgress: progressBar(process.stderr) },
    );
    if (report.tasks.length === 0) {
      throw new Error(`secure-llm eval: no rows to score in ${opts.data} (${files.length} .jsonl file(s)${opts.task ? `, task ${opts.task}` : ''}${opts.split === 'heldout' ? ', held-out split' : ''})`);
    }
    if (extraTypes?.length) process.stdout.write(`extra types: ${extraTypes.join(', ')}\n`);
    process.stdout.write(formatReport(report) + '\n');
    if (opts.json) writeFileSync(opts.json, JSON.stringify(report, null, 2) + '\n');
  });

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
