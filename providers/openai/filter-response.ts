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
      if (typeof msg.content === 'string') msg.content = out.filter(msg.content);
      if (Array.isArray(msg.tool_calls)) for (const c of msg.tool_calls) if (c?.function?.name) out.checkToolCall(c.function.name);
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

function filterResponsesOutput(output: any[], call: GuardedCall, channels?: StreamChannels): void {
  output.forEach((item, i) => {
    if (item?.type === 'message' && Array.isArray(item.content)) {
      item.content.forEach((part: any, j: number) => {
        if (part?.type !== 'output_text' || typeof part.text !== 'string') return;
        const released = channels?.released(`${i}:${j}`);
        part.text = released ?? call.output.filter(part.text);
      });
    } else if ((item?.type === 'function_call' || item?.type === 'custom_tool_call') && typeof item.name === 'string') {
      if (!channels) call.output.checkToolCall(item.name);
    }
  });
}

/** Transforms one Chat Completions chunk, holding back text per choice. */
export function transformChatChunk(chunk: any, channels: StreamChannels, call: GuardedCall): any[] {
  if (!Array.isArray(chunk?.choices) || chunk.choices.length === 0) return [chunk];
  const before: any[] = [];
  for (const choice of chunk.choices) {
    const key = String(choice.index ?? 0);
    const delta = choice.delta;
    if (delta && typeof delta.content === 'string' && delta.content.length > 0) delta.content = channels.push(key, delta.content);
    if (Array.isArray(delta?.tool_calls)) for (const c of delta.tool_calls) if (c?.function?.name) call.output.checkToolCall(c.function.name);
    if (choice.finish_reason != null) {
      const rest = channels.end(key);
      if (rest) before.push({ ...chunk, choices: [{ index: choice.index, delta: { content: rest }, finish_reason: null, logprobs: null }], usage: undefined });
    }
  }
  return [...before, chunk];
}

/** Releases what Chat Completions channels still hold when the stream ends without a finish reason. */
export function flushChatChannels(channels: StreamChannels, template: { last?: any }): any[] {
  const out: any[] = [];
  for (const key of channels.open()) {
    const rest = channels.end(key);
    if (rest && template.last) out.push({ ...template.last, choices: [{ index: Number(key), delta: { content: rest }, finish_reason: null, logprobs: null }], usage: undefined });
  }
  return out;
}

/** Transforms one Responses stream event, holding back output text per (item, part). */
export function transformResponsesEvent(event: any, channels: StreamChannels, call: GuardedCall): any[] {
  channels.keepReleased = true;
  const key = `${event?.output_index}:${event?.content_index}`;
  switch (event?.type) {
    case 'response.output_text.delta':
      event.delta = channels.push(key, event.delta ?? '');
      return event.delta ? [event] : [];
    case 'response.output_text.done': {
      const rest = channels.end(key);
      const extra = rest ? [{ ...event, type: 'response.output_text.delta', delta: rest, text: undefined, logprobs: [] }] : [];
      event.text = channels.released(key) ?? '';
      return [...extra, event];
    }
    case 'response.content_part.done':
      if (event.part?.type === 'output_text') event.part.text = channels.released(key) ?? call.output.filter(event.part.text ?? '');
      return [event];
    case 'response.output_item.added':
      if ((event.item?.type === 'function_call' || event.item?.type === 'custom_tool_call') && typeof event.item.name === 'string') call.output.checkToolCall(event.item.name);
      return [event];
    case 'response.output_item.done':
      if (event.item) filterResponsesOutput([event.item], call, prefixed(channels, event.output_index));
      return [event];
    case 'response.completed':
    case 'response.incomplete':
    case 'response.failed':
      if (Array.isArray(event.response?.output)) filterResponsesOutput(event.response.output, call, channels);
      return [event];
    default:
      return [event];
  }
}

function prefixed(channels: StreamChannels, outputIndex: number): StreamChannels {
  return { released: (k: string) => channels.released(`${outputIndex}:${k.split(':')[1]}`) } as StreamChannels;
}
