export { SecureOpenAI, SecureAzureOpenAI, type SecureOpenAIOptions, type SecureAzureOpenAIOptions } from './secure-openai.js';
export { extractOpenAIRequest } from './extract-request.js';
