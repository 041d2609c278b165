/**
 * Anthropic Messages wire format (`message` object and its stream events).
 *
 * @internal
 */
import { anthropicErrorBody, estimateInputTokens, estimateOutputTokens, makeId, type ResolvedReply } from './reply-utils.js';
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

/** A complete `message` object. @internal */
export function messageObject(ctx: MessagesContext) {
  const ids = toolIds(ctx);
  const { input, output } = tokens(ctx);
  const content: Record<string, unknown>[] = [];
  if (ctx.resolved.text !== null) content.push({ type: 'text', text: ctx.resolved.text, citations: null });
  ctx.resolved.toolCalls.forEach((t, i) => content.push({ type: 'tool_use', id: ids[i], name: t.name, input: parseInput(t.arguments), caller: { type: 'direct' } }));
  return { ...envelope(ctx, makeId('msg_01', 12)), content, stop_reason: stopReasonOf(ctx), usage: usage(input, output) };
}

/**
 * The stream events of a reply: `message_start`, per block `content_block_start`
 * (`ping` after the first), `content_block_delta` (`text_delta` / `input_json_delta`),
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
  if (ctx.resolved.text !== null) {
    ev('content_block_start', { index, content_block: { type: 'text', text: '', citations: null } });
    pingOnce();
    for (const d of ctx.resolved.textDeltas) ev('content_block_delta', { index, delta: { type: 'text_delta', text: d } }, true);
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
