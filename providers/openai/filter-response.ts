import type { GuardedCall } from '../../src/guard/create-guard.js';
import type { StreamChannels } from '../internal/filtered-stream.js';

/**
 * Filters a parsed OpenAI reply in place: Chat Completions message content,
 * Responses output text, and tool calls against the tool policy.
 */
export function filterOpenAIResponse(data: any, call: GuardedCall): any {
  const out = call.output;
  if (data?.object === 'chat.completion' && Array.isArray(data.choices)) {
    for (const choice of data.choices) {
      const msg = choice?.message;
      if (!msg) continue;
      for (const field of ['content', 'refusal'] as const) {
        if (typeof msg[field] !== 'string') continue;
        const filtered = out.filter(msg[field]);
        // token log probabilities spell out the unfiltered text: they go with any change to it
        if (filtered !== msg[field] && Array.isArray(choice.logprobs?.[field])) choice.logprobs[field] = null;
        msg[field] = filtered;
      }
      // the transcript of an audio reply is filtered; the audio itself cannot be
      if (typeof msg.audio?.transcript === 'string') msg.audio.transcript = out.filter(msg.audio.transcript);
      if (Array.isArray(msg.tool_calls))
        for (const c of msg.tool_calls) if (c?.function?.name) out.checkToolCall(c.function.name, typeof c.function.arguments === 'string' ? c.function.arguments : undefined);
    }
  } else if (data?.object === 'response' && Array.isArray(data.output)) {
    filterResponsesOutput(data.output, call);
  } else if (data?.object === 'text_completion' && Array.isArray(data.choices)) {
    for (const choice of data.choices) if (typeof choice?.text === 'string') choice.text = out.filter(choice.text);
  } else if (data?.type === 'message' && data.role === 'assistant') {
    // A stored Responses output item read back from a list endpoint.
    filterResponsesOutput([data], call);
  } else if (data?.role === 'assistant' && typeof data.content === 'string') {
    // A stored chat completion message read back from a list endpoint.
    data.content = out.filter(data.content);
  }
  return data;
}

function isToolCallItem(item: any): item is { type: string; name: string; arguments?: string; input?: string } {
  return (item?.type === 'function_call' || item?.type === 'custom_tool_call') && typeof item.name === 'string';
}

function toolCallArguments(item: { arguments?: unknown; input?: unknown }): string | undefined {
  const args = item.arguments ?? item.input;
  return typeof args === 'string' ? args : undefined;
}

/** Text a stream already released for one channel of a Responses output item, if any. */
type Released = (kind: ResponsesTextKind, outputIndex: number, index: number) => string | undefined;
type ResponsesTextKind = 'text' | 'refusal' | 'summary' | 'reasoning';

function responsesKey(kind: ResponsesTextKind, outputIndex: unknown, index: unknown): string {
  return `${kind}:${outputIndex}:${index}`;
}

/**
 * Filters Responses output items in place: message text and refusals, reasoning
 * summaries and reasoning text, hosted tool output; checks tool calls against the tool policy.
 * `released` supplies what a stream already showed, so the final objects match it.
 */
function filterResponsesOutput(output: any[], call: GuardedCall, released?: Released, firstIndex = 0): void {
  const filter = (kind: ResponsesTextKind, i: number, j: number, text: string) => released?.(kind, i, j) ?? call.output.filter(text);
  output.forEach((item, n) => {
    const i = firstIndex + n;
    if (item?.type === 'message' && Array.isArray(item.content)) {
      item.content.forEach((part: any, j: number) => {
        if (part?.type === 'output_text' && typeof part.text === 'string') {
          const text = filter('text', i, j, part.text);
          // log probabilities spell out the unfiltered tokens (and a stream released other pieces than they describe)
          if (Array.isArray(part.logprobs) && (text !== part.text || (released && !call.output.passthrough))) part.logprobs = [];
          part.text = text;
        }
        else if (part?.type === 'refusal' && typeof part.refusal === 'string') part.refusal = filter('refusal', i, j, part.refusal);
      });
    } else if (item?.type === 'reasoning') {
      if (Array.isArray(item.summary))
        item.summary.forEach((part: any, j: number) => {
          if (typeof part?.text === 'string') part.text = filter('summary', i, j, part.text);
        });
      if (Array.isArray(item.content))
        item.content.forEach((part: any, j: number) => {
          if (typeof part?.text === 'string') part.text = filter('reasoning', i, j, part.text);
        });
    } else if (isToolCallItem(item)) {
      if (!released) call.output.checkToolCall(item.name, toolCallArguments(item));
    } else filterToolOutputItem(item, call);
  });
}

/**
 * Filters what hosted tools returned in place: code interpreter logs and MCP call output and
 * errors. These arrive whole (in `output_item.added` / `done` and the final response), so they
 * are filtered as one text each, with no hold-back.
 */
function filterToolOutputItem(item: any, call: GuardedCall): void {
  if (item?.type === 'code_interpreter_call' && Array.isArray(item.outputs)) {
    for (const o of item.outputs) if (o?.type === 'logs' && typeof o.logs === 'string') o.logs = call.output.filter(o.logs);
  } else if (item?.type === 'mcp_call') {
    for (const field of ['output', 'error'] as const) if (typeof item[field] === 'string') item[field] = call.output.filter(item[field]);
  }
}

/** Transforms one Chat Completions chunk, holding back text per choice. */
export function transformChatChunk(chunk: any, channels: StreamChannels, call: GuardedCall): any[] {
  if (!Array.isArray(chunk?.choices) || chunk.choices.length === 0) return [chunk];
  const before: any[] = [];
  for (const choice of chunk.choices) {
    const key = String(choice.index ?? 0);
    const delta = choice.delta;
    if (delta && typeof delta.content === 'string' && delta.content.length > 0) delta.content = channels.push(key, delta.content);
    if (delta && typeof delta.refusal === 'string' && delta.refusal.length > 0) delta.refusal = channels.push(`${key}:refusal`, delta.refusal);
    const audio = delta?.audio;
    if (audio && typeof audio.transcript === 'string' && audio.transcript.length > 0) audio.transcript = channels.push(`${key}:audio`, audio.transcript);
    // an audio part ends with a chunk that carries only its expiry: the held transcript goes out before it
    if (audio && audio.expires_at != null && audio.transcript == null && audio.data == null && audio.id == null) {
      const rest = channels.end(`${key}:audio`);
      if (rest) before.push(audioChunk(chunk, choice.index, rest));
    }
    // a chunk's log probabilities spell out its unfiltered tokens, while the text it now carries is what the
    // filter released: under output filtering they would leak what is redacted, so they are dropped
    if (choice.logprobs != null && !call.output.passthrough) choice.logprobs = null;
    if (Array.isArray(delta?.tool_calls))
      for (const c of delta.tool_calls) channels.toolDelta(`${key}:tool:${c?.index ?? 0}`, c?.function?.name, c?.function?.arguments);
    if (choice.finish_reason != null) {
      channels.completeToolCalls(`${key}:tool:`);
      for (const field of ['content', 'refusal'] as const) {
        const rest = channels.end(field === 'content' ? key : `${key}:refusal`);
        if (rest) before.push({ ...chunk, choices: [{ index: choice.index, delta: { [field]: rest }, finish_reason: null, logprobs: null }], usage: undefined });
      }
      const rest = channels.end(`${key}:audio`);
      if (rest) before.push(audioChunk(chunk, choice.index, rest));
    }
  }
  return [...before, chunk];
}

/** A chunk that releases held transcript text of one choice's audio. */
function audioChunk(template: any, index: unknown, transcript: string): any {
  return { ...template, choices: [{ index, delta: { audio: { transcript } }, finish_reason: null, logprobs: null }], usage: undefined };
}

/** Releases what Chat Completions channels still hold when the stream ends without a finish reason. */
export function flushChatChannels(channels: StreamChannels, template: { last?: any }): any[] {
  const out: any[] = [];
  channels.completeToolCalls();
  for (const key of channels.open()) {
    const rest = channels.end(key);
    const [index, field = 'content'] = key.split(':');
    if (!rest || !template.last) continue;
    if (field === 'audio') out.push(audioChunk(template.last, Number(index), rest));
    else out.push({ ...template.last, choices: [{ index: Number(index), delta: { [field]: rest }, finish_reason: null, logprobs: null }], usage: undefined });
  }
  return out;
}

/** Transforms one Responses stream event, holding back output text per (item, part). */
export function transformResponsesEvent(event: any, channels: StreamChannels, call: GuardedCall): any[] {
  channels.keepReleased = true;
  const o = event?.output_index;
  const released: Released = (kind, i, j) => channels.released(responsesKey(kind, i, j));
  const delta = (kind: ResponsesTextKind, index: unknown) => {
    event.delta = channels.push(responsesKey(kind, o, index), event.delta ?? '');
    return event.delta ? [event] : [];
  };
  // A `*.done` event: emit what the channel still holds as one more delta, then the done
  // event carrying exactly the text that was released.
  const done = (kind: ResponsesTextKind, index: unknown, deltaType: string, field: 'text' | 'refusal', extra: Record<string, unknown> = {}) => {
    const key = responsesKey(kind, o, index);
    const rest = channels.end(key);
    const out = rest ? [{ ...event, type: deltaType, delta: rest, [field]: undefined, ...extra }] : [];
    event[field] = channels.released(key) ?? '';
    return [...out, event];
  };
  // under output filtering, streamed log probabilities would spell out held and redacted tokens
  const dropLogprobs = (x: any) => {
    if (Array.isArray(x?.logprobs) && !call.output.passthrough) x.logprobs = [];
  };
  switch (event?.type) {
    case 'response.output_text.delta':
      dropLogprobs(event);
      return delta('text', event.content_index);
    case 'response.output_text.done':
      dropLogprobs(event);
      return done('text', event.content_index, 'response.output_text.delta', 'text', { logprobs: [] });
    case 'response.refusal.delta':
      return delta('refusal', event.content_index);
    case 'response.refusal.done':
      return done('refusal', event.content_index, 'response.refusal.delta', 'refusal');
    case 'response.reasoning_summary_text.delta':
      return delta('summary', event.summary_index);
    case 'response.reasoning_summary_text.done':
      return done('summary', event.summary_index, 'response.reasoning_summary_text.delta', 'text');
    case 'response.reasoning_text.delta':
      return delta('reasoning', event.content_index);
    case 'response.reasoning_text.done':
      return done('reasoning', event.content_index, 'response.reasoning_text.delta', 'text');
    case 'response.content_part.done': {
      const part = event.part;
      if (part?.type === 'output_text' && typeof part.text === 'string') {
        dropLogprobs(part);
        part.text = released('text', o, event.content_index) ?? call.output.filter(part.text);
      }
      else if (part?.type === 'refusal' && typeof part.refusal === 'string') part.refusal = released('refusal', o, event.content_index) ?? call.output.filter(part.refusal);
      else if (part?.type === 'reasoning_text' && typeof part.text === 'string') part.text = released('reasoning', o, event.content_index) ?? call.output.filter(part.text);
      return [event];
    }
    case 'response.reasoning_summary_part.done':
      if (typeof event.part?.text === 'string') event.part.text = released('summary', o, event.summary_index) ?? call.output.filter(event.part.text);
      return [event];
    case 'response.output_item.added':
      if (isToolCallItem(event.item)) call.output.checkToolCall(event.item.name);
      else filterToolOutputItem(event.item, call);
      return [event];
    case 'response.output_item.done':
      if (event.item) filterResponsesOutput([event.item], call, released, typeof o === 'number' ? o : 0);
      if (isToolCallItem(event.item)) call.output.checkToolCall(event.item.name, toolCallArguments(event.item));
      return [event];
    case 'response.completed':
    case 'response.incomplete':
    case 'response.failed':
      if (Array.isArray(event.response?.output)) filterResponsesOutput(event.response.output, call, released);
      return [event];
    default:
      return [event];
  }
}
