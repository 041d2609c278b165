export { SecureAnthropic, type SecureAnthropicOptions } from './secure-anthropic.js';
export { extractAnthropicRequest } from './extract-request.js';
