export type {
  FilterResult,
  OutputAction,
  OutputFinding,
  OutputRule,
  OutputScanner,
  StreamFilter,
  StreamFilterOptions,
} from './types.js';
export { HOLD_MARGIN_CHARS, LOOKBEHIND_CHARS } from './types.js';
export { filterText } from './filter-text.js';
export { createStreamFilter } from './stream-filter.js';
export { defaultReplacement } from './resolve.js';
export {
  createCanaryScanner,
  createRegexScanner,
  createRestoreRule,
  createRestoreScanner,
  type RegexScannerOptions,
  type RestoreVault,
} from './scanners.js';
export { createSystemPromptScanner, type SystemPromptScannerOptions } from './system-prompt-scanner.js';
export { createSensitiveScanner, type SensitiveScannerOptions } from './sensitive-scanner.js';
