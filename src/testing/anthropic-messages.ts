/**
 * Anthropic Messages wire format (`message` object and its stream events).
 *
 * @internal
 */
import { anthropicErrorBody, estimateInputTokens, estimateOutputTokens, makeId, splitText, type ResolvedReply } from './reply-utils.js';
import type { SseStep, StreamPlan } from './sse.js';
import type { FakeReply } from './types.js';

/** Context of one Messages reply. @internal */
export interface MessagesContext {
  body: Record<string, unknown>;
  reply: FakeReply;
  resolved: ResolvedReply;
  requestId: string;
}

function usage(input: number, output: number) {
  return {
    input_tokens: input,
    output_tokens: output,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: null,
    server_tool_use: null,
    service_tier: 'standard',
  };
}

function stopReasonOf(ctx: MessagesContext): string {
  return ctx.reply.finishReason ?? (ctx.resolved.toolCalls.length > 0 ? 'tool_use' : 'end_turn');
}

function toolIds(ctx: MessagesContext): string[] {
  return ctx.resolved.toolCalls.map((t) => t.id ?? makeId('toolu_01', 11));
}

function parseInput(args: string): unknown {
  try {
    return JSON.parse(args);
  } catch {
    return {};
  }
}

function envelope(ctx: MessagesContext, id: string) {
  return {
    id,
    type: 'message' as const,
    role: 'assistant' as const,
    model: typeof ctx.body.model === 'string' ? ctx.body.model : 'fake-model',
    content: [] as Record<string, unknown>[],
    stop_reason: null as string | null,
    stop_sequence: null,
    stop_details: null,
    container: null,
  };
}

function tokens(ctx: MessagesContext) {
  return {
    input: ctx.reply.usage?.inputTokens ?? estimateInputTokens(ctx.body),
    output: ctx.reply.usage?.outputTokens ?? estimateOutputTokens(ctx.resolved),
  };
}

/** The text block's citations in wire form, or `null` when the reply has none. */
function citations(ctx: MessagesContext): Record<string, unknown>[] | null {
  const list = ctx.reply.citations;
  if (!list || list.length === 0) return null;
  return list.map((c) => ({
    type: 'char_location',
    cited_text: c.citedText,
    document_index: c.documentIndex ?? 0,
    document_title: c.documentTitle ?? null,
    start_char_index: 0,
    end_char_index: c.citedText.length,
    file_id: null,
  }));
}

/** The scripted extra blocks, copied so a client editing its reply never edits the script. */
function extraBlocks(ctx: MessagesContext): Record<string, unknown>[] {
  return (ctx.reply.anthropicBlocks ?? []).map((b) => structuredClone(b));
}

/** A complete `message` object. @internal */
export function messageObject(ctx: MessagesContext) {
  const ids = toolIds(ctx);
  const { input, output } = tokens(ctx);
  const content: Record<string, unknown>[] = extraBlocks(ctx);
  if (ctx.resolved.text !== null) content.push({ type: 'text', text: ctx.resolved.text, citations: citations(ctx) });
  ctx.resolved.toolCalls.forEach((t, i) => content.push({ type: 'tool_use', id: ids[i], name: t.name, input: parseInput(t.arguments), caller: { type: 'direct' } }));
  return { ...envelope(ctx, makeId('msg_01', 12)), content, stop_reason: stopReasonOf(ctx), usage: usage(input, output) };
}

/**
 * The stream events of a reply: `message_start`, per block `content_block_start`
 * (`ping` after the first), `content_block_delta` (`thinking_delta` / `signature_delta`,
 * `text_delta` then `citations_delta`, `input_json_delta`),
 * `content_block_stop`, then `message_delta` and `message_stop`.
 *
 * @internal
 */
export function messageStream(ctx: MessagesContext): StreamPlan {
  const ids = toolIds(ctx);
  const { input, output } = tokens(ctx);
  const steps: SseStep[] = [];
  const ev = (type: string, payload: Record<string, unknown>, delta = false) => steps.push({ event: type, data: { type, ...payload }, delta });

  ev('message_start', { message: { ...envelope(ctx, makeId('msg_01', 12)), usage: usage(input, 1) } });
  const bodyStart = steps.length;
  let index = 0;
  const pingOnce = () => {
    if (index === 0) ev('ping', {});
  };
  const size = ctx.reply.chunkSize && ctx.reply.chunkSize > 0 ? ctx.reply.chunkSize : 8;
  for (const block of extraBlocks(ctx)) {
    if (block.type === 'thinking' && typeof block.thinking === 'string') {
      ev('content_block_start', { index, content_block: { type: 'thinking', thinking: '', signature: '' } });
      pingOnce();
      for (const d of splitText(block.thinking, size)) ev('content_block_delta', { index, delta: { type: 'thinking_delta', thinking: d } }, true);
      ev('content_block_delta', { index, delta: { type: 'signature_delta', signature: String(block.signature ?? '') } });
    } else {
      ev('content_block_start', { index, content_block: block });
      pingOnce();
    }
    ev('content_block_stop', { index });
    index++;
  }
  if (ctx.resolved.text !== null) {
    const cites = citations(ctx);
    ev('content_block_start', { index, content_block: { type: 'text', text: '', citations: cites ? [] : null } });
    pingOnce();
    for (const d of ctx.resolved.textDeltas) ev('content_block_delta', { index, delta: { type: 'text_delta', text: d } }, true);
    for (const citation of cites ?? []) ev('content_block_delta', { index, delta: { type: 'citations_delta', citation } });
    ev('content_block_stop', { index });
    index++;
  }
  ctx.resolved.toolCalls.forEach((t, i) => {
    ev('content_block_start', { index, content_block: { type: 'tool_use', id: ids[i], name: t.name, input: {}, caller: { type: 'direct' } } });
    pingOnce();
    for (const a of t.argumentDeltas) ev('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: a } }, true);
    ev('content_block_stop', { index });
    index++;
  });
  ev('message_delta', {
    delta: { stop_reason: stopReasonOf(ctx), stop_sequence: null, stop_details: null, container: null },
    usage: { input_tokens: input, output_tokens: output, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, server_tool_use: null },
  });
  ev('message_stop', {});

  return {
    steps,
    bodyStart,
    errorStep: () => ({
      event: 'error',
      data: anthropicErrorBody(529, ctx.reply.error ?? { type: 'overloaded_error', message: 'Overloaded' }, ctx.requestId),
    }),
  };
}

/** `POST /v1/messages/count_tokens` response. @internal */
export function countTokensResponse(body: Record<string, unknown>, reply: FakeReply) {
  return { input_tokens: reply.usage?.inputTokens ?? estimateInputTokens(body) };
}

/** One request's outcome in a Message Batch's results file. @internal */
export type BatchResult =
  | { type: 'succeeded'; message: ReturnType<typeof messageObject> }
  | { type: 'errored'; error: ReturnType<typeof anthropicErrorBody> };

/** A Message Batch as the fake holds it: processed the moment it is created. @internal */
export interface StoredBatch {
  id: string;
  createdAt: string;
  results: { custom_id: string; result: BatchResult }[];
}

/** The `message_batch` object of a stored batch; `resultsUrl` is absolute, as in the API. @internal */
export function batchObject(batch: StoredBatch, resultsUrl: string) {
  const count = (type: BatchResult['type']) => batch.results.filter((r) => r.result.type === type).length;
  return {
    id: batch.id,
    type: 'message_batch' as const,
    processing_status: 'ended' as const,
    request_counts: { processing: 0, succeeded: count('succeeded'), errored: count('errored'), canceled: 0, expired: 0 },
    created_at: batch.createdAt,
    ended_at: batch.createdAt,
    expires_at: new Date(Date.parse(batch.createdAt) + 86_400_000).toISOString(),
    archived_at: null,
    cancel_initiated_at: null,
    results_url: resultsUrl,
  };
}
