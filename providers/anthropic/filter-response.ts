import type { GuardedCall } from '../../src/guard/create-guard.js';
import type { StreamChannels } from '../internal/filtered-stream.js';

/**
 * Fields of server tool results that hold readable text: program output, file views and edits,
 * fetched documents, page titles, MCP results. Everything else (ids, urls, encrypted content,
 * base64 data, codes) passes unchanged.
 */
const RESULT_TEXT_KEYS = new Set(['stdout', 'stderr', 'content', 'text', 'title', 'lines', 'cited_text']);

/**
 * Filters the readable strings of a server tool result block in place (`code_execution_tool_result`,
 * `bash_code_execution_tool_result`, `text_editor_code_execution_tool_result`, `web_fetch_tool_result`,
 * `web_search_tool_result`, `mcp_tool_result`, ...): the model saw these and the caller gets them
 * as part of the reply, so they pass the same output filter as the reply text.
 */
function filterToolResult(node: any, filter: (text: string) => string): void {
  if (Array.isArray(node)) {
    for (const v of node) filterToolResult(v, filter);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const key of Object.keys(node)) {
    const v = node[key];
    // a document source's `data` is text only in a plain-text source (otherwise base64)
    const textual = RESULT_TEXT_KEYS.has(key) || (key === 'data' && node.type === 'text');
    if (typeof v === 'string') {
      if (textual) node[key] = filter(v);
    } else if (Array.isArray(v) && key === 'lines') {
      node[key] = v.map((line) => (typeof line === 'string' ? filter(line) : line));
    } else if (v && typeof v === 'object') filterToolResult(v, filter);
  }
}

const isToolResultBlock = (block: any): boolean => typeof block?.type === 'string' && block.type.endsWith('_tool_result');

/** Filters a citation's quoted document text in place. */
function filterCitation(citation: any, call: GuardedCall): void {
  if (typeof citation?.cited_text === 'string') citation.cited_text = call.output.filter(citation.cited_text);
}

/**
 * Filters a parsed Anthropic message in place: text blocks and their citations' quoted text,
 * server tool results, and tool calls against the tool policy. `thinking` blocks pass unchanged:
 * their signature covers the text, and a changed block is refused when sent back.
 */
export function filterAnthropicResponse(data: any, call: GuardedCall): any {
  if (data?.type === 'message' && Array.isArray(data.content)) {
    for (const block of data.content) {
      if (block?.type === 'text' && typeof block.text === 'string') {
        block.text = call.output.filter(block.text);
        if (Array.isArray(block.citations)) for (const c of block.citations) filterCitation(c, call);
      } else if ((block?.type === 'tool_use' || block?.type === 'server_tool_use') && typeof block.name === 'string')
        call.output.checkToolCall(block.name, JSON.stringify(block.input ?? {}));
      else if (isToolResultBlock(block)) filterToolResult(block, (text) => call.output.filter(text));
    }
  } else if (data?.type === 'completion' && typeof data.completion === 'string') {
    data.completion = call.output.filter(data.completion);
  }
  return data;
}

/** Transforms one Messages stream event, holding back text per content block. */
export function transformAnthropicEvent(event: any, channels: StreamChannels, call: GuardedCall): any[] {
  switch (event?.type) {
    case 'content_block_start': {
      const block = event.content_block;
      if ((block?.type === 'tool_use' || block?.type === 'server_tool_use') && typeof block.name === 'string')
        channels.toolDelta(`tool:${event.index}:`, block.name, undefined);
      // server tool results arrive whole here, with no deltas after them
      else if (isToolResultBlock(block)) filterToolResult(block, (text) => call.output.filter(text));
      return [event];
    }
    case 'content_block_delta':
      if (event.delta?.type === 'text_delta' && typeof event.delta.text === 'string') {
        event.delta.text = channels.push(String(event.index), event.delta.text);
        return event.delta.text ? [event] : [];
      }
      // each citation arrives whole in one delta
      if (event.delta?.type === 'citations_delta') filterCitation(event.delta.citation, call);
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
