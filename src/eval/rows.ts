/**
 * Evaluation rows: the JSONL format of the eval data sets
 * (`{id,text,label,kind,task,source,lang,meta}`), and a recursive reader.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/** A gold span (secrets / PII). */
export interface GoldSpan {
  start: number;
  end: number;
  type: string;
  value?: string;
}

/** One labelled row. */
export interface EvalRow {
  id: string;
  text: string;
  label: 0 | 1;
  kind: string;
  task: 'injection' | 'secrets' | 'pii' | (string & {});
  source: string;
  lang: string;
  meta: Record<string, unknown> & { spans?: GoldSpan[]; user_prompt?: string };
  /** File the row was read from (base name). */
  file: string;
}

/**
 * Parse JSONL text into rows; malformed lines are skipped and counted.
 *
 * @example
 * ```ts
 * parseJsonl('{"text":"hi","label":0,"task":"injection"}\n', 'x.jsonl').rows.length; // 1
 * ```
 */
export function parseJsonl(content: string, file: string): { rows: EvalRow[]; skipped: number } {
  const rows: EvalRow[] = [];
  let skipped = 0;
  for (const line of content.split('\n')) {
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line);
      if (typeof o?.text !== 'string' || (o.label !== 0 && o.label !== 1)) {
        skipped++;
        continue;
      }
      rows.push({
        id: String(o.id ?? `${file}:${rows.length}`),
        text: o.text,
        label: o.label,
        kind: String(o.kind ?? ''),
        task: String(o.task ?? 'injection'),
        source: String(o.source ?? file.replace(/\.jsonl$/, '')),
        lang: String(o.lang ?? 'und'),
        meta: o.meta && typeof o.meta === 'object' ? o.meta : {},
        file,
      });
    } catch {
      skipped++;
    }
  }
  return { rows, skipped };
}

/**
 * Read every `*.jsonl` file under `dir`, recursively, in sorted order.
 *
 * @example
 * ```ts
 * const { rows } = readRows('../shared/evaldata');
 * ```
 */
export function readRows(dir: string): { rows: EvalRow[]; skipped: number; files: string[] } {
  const files: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (name.endsWith('.jsonl')) files.push(p);
    }
  };
  walk(dir);
  const rows: EvalRow[] = [];
  let skipped = 0;
  for (const f of files) {
    const r = parseJsonl(readFileSync(f, 'utf8'), basename(f));
    for (const row of r.rows) rows.push(row);
    skipped += r.skipped;
  }
  return { rows, skipped, files };
}
