import { SecurityError } from '../../src/errors.js';

/**
 * Returns `error` re-based on the SDK's own error class, keeping every field
 * and the secure-llm brand. The SDK stream helpers (`MessageStream`,
 * `ChatCompletionStream`) pass their own error class through unchanged and wrap
 * anything else, so this keeps `e instanceof OutputLeakError` true for
 * `on('error')` and `finalMessage()` while `e instanceof AnthropicError` (or
 * `OpenAIError`) holds as well.
 */
export function asSdkError<E extends Error>(error: SecurityError, Base: new (message: string) => E): E {
  const rebased = new Base(error.message);
  Object.defineProperties(rebased, Object.getOwnPropertyDescriptors(error));
  Object.defineProperty(rebased, 'toJSON', { value: SecurityError.prototype.toJSON, enumerable: false });
  return rebased;
}
