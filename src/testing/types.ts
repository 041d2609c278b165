/**
 * Public types of the fake LLM provider (`secure-llm/testing`).
 *
 * @packageDocumentation
 */

/**
 * One scripted tool call in a {@link FakeReply}.
 *
 * Rendered as an OpenAI Chat Completions `tool_calls[]` entry, an OpenAI
 * Responses `function_call` output item, or an Anthropic `tool_use` block.
 *
 * @example
 * ```ts
 * const call: FakeToolCall = { name: 'get_weather', arguments: { city: 'Paris' } };
 * fake.enqueue({ toolCalls: [call] });
 * ```
 */
export interface FakeToolCall {
  /** Function / tool name. */
  name: string;
  /** Arguments: a JSON string sent verbatim, or an object that is `JSON.stringify`-ed. */
  arguments: string | Record<string, unknown>;
  /** Tool call id; generated (`call_…` / `toolu_…`) when omitted. */
  id?: string;
}

/**
 * One citation of an Anthropic text block in a {@link FakeReply}.
 *
 * @example
 * ```ts
 * fake.enqueue({ text: 'The deadline is Friday.', citations: [{ citedText: 'Deadline: Friday', documentIndex: 0 }] });
 * ```
 */
export interface FakeCitation {
  /** The quoted document text (`cited_text`). */
  citedText: string;
  /** Index of the cited document in the request. Default 0. */
  documentIndex?: number;
  /** The cited document's title. Default `null`. */
  documentTitle?: string;
}

/**
 * A scripted reply of the fake provider. Every field is optional: `{}` is the
 * default echo reply (`You said: <last user text>`).
 *
 * @example
 * ```ts
 * fake.enqueue(
 *   { text: 'Hello there', chunkSize: 2, chunkDelayMs: 5 },         // streamed in 2-char deltas
 *   { toolCalls: [{ name: 'lookup', arguments: { q: 'x' } }] },      // a tool call
 *   { status: 429, error: { message: 'slow down' } },                // RateLimitError
 *   { text: 'partial answer', failAfterChunks: 1 },                  // mid-stream error event
 * );
 * ```
 */
export interface FakeReply {
  /** Assistant text. Default: `You said: <text of the last user message/input>` (none when only `toolCalls` are given). */
  text?: string;
  /** Tool calls emitted after the text (if any). */
  toolCalls?: FakeToolCall[];
  /**
   * OpenAI only: a refusal instead of text (Chat `message.refusal` / `delta.refusal`, Responses
   * `refusal` content part / `response.refusal.*` events). Streamed in `chunkSize` pieces.
   */
  refusal?: string;
  /**
   * OpenAI Chat only: an audio reply (`modalities: ['text', 'audio']`). `message.audio` carries this
   * transcript, an id, an expiry and a few bytes of placeholder audio; `content` is `null` unless
   * `text` is given too. Streamed as `delta.audio.transcript` pieces, then the audio data.
   */
  audioTranscript?: string;
  /** OpenAI Responses only: a reasoning item with this summary text, emitted before the message. */
  reasoningSummary?: string;
  /**
   * Anthropic only: citations of the text block (`char_location` citations into the request's
   * documents). Streamed as `citations_delta` events after the block's text deltas.
   */
  citations?: FakeCitation[];
  /**
   * Anthropic only: content blocks placed before the text block, sent verbatim (for example
   * `server_tool_use`, `code_execution_tool_result`, `web_fetch_tool_result`, `thinking`).
   * In a stream each arrives whole in its `content_block_start`, except `thinking`, which streams
   * the way the API does: an empty block, `thinking_delta` pieces, then one `signature_delta`.
   */
  anthropicBlocks?: Record<string, unknown>[];
  /**
   * OpenAI Responses only: output items placed before the reasoning and message items, sent
   * verbatim (for example `code_interpreter_call`, `web_search_call`, `mcp_call`). In a stream
   * each arrives as `response.output_item.added` (status `in_progress`) then `output_item.done`.
   */
  responsesItems?: Record<string, unknown>[];
  /** HTTP status; `>= 400` answers with an error body in the provider's error shape. Default 200. */
  status?: number;
  /** Error details for `status >= 400` and for `failAfterChunks`. The `type` defaults per status (e.g. `rate_limit_error`). */
  error?: { type?: string; message: string; code?: string };
  /** Explicit streamed text deltas (their concatenation becomes the text). Otherwise `text` is split by `chunkSize`. */
  chunks?: string[];
  /** Characters per streamed text (and tool-argument) delta. Default 8. */
  chunkSize?: number;
  /** Delay in milliseconds between SSE events. Default 0. */
  chunkDelayMs?: number;
  /** Delay in milliseconds before the response (or the error) starts. Default 0. */
  delayMs?: number;
  /**
   * Streaming only: after this many deltas (text deltas and tool-argument deltas both count),
   * emit an error event (OpenAI: `data: {"error":{...}}`; Anthropic: `event: error`) and end the
   * response. `0` fails right after the opening events; a number larger than the number of deltas
   * fails after the last delta, before the closing events.
   */
  failAfterChunks?: number;
  /**
   * Streaming: after this many deltas (counted as for `failAfterChunks`), destroy the socket so
   * the client sees the connection die mid-stream. Non-streaming: the socket is destroyed before
   * any response is written (the SDK sees a connection error and may retry).
   */
  dropAfterChunks?: number;
  /**
   * Finish / stop reason. Default `'stop'` / `'tool_calls'` (OpenAI Chat), `'end_turn'` /
   * `'tool_use'` (Anthropic). For the Responses API, `'length'`, `'max_tokens'` or
   * `'max_output_tokens'` mark the response `incomplete`; anything else is `completed`.
   */
  finishReason?: string;
  /** Token usage to report. Default: an estimate of about one token per four characters. */
  usage?: { inputTokens?: number; outputTokens?: number };
  /** Extra response headers (override the defaults, e.g. `retry-after-ms`). */
  headers?: Record<string, string>;
}

/**
 * Which wire API a {@link FakeRequest} was addressed to.
 *
 * @example
 * ```ts
 * expect(fake.requests.map((r) => r.api)).toEqual(['openai.chat', 'anthropic.messages']);
 * ```
 */
export type FakeApi =
  | 'openai.chat'
  | 'openai.responses'
  | 'openai.embeddings'
  | 'anthropic.messages'
  | 'anthropic.count_tokens'
  | 'anthropic.batches'
  | 'other';

/**
 * A request received by the fake provider, as recorded in {@link FakeProvider.requests}.
 *
 * @example
 * ```ts
 * await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] });
 * const [req] = fake.requests;
 * expect(req.api).toBe('openai.chat');
 * expect(req.body.messages[0].content).toBe('hi');
 * expect(req.headers.authorization).toBe('Bearer sk-test');
 * ```
 */
export interface FakeRequest {
  /** HTTP method, upper case. */
  method: string;
  /** URL path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Query string parameters (last value wins). */
  query: Record<string, string>;
  /** Request headers, lower-cased names, repeated values joined with `, `. */
  headers: Record<string, string>;
  /** Parsed JSON body; the raw string when it is not JSON; `null` when empty. */
  body: any;
  /** The API the route belongs to. */
  api: FakeApi;
  /** Whether the body asked for streaming (`stream: true`). */
  stream: boolean;
}

/**
 * Options of {@link createFakeProvider}.
 *
 * @example
 * ```ts
 * // A fixed script, then the default echo once it is used up:
 * await createFakeProvider({ replies: [{ text: 'first' }, { text: 'second' }] });
 * // Or decide per request:
 * await createFakeProvider({ replies: (req) => (req.stream ? { text: 'streamed' } : { text: 'json' }) });
 * ```
 */
export interface FakeProviderOptions {
  /**
   * Replies used after the {@link FakeProvider.enqueue} queue is empty: an array consumed in
   * order (then the default echo), or a function called for each request.
   */
  replies?: FakeReply[] | ((req: FakeRequest) => FakeReply | Promise<FakeReply>);
  /** Interface to listen on. Default `127.0.0.1`. */
  host?: string;
  /** Port to listen on. Default `0` (a free port). */
  port?: number;
}

/**
 * A running fake provider. Point the real SDK clients at it.
 *
 * Every POST to a known model route (chat completions, responses, embeddings, messages,
 * count_tokens) consumes one reply: first from the {@link FakeProvider.enqueue} queue, then
 * from the `replies` option, else the default echo. Unknown routes and list/retrieve GETs
 * consume nothing.
 *
 * @example
 * ```ts
 * const fake = await createFakeProvider();
 * const openai = new OpenAI({ baseURL: fake.openaiBaseURL, apiKey: 'sk-test' });
 * const anthropic = new Anthropic({ baseURL: fake.anthropicBaseURL, apiKey: 'test' });
 * fake.enqueue({ text: 'scripted' });
 * // ... drive the clients ...
 * expect(fake.requests).toHaveLength(1);
 * await fake.close();
 * ```
 */
export interface FakeProvider {
  /** Root URL, e.g. `http://127.0.0.1:54321`. */
  readonly url: string;
  /** `${url}/v1`, the `baseURL` for `new OpenAI(...)`. */
  readonly openaiBaseURL: string;
  /** `url`, the `baseURL` for `new Anthropic(...)`. */
  readonly anthropicBaseURL: string;
  /** Every request received, in arrival order (including retries and unknown routes). */
  readonly requests: FakeRequest[];
  /** Append replies to the FIFO queue consumed before the `replies` option and the default echo. */
  enqueue(...replies: FakeReply[]): void;
  /** Clear the queue, the request log and the stored chat completions; rewind a `replies` array. */
  reset(): void;
  /** Stop the server, ending any open connection and in-flight stream. Idempotent. */
  close(): Promise<void>;
}
