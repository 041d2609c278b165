/**
 * OpenAI Responses API wire format (`response` object and its typed stream events).
 *
 * @internal
 */
import { estimateInputTokens, estimateOutputTokens, makeId, nowSeconds, tokenLogprobEntries, type ResolvedReply } from './reply-utils.js';
import type { SseStep, StreamPlan } from './sse.js';
import type { FakeReply } from './types.js';

/** Context of one Responses reply. @internal */
export interface ResponsesContext {
  body: Record<string, unknown>;
  reply: FakeReply;
  resolved: ResolvedReply;
}

const INCOMPLETE = new Set(['length', 'max_tokens', 'max_output_tokens']);

interface OutputItemIds {
  messageId: string;
  reasoningId: string;
  tools: { itemId: string; callId: string }[];
}

/** Token log probabilities, one token a piece, when the request includes `message.output_text.logprobs`. */
function tokenLogprobs(ctx: ResponsesContext, pieces: readonly string[]): unknown[] {
  const include = ctx.body.include;
  if (!Array.isArray(include) || !include.includes('message.output_text.logprobs')) return [];
  return tokenLogprobEntries(pieces);
}

function outputItems(ctx: ResponsesContext, ids: OutputItemIds, status: 'completed' | 'incomplete') {
  // copied so a client editing its reply never edits the script
  const items: Record<string, unknown>[] = (ctx.reply.responsesItems ?? []).map((item) => structuredClone(item));
  if (ctx.resolved.reasoningSummary !== null) {
    items.push({ id: ids.reasoningId, type: 'reasoning', summary: [{ type: 'summary_text', text: ctx.resolved.reasoningSummary }] });
  }
  if (ctx.resolved.text !== null || ctx.resolved.refusal !== null) {
    items.push({
      id: ids.messageId,
      type: 'message',
      status,
      role: 'assistant',
      content:
        ctx.resolved.refusal !== null
          ? [{ type: 'refusal', refusal: ctx.resolved.refusal }]
          : [{ type: 'output_text', text: ctx.resolved.text, annotations: [], logprobs: tokenLogprobs(ctx, ctx.resolved.textDeltas) }],
    });
  }
  ctx.resolved.toolCalls.forEach((t, i) => {
    items.push({ id: ids.tools[i]!.itemId, type: 'function_call', status: 'completed', arguments: t.arguments, call_id: ids.tools[i]!.callId, name: t.name });
  });
  return items;
}

function baseResponse(ctx: ResponsesContext, id: string, createdAt: number) {
  const b = ctx.body;
  return {
    id,
    object: 'response' as const,
    created_at: createdAt,
    background: false,
    error: null,
    incomplete_details: null as null | { reason: string },
    instructions: b.instructions ?? null,
    max_output_tokens: b.max_output_tokens ?? null,
    metadata: b.metadata ?? {},
    model: typeof b.model === 'string' ? b.model : 'fake-model',
    output: [] as Record<string, unknown>[],
    parallel_tool_calls: b.parallel_tool_calls ?? true,
    previous_response_id: b.previous_response_id ?? null,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    store: b.store ?? true,
    temperature: b.temperature ?? 1,
    text: b.text ?? { format: { type: 'text' } },
    tool_choice: b.tool_choice ?? 'auto',
    tools: b.tools ?? [],
    top_p: b.top_p ?? 1,
    truncation: b.truncation ?? 'disabled',
    usage: null as null | Record<string, unknown>,
    user: b.user ?? null,
    status: 'in_progress' as string,
    completed_at: null as number | null,
  };
}

function finalResponse(ctx: ResponsesContext, id: string, createdAt: number, ids: OutputItemIds) {
  const incomplete = ctx.reply.finishReason !== undefined && INCOMPLETE.has(ctx.reply.finishReason);
  const status = incomplete ? 'incomplete' : 'completed';
  const input = ctx.reply.usage?.inputTokens ?? estimateInputTokens(ctx.body);
  const output = ctx.reply.usage?.outputTokens ?? estimateOutputTokens(ctx.resolved);
  return {
    ...baseResponse(ctx, id, createdAt),
    status,
    completed_at: incomplete ? null : nowSeconds(),
    incomplete_details: incomplete ? { reason: 'max_output_tokens' } : null,
    output: outputItems(ctx, ids, status),
    usage: {
      input_tokens: input,
      input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
      output_tokens: output,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: input + output,
    },
  };
}

function newIds(ctx: ResponsesContext): OutputItemIds {
  return {
    messageId: makeId('msg_', 24),
    reasoningId: makeId('rs_', 24),
    tools: ctx.resolved.toolCalls.map((t) => ({ itemId: makeId('fc_', 24), callId: t.id ?? makeId('call_', 12) })),
  };
}

/** A complete `response` object (the SDK adds `output_text`). @internal */
export function responseObject(ctx: ResponsesContext) {
  return finalResponse(ctx, makeId('resp_', 24), nowSeconds(), newIds(ctx));
}

/**
 * The full typed event sequence of a streamed response: `response.created`,
 * `response.in_progress`, per output item `output_item.added` … `output_item.done`
 * (message items with `content_part.*` and `output_text.*`, function calls with
 * `function_call_arguments.*`), then `response.completed` (or `response.incomplete`).
 *
 * @internal
 */
export function responseStream(ctx: ResponsesContext): StreamPlan {
  const id = makeId('resp_', 24);
  const createdAt = nowSeconds();
  const ids = newIds(ctx);
  const final = finalResponse(ctx, id, createdAt, ids);
  const finalItems = final.output;
  let seq = 0;
  const steps: SseStep[] = [];
  const ev = (type: string, payload: Record<string, unknown>, delta = false) => {
    steps.push({ event: type, data: { type, ...payload, sequence_number: seq++ }, delta });
  };
  const start = baseResponse(ctx, id, createdAt);
  ev('response.created', { response: start });
  ev('response.in_progress', { response: start });
  const bodyStart = steps.length;

  let outputIndex = 0;
  for (const _ of ctx.reply.responsesItems ?? []) {
    const output_index = outputIndex++;
    const item = finalItems[output_index]!;
    ev('response.output_item.added', { output_index, item: { ...structuredClone(item), status: 'in_progress' } });
    ev('response.output_item.done', { output_index, item });
  }
  if (ctx.resolved.reasoningSummary !== null) {
    const item_id = ids.reasoningId;
    const output_index = outputIndex++;
    const summary = ctx.resolved.reasoningSummary;
    ev('response.output_item.added', { output_index, item: { id: item_id, type: 'reasoning', summary: [] } });
    ev('response.reasoning_summary_part.added', { item_id, output_index, summary_index: 0, part: { type: 'summary_text', text: '' } });
    for (const d of ctx.resolved.reasoningDeltas) ev('response.reasoning_summary_text.delta', { item_id, output_index, summary_index: 0, delta: d }, true);
    ev('response.reasoning_summary_text.done', { item_id, output_index, summary_index: 0, text: summary });
    ev('response.reasoning_summary_part.done', { item_id, output_index, summary_index: 0, part: { type: 'summary_text', text: summary } });
    ev('response.output_item.done', { output_index, item: finalItems[output_index] });
  }
  if (ctx.resolved.refusal !== null) {
    const item_id = ids.messageId;
    const output_index = outputIndex++;
    const refusal = ctx.resolved.refusal;
    ev('response.output_item.added', { output_index, item: { id: item_id, type: 'message', status: 'in_progress', role: 'assistant', content: [] } });
    ev('response.content_part.added', { item_id, output_index, content_index: 0, part: { type: 'refusal', refusal: '' } });
    for (const d of ctx.resolved.refusalDeltas) ev('response.refusal.delta', { item_id, output_index, content_index: 0, delta: d }, true);
    ev('response.refusal.done', { item_id, output_index, content_index: 0, refusal });
    ev('response.content_part.done', { item_id, output_index, content_index: 0, part: { type: 'refusal', refusal } });
    ev('response.output_item.done', { output_index, item: finalItems[output_index] });
  } else if (ctx.resolved.text !== null) {
    const item_id = ids.messageId;
    const output_index = outputIndex++;
    const part = (text: string) => ({ type: 'output_text', text, annotations: [], logprobs: [] });
    ev('response.output_item.added', { output_index, item: { id: item_id, type: 'message', status: 'in_progress', role: 'assistant', content: [] } });
    ev('response.content_part.added', { item_id, output_index, content_index: 0, part: part('') });
    for (const d of ctx.resolved.textDeltas) ev('response.output_text.delta', { item_id, output_index, content_index: 0, delta: d, logprobs: tokenLogprobs(ctx, [d]) }, true);
    const all = tokenLogprobs(ctx, ctx.resolved.textDeltas);
    ev('response.output_text.done', { item_id, output_index, content_index: 0, text: ctx.resolved.text, logprobs: all });
    ev('response.content_part.done', { item_id, output_index, content_index: 0, part: { ...part(ctx.resolved.text), logprobs: all } });
    ev('response.output_item.done', { output_index, item: finalItems[output_index] });
  }
  ctx.resolved.toolCalls.forEach((t, i) => {
    const output_index = outputIndex++;
    const { itemId: item_id, callId: call_id } = ids.tools[i]!;
    ev('response.output_item.added', {
      output_index,
      item: { id: item_id, type: 'function_call', status: 'in_progress', arguments: '', call_id, name: t.name },
    });
    for (const a of t.argumentDeltas) ev('response.function_call_arguments.delta', { item_id, output_index, delta: a }, true);
    ev('response.function_call_arguments.done', { item_id, output_index, name: t.name, arguments: t.arguments });
    ev('response.output_item.done', { output_index, item: finalItems[output_index] });
  });
  ev(final.status === 'incomplete' ? 'response.incomplete' : 'response.completed', { response: final });

  return {
    steps,
    bodyStart,
    errorStep: () => {
      const message = ctx.reply.error?.message ?? 'The fake provider failed mid-stream.';
      const code = ctx.reply.error?.code ?? ctx.reply.error?.type ?? 'server_error';
      return {
        event: 'error',
        data: {
          type: 'error',
          code,
          message,
          param: null,
          sequence_number: seq++,
          // The `error` member makes the SDK's SSE decoder raise an APIError.
          error: { message, type: ctx.reply.error?.type ?? 'server_error', param: null, code: ctx.reply.error?.code ?? null },
        },
      };
    },
  };
}
