import type { Origin } from '../scan/types.js';
import type { JsonPath } from './json-path.js';

/** One piece of text the model will see, with where it sits in the request and how far it is trusted. */
export interface TextSegment {
  text: string;
  origin: Origin;
  path: JsonPath;
  /** Index of the message, input item or batch request that holds the text. */
  messageIndex?: number;
  /**
   * The conversation the text belongs to when one body holds several (the requests of a Message
   * Batch). Text of different conversations is never scanned joined.
   */
  conversation?: number;
  /** Data that no model reads as instructions (embeddings input): scanned for secrets and PII only. */
  skipInjection?: boolean;
}

/** What a provider adapter extracts from one request body. */
export interface ExtractedRequest {
  segments: TextSegment[];
  /** Names of the tools offered to the model. */
  toolNames: string[];
  /** System / developer instructions, joined; used to detect system-prompt leaks in replies. */
  systemText: string;
  model?: string;
  stream: boolean;
  /** The end user the request names (OpenAI `user` / `safety_identifier`, Anthropic `metadata.user_id`), for per-user limits. */
  endUser?: string;
  /** The output budget the request declares (`max_tokens`, ...), counted against `limits.tokensPerMinute`. */
  maxOutputTokens?: number;
  /** Not counted against rate limits (token counting, asynchronous batches). */
  unmetered?: boolean;
}

/** Identifies a call in events. */
export interface CallInfo {
  provider: string;
  endpoint: string;
  model?: string;
  stream: boolean;
}
