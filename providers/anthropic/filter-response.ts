import type { GuardedCall } from '../../src/guard/create-guard.js';
import type { StreamChannels } from '../internal/filtered-stream.js';

/** Filters a parsed Anthropic message in place: text blocks, and tool calls against the tool policy. */
export function filterAnthropicResponse(data: any, call: GuardedCall): any {
  if (data?.type === 'message' && Array.isArray(data.content)) {
    for (const block of data.content) {
      if (block?.type === 'text' && typeof block.text === 'string') block.text = call.output.filter(block.text);
      else if ((block?.type === 'tool_use' || block?.type === 'server_tool_use') && typeof block.name === 'string')
        call.output.checkToolCall(block.name, JSON.stringify(block.input ?? {}));
    }
  } else if (data?.type === 'completion' && typeof data.completion === 'string') {
    data.completion = call.output.filter(data.completion);
  }
  return data;
}

/** Transforms one Messages stream event, holding back text per content block. */
export function transformAnthropicEvent(event: any, channels: StreamChannels, call: GuardedCall): any[] {
  switch (event?.type) {
    case 'content_block_start':
      if ((event.content_block?.type === 'tool_use' || event.content_block?.type === 'server_tool_use') && typeof event.content_block.name === 'string')
        channels.toolDelta(`tool:${event.index}:`, event.content_block.name, undefined);
      return [event];
    case 'content_block_delta':
      if (event.delta?.type === 'text_delta' && typeof event.delta.text === 'string') {
        event.delta.text = channels.push(String(event.index), event.delta.text);
        return event.delta.text ? [event] : [];
      }
      if (event.delta?.type === 'input_json_delta' && typeof event.delta.partial_json === 'string') channels.toolDelta(`tool:${event.index}:`, undefined, event.delta.partial_json);
      return [event];
    case 'content_block_stop': {
      channels.completeToolCalls(`tool:${event.index}:`, '{}');
      const rest = channels.end(String(event.index));
      return rest ? [{ type: 'content_block_delta', index: event.index, delta: { type: 'text_delta', text: rest } }, event] : [event];
    }
    default:
      return [event];
  }
}

/** Releases what content-block channels still hold when the stream ends early. */
export function flushAnthropicChannels(channels: StreamChannels): any[] {
  channels.completeToolCalls('', '{}');
  const out: any[] = [];
  for (const key of channels.open()) {
    const rest = channels.end(key);
    if (rest) out.push({ type: 'content_block_delta', index: Number(key), delta: { type: 'text_delta', text: rest } });
  }
  return out;
}
