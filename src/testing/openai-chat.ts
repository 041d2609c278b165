/**
 * OpenAI Chat Completions wire format (`chat.completion` and `chat.completion.chunk`).
 *
 * @internal
 */
import { estimateInputTokens, estimateOutputTokens, makeId, nowSeconds, openaiErrorBody, tokenLogprobEntries, type ResolvedReply } from './reply-utils.js';
import type { StreamPlan, SseStep } from './sse.js';
import type { FakeReply } from './types.js';

/** Context shared by the JSON and streaming renderings of one reply. @internal */
export interface ChatContext {
  body: Record<string, unknown>;
  reply: FakeReply;
  resolved: ResolvedReply;
}

function usageOf(ctx: ChatContext) {
  const prompt = ctx.reply.usage?.inputTokens ?? estimateInputTokens(ctx.body);
  const completion = ctx.reply.usage?.outputTokens ?? estimateOutputTokens(ctx.resolved);
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

function finishReasonOf(ctx: ChatContext): string {
  return ctx.reply.finishReason ?? (ctx.resolved.toolCalls.length > 0 ? 'tool_calls' : 'stop');
}

function modelOf(ctx: ChatContext): string {
  return typeof ctx.body.model === 'string' ? ctx.body.model : 'fake-model';
}

/** Tool call ids are generated once per reply so JSON and stream agree. @internal */
export function withToolCallIds(resolved: ResolvedReply): ResolvedReply {
  return { ...resolved, toolCalls: resolved.toolCalls.map((t) => ({ ...t, id: t.id ?? makeId('call_', 12) })) };
}

/** Token log probabilities for `pieces` (one token a piece) when the request asks for `logprobs`. */
function tokenLogprobs(ctx: ChatContext, pieces: readonly string[]): { content: unknown[]; refusal: null } | null {
  return ctx.body.logprobs === true ? { content: tokenLogprobEntries(pieces), refusal: null } : null;
}

/** Placeholder audio bytes: the fake speaks no audio, but the field has the API's shape (base64). */
const FAKE_AUDIO_DATA = Buffer.from('RIFF fake audio').toString('base64');

/** Audio id and expiry, made once per reply so JSON and stream agree. @internal */
export function withAudioIds(ctx: ChatContext): { id: string; expires_at: number } | undefined {
  return ctx.resolved.audioTranscript === null ? undefined : { id: makeId('audio_', 12), expires_at: nowSeconds() + 3600 };
}

/** A complete `chat.completion` object. @internal */
export function chatCompletion(ctx: ChatContext, id = makeId('chatcmpl-'), created = nowSeconds(), audio = withAudioIds(ctx)) {
  const { text, toolCalls, refusal } = ctx.resolved;
  const message: Record<string, unknown> = { role: 'assistant', content: text, refusal, annotations: [] };
  if (audio) message.audio = { ...audio, data: FAKE_AUDIO_DATA, transcript: ctx.resolved.audioTranscript };
  if (toolCalls.length > 0) {
    message.tool_calls = toolCalls.map((t) => ({ id: t.id!, type: 'function', function: { name: t.name, arguments: t.arguments } }));
  }
  return {
    id,
    object: 'chat.completion' as const,
    created,
    model: modelOf(ctx),
    choices: [{ index: 0, message, finish_reason: finishReasonOf(ctx), logprobs: typeof text === 'string' ? tokenLogprobs(ctx, ctx.resolved.textDeltas) : null }],
    usage: usageOf(ctx),
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
  };
}

/**
 * The `chat.completion.chunk` events of a streamed reply, plus the equivalent complete
 * completion (stored for the list endpoint).
 *
 * @internal
 */
export function chatCompletionStream(ctx: ChatContext): { plan: StreamPlan; completion: ReturnType<typeof chatCompletion> } {
  const id = makeId('chatcmpl-');
  const created = nowSeconds();
  const model = modelOf(ctx);
  const includeUsage = (ctx.body.stream_options as { include_usage?: unknown } | undefined)?.include_usage === true;
  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model,
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
    choices,
    ...(includeUsage ? { usage: null } : {}),
    ...extra,
  });
  const choice = (delta: Record<string, unknown>, finish_reason: string | null = null) => ({ index: 0, delta, logprobs: null, finish_reason });

  const steps: SseStep[] = [{ data: chunk([choice({ role: 'assistant', content: '', refusal: null })]) }];
  const bodyStart = steps.length;
  for (const d of ctx.resolved.textDeltas) steps.push({ data: chunk([{ ...choice({ content: d }), logprobs: tokenLogprobs(ctx, [d]) }]), delta: true });
  for (const d of ctx.resolved.refusalDeltas) steps.push({ data: chunk([choice({ refusal: d })]), delta: true });
  const audio = withAudioIds(ctx);
  if (audio) {
    ctx.resolved.audioDeltas.forEach((d, i) => steps.push({ data: chunk([choice({ audio: i === 0 ? { id: audio.id, transcript: d } : { transcript: d } })]), delta: true }));
    steps.push({ data: chunk([choice({ audio: { data: FAKE_AUDIO_DATA } })]) });
    // the API closes an audio part with a chunk that carries only its expiry
    steps.push({ data: chunk([choice({ audio: { expires_at: audio.expires_at } })]) });
  }
  ctx.resolved.toolCalls.forEach((t, index) => {
    steps.push({ data: chunk([choice({ tool_calls: [{ index, id: t.id!, type: 'function', function: { name: t.name, arguments: '' } }] })]) });
    for (const a of t.argumentDeltas) steps.push({ data: chunk([choice({ tool_calls: [{ index, function: { arguments: a } }] })]), delta: true });
  });
  steps.push({ data: chunk([choice({}, finishReasonOf(ctx))]) });
  if (includeUsage) steps.push({ data: chunk([], { usage: usageOf(ctx) }) });

  return {
    plan: {
      steps,
      bodyStart,
      done: true,
      errorStep: () => ({ data: openaiErrorBody(500, ctx.reply.error ?? { type: 'server_error', message: 'The fake provider failed mid-stream.' }) }),
    },
    completion: chatCompletion(ctx, id, created, audio),
  };
}
