/**
 * `secure-llm/testing`: a fake LLM provider for tests, demos and benchmarks.
 *
 * A loopback HTTP server (no SDK code inside) that speaks the wire formats of the OpenAI
 * Chat Completions, Responses and Embeddings APIs and the Anthropic Messages API, as JSON and
 * as SSE streams, so the real `openai` and `@anthropic-ai/sdk` clients can be driven against
 * it with no API key and no network.
 *
 * Routes: `POST /v1/chat/completions` (JSON or `stream: true`), `GET /v1/chat/completions`
 * (list of the completions it produced; `after`, `limit`, `order`, `model` honoured),
 * `GET /v1/chat/completions/{id}`, `POST /v1/responses`, `POST /v1/embeddings`,
 * `POST /v1/messages`, `POST /v1/messages/count_tokens`, and Message Batches:
 * `POST /v1/messages/batches` (processed at once, each request taking the next scripted reply),
 * `GET /v1/messages/batches/{id}` and its `results` JSONL. Anything else is a 404 in the
 * OpenAI error shape.
 *
 * @packageDocumentation
 */
import { startFakeProvider } from './fake-provider.js';
import type { FakeProvider, FakeProviderOptions } from './types.js';

export type { FakeApi, FakeCitation, FakeProvider, FakeProviderOptions, FakeReply, FakeRequest, FakeToolCall } from './types.js';

/**
 * Start a fake LLM provider on a free loopback port.
 *
 * With nothing scripted, every generation endpoint echoes `You said: <text of the last user
 * message/input>`, so a test can see what the provider actually received. Token usage is
 * estimated at about four characters per token unless a reply sets `usage`. Every response
 * carries `x-request-id` and `request-id` headers (the same value), so `withResponse()`
 * returns a request id with either SDK. Error responses carry `retry-after-ms: 1` so SDK
 * retries are fast. When the client goes away mid-stream the server stops writing.
 *
 * @param options - Scripted replies and the address to listen on.
 * @returns The running provider; call {@link FakeProvider.close} when done.
 *
 * @example
 * ```ts
 * import OpenAI from 'openai';
 * import Anthropic from '@anthropic-ai/sdk';
 * import { createFakeProvider } from 'secure-llm/testing';
 *
 * const fake = await createFakeProvider();
 * const openai = new OpenAI({ baseURL: fake.openaiBaseURL, apiKey: 'sk-test', maxRetries: 0 });
 * const anthropic = new Anthropic({ baseURL: fake.anthropicBaseURL, apiKey: 'test', maxRetries: 0 });
 *
 * const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
 * r.choices[0].message.content; // 'You said: hi'
 *
 * fake.enqueue({ text: 'Hello from Claude', chunkSize: 4 });
 * const text = await anthropic.messages
 *   .stream({ model: 'claude-haiku-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'hi' }] })
 *   .finalText(); // 'Hello from Claude'
 *
 * fake.enqueue({ status: 429, error: { message: 'slow down' } });
 * await openai.chat.completions.create({ model: 'm', messages: [] }).catch((e) => e instanceof OpenAI.RateLimitError); // true
 *
 * fake.requests.length; // 3
 * await fake.close();
 * ```
 */
export function createFakeProvider(options?: FakeProviderOptions): Promise<FakeProvider> {
  return startFakeProvider(options);
}
