/** Evaluation: row reading, the held-out split, metrics and the runner behind `secure-llm eval`. */
export { readRows, parseJsonl, type EvalRow, type GoldSpan } from './rows.js';
export { isHeldOut, splitKey, fnv1a, type SplitRow } from './split.js';
export { addDecision, emptyCounts, figures, scoreSpans, spanFigures, type Counts, type Figures, type TypedSpan, type SpanCounts } from './metrics.js';
export { evaluate, formatReport, scoreInjectionRow, type EvalReport, type TaskReport, type GroupReport, type EvalDetectors, type SensitiveHit } from './run.js';
