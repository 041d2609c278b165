/**
 * Pure scoring helpers: confusion counts, precision / recall / F1 / FPR, and
 * span matching (exact and overlap) per entity type.
 */

/** Confusion counts. */
export interface Counts {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/** Derived figures; `null` where undefined (no denominator). */
export interface Figures extends Counts {
  n: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  fpr: number | null;
}

/** Empty counts. */
export function emptyCounts(): Counts {
  return { tp: 0, fp: 0, tn: 0, fn: 0 };
}

/**
 * Add one row-level decision to counts.
 *
 * @example
 * ```ts
 * const c = emptyCounts(); addDecision(c, 1, true); c.tp; // 1
 * ```
 */
export function addDecision(c: Counts, label: 0 | 1, flagged: boolean): void {
  if (label === 1) flagged ? c.tp++ : c.fn++;
  else flagged ? c.fp++ : c.tn++;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

/**
 * Precision, recall, F1 and false-positive rate of counts.
 *
 * @example
 * ```ts
 * figures({ tp: 9, fp: 1, tn: 89, fn: 1 }).f1; // 0.9
 * ```
 */
export function figures(c: Counts): Figures {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, n: c.tp + c.fp + c.tn + c.fn, precision, recall, f1, fpr: ratio(c.fp, c.fp + c.tn) };
}

/** A span with a type. */
export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

/** Span-level counts, exact and overlap. */
export interface SpanCounts {
  exact: { tp: number; fp: number; fn: number };
  overlap: { tp: number; fp: number; fn: number };
}

/** Empty span counts. */
export function emptySpanCounts(): SpanCounts {
  return { exact: { tp: 0, fp: 0, fn: 0 }, overlap: { tp: 0, fp: 0, fn: 0 } };
}

const overlaps = (a: TypedSpan, b: TypedSpan): boolean => a.start < b.end && b.start < a.end;

/**
 * Match predicted spans against gold spans (type-agnostic matching; types are
 * reported by gold type for recall and by predicted type for false positives).
 * Exact: same start and end. Overlap: any shared character. Each gold span
 * is matched at most once per mode. Adds into `byType` (keyed by type) and
 * returns the row's totals.
 *
 * @example
 * ```ts
 * const by = new Map();
 * scoreSpans([{ start: 0, end: 5, type: 'email' }], [{ start: 0, end: 5, type: 'email' }], by).exact.tp; // 1
 * ```
 */
export function scoreSpans(predicted: readonly TypedSpan[], gold: readonly TypedSpan[], byType: Map<string, SpanCounts>): SpanCounts {
  const row = emptySpanCounts();
  const get = (t: string): SpanCounts => {
    let c = byType.get(t);
    if (!c) byType.set(t, (c = emptySpanCounts()));
    return c;
  };
  for (const mode of ['exact', 'overlap'] as const) {
    const used = new Array<boolean>(gold.length).fill(false);
    for (const p of predicted) {
      let hit = -1;
      for (let g = 0; g < gold.length; g++) {
        if (used[g]) continue;
        const ok = mode === 'exact' ? gold[g].start === p.start && gold[g].end === p.end : overlaps(gold[g], p);
        if (ok) {
          hit = g;
          break;
        }
      }
      if (hit >= 0) {
        used[hit] = true;
        row[mode].tp++;
        get(gold[hit].type)[mode].tp++;
      } else if (mode === 'exact' || !gold.some((g) => overlaps(g, p))) {
        // an extra prediction overlapping an already matched gold span is not counted as a false positive in overlap mode
        row[mode].fp++;
        get(p.type)[mode].fp++;
      }
    }
    for (let g = 0; g < gold.length; g++) {
      if (!used[g]) {
        row[mode].fn++;
        get(gold[g].type)[mode].fn++;
      }
    }
  }
  return row;
}

/**
 * Precision / recall / F1 of span counts.
 *
 * @example
 * ```ts
 * spanFigures({ tp: 1, fp: 1, fn: 0 }); // { precision: 0.5, recall: 1, f1: 0.666... }
 * ```
 */
export function spanFigures(c: { tp: number; fp: number; fn: number }): { precision: number | null; recall: number | null; f1: number | null } {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Gold span types that annotate context rather than personal data: in presidio_synth they are kept
 * but do not set a row's label (see `../shared/evaldata/MANIFEST.md`), and the detectors do not aim
 * at them (places, organisations, dates, titles, nationalities, ages, zip codes, domains).
 */
export const CONTEXT_SPAN_TYPES: ReadonlySet<string> = new Set(['ORGANIZATION', 'GPE', 'DATE_TIME', 'TITLE', 'NRP', 'AGE', 'ZIP_CODE', 'DOMAIN_NAME']);

/**
 * The spans to score on personal-data types only: gold spans of `ignored` types are left out, and so
 * are the predictions that overlap one of them and no other gold span (they are neither hits nor
 * false positives, as in an "ignore" region).
 *
 * @example
 * ```ts
 * withoutTypes([{ start: 0, end: 4, type: 'date_of_birth' }], [{ start: 0, end: 4, type: 'DATE_TIME' }], CONTEXT_SPAN_TYPES);
 * // { predicted: [], gold: [] }
 * ```
 */
export function withoutTypes(
  predicted: readonly TypedSpan[],
  gold: readonly TypedSpan[],
  ignored: ReadonlySet<string>,
): { predicted: TypedSpan[]; gold: TypedSpan[] } {
  const kept = gold.filter((g) => !ignored.has(g.type));
  const dropped = gold.filter((g) => ignored.has(g.type));
  return { predicted: predicted.filter((p) => kept.some((g) => overlaps(g, p)) || !dropped.some((g) => overlaps(g, p))), gold: kept };
}
