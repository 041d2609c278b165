/**
 * secure-llm core: provider-independent options, errors, events, scanners and
 * output filters. The drop-in clients live in `secure-llm/openai` and
 * `secure-llm/anthropic`; the fake provider in `secure-llm/testing`.
 */
export {
  SecurityError,
  PromptInjectionError,
  SensitiveDataError,
  OutputLeakError,
  ToolPolicyError,
  QuotaExceededError,
  GuardConfigError,
  InputRejectedError,
  isSecurityError,
  type SecurityPhase,
  type SecurityErrorCode,
  type ConfigIssue,
} from './errors.js';
export {
  guardOptionsSchema,
  parseGuardOptions,
  safeParseGuardOptions,
  mergeGuardOptions,
  type GuardOptions,
  type ResolvedGuardOptions,
  type InjectionJudge,
  type ToolCallValidator,
  type InjectionAction,
  type DataAction,
  type OutputAction,
} from './options.js';
export type { SecurityEvent, SecurityDecision } from './events.js';
export type { Finding, Origin, Detector, DetectContext, DetectorName } from './scan/types.js';
export {
  scanPrompt,
  scanPromptWithJudge,
  createInjectionDetector,
  defaultThreshold,
  type ScanPromptOptions,
  type ScanPromptResult,
  type ScanPromptWithJudgeOptions,
  type InjectionDetectorOptions,
  type InjectionJudgeFn,
} from './scan/scan-prompt.js';
export {
  detectSensitive,
  redact,
  createSensitiveDetector,
  type SensitiveFinding,
  type DetectSensitiveOptions,
  type RedactOptions,
} from './scan/sensitive.js';
export { createVault, type Vault } from './scan/vault.js';
export { sensitiveEntityTypes, type SensitiveEntityType } from './scan/entity-types.js';
export {
  filterText,
  createStreamFilter,
  createCanaryScanner,
  createSystemPromptScanner,
  createSensitiveScanner,
  createRegexScanner,
  createRestoreRule,
  type OutputScanner,
  type OutputRule,
  type FilterResult,
  type StreamFilter,
  type StreamFilterOptions,
} from './output/index.js';
export { createGuard, type Guard, type GuardContext, type GuardedCall, type OutputSession } from './guard/create-guard.js';
export type { TextSegment, ExtractedRequest, CallInfo } from './guard/types.js';
export { createThrottle, type Throttle, type ThrottleCost, type ThrottleLimits } from './throttle/create-throttle.js';
