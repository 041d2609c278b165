import type { Origin } from '../../src/scan/types.js';
import type { ExtractedRequest, TextSegment } from '../../src/guard/types.js';
import type { JsonPath } from '../../src/guard/json-path.js';
import { collectUnknown, isJsonBody } from '../internal/extract-helpers.js';

/**
 * Extracts every piece of text the model will see from an Anthropic request
 * body (Messages, count_tokens, Message Batches, legacy Completions), tagged
 * with its origin; other JSON bodies are scanned as unknown text.
 */
export function extractAnthropicRequest(path: string, body: unknown): ExtractedRequest {
  const out: ExtractedRequest = { segments: [], toolNames: [], systemText: '', stream: false, unmetered: true };
  if (!isJsonBody(body)) return out;
  const route = path.split('?')[0]!.replace(/\/+$/, '');
  if (typeof body.metadata?.user_id === 'string' && body.metadata.user_id) out.endUser = body.metadata.user_id;
  if (typeof body.max_tokens === 'number' && Number.isFinite(body.max_tokens) && body.max_tokens > 0) out.maxOutputTokens = body.max_tokens;
  // Only generation calls count against rate limits; token counting and batches do not.
  out.unmetered = !(route.endsWith('/messages') || route.endsWith('/complete'));
  if (route.endsWith('/messages/batches') && Array.isArray(body.requests)) {
    body.requests.forEach((r: any, k: number) => {
      if (!isJsonBody(r?.params)) return;
      const first = out.segments.length;
      messagesBody(r.params, ['requests', k, 'params'], out, k);
      // each request is its own conversation: text of two requests is never scanned as one
      for (let i = first; i < out.segments.length; i++) out.segments[i]!.conversation = k;
    });
    out.model = body.requests[0]?.params?.model;
  } else if (route.endsWith('/messages') || route.endsWith('/messages/count_tokens')) {
    messagesBody(body, [], out);
    out.model = typeof body.model === 'string' ? body.model : undefined;
    out.stream = body.stream === true;
  } else if (route.endsWith('/complete')) {
    if (typeof body.prompt === 'string') out.segments.push({ text: body.prompt, origin: 'user', path: ['prompt'], messageIndex: 0 });
    out.model = body.model;
    out.stream = body.stream === true;
  } else {
    const { model: _m, stream: _s, ...rest } = body;
    collectUnknown(rest, 'unknown', [], out.segments);
  }
  out.systemText = out.segments
    .filter((s) => s.origin === 'system')
    .map((s) => s.text)
    .join('\n');
  return out;
}

function messagesBody(body: Record<string, any>, base: JsonPath, out: ExtractedRequest, batchIndex?: number): void {
  const segs = out.segments;
  if (typeof body.system === 'string') segs.push({ text: body.system, origin: 'system', path: [...base, 'system'] });
  else if (Array.isArray(body.system)) blocks(body.system, 'system', [...base, 'system'], segs, undefined);
  if (Array.isArray(body.messages)) {
    body.messages.forEach((m: any, i: number) => {
      const origin: Origin = m?.role === 'assistant' ? 'assistant' : m?.role === 'user' ? 'user' : 'unknown';
      const idx = batchIndex ?? i;
      const path = [...base, 'messages', i, 'content'];
      if (typeof m?.content === 'string') segs.push({ text: m.content, origin, path, messageIndex: idx });
      else if (Array.isArray(m?.content)) blocks(m.content, origin, path, segs, idx);
      else if (m?.content != null) collectUnknown(m.content, origin, path, segs, idx);
    });
  }
  if (Array.isArray(body.tools)) {
    body.tools.forEach((t: any, i: number) => {
      if (typeof t?.name === 'string') out.toolNames.push(t.name);
      if (typeof t?.description === 'string') segs.push({ text: t.description, origin: 'tool_definition', path: [...base, 'tools', i, 'description'] });
    });
  }
}

function blocks(list: any[], origin: Origin, path: JsonPath, segs: TextSegment[], i: number | undefined): void {
  list.forEach((b: any, j: number) => {
    const p = [...path, j];
    switch (b?.type) {
      case 'text':
        if (typeof b.text === 'string') segs.push({ text: b.text, origin, path: [...p, 'text'], messageIndex: i });
        return;
      case 'tool_result':
        if (typeof b.content === 'string') segs.push({ text: b.content, origin: 'tool', path: [...p, 'content'], messageIndex: i });
        else if (Array.isArray(b.content)) blocks(b.content, 'tool', [...p, 'content'], segs, i);
        return;
      case 'document': {
        const src = b.source;
        if (src?.type === 'text' && typeof src.data === 'string') segs.push({ text: src.data, origin: 'document', path: [...p, 'source', 'data'], messageIndex: i });
        else if (src?.type === 'content') {
          if (typeof src.content === 'string') segs.push({ text: src.content, origin: 'document', path: [...p, 'source', 'content'], messageIndex: i });
          else if (Array.isArray(src.content)) blocks(src.content, 'document', [...p, 'source', 'content'], segs, i);
        }
        if (typeof b.context === 'string') segs.push({ text: b.context, origin: 'document', path: [...p, 'context'], messageIndex: i });
        if (typeof b.title === 'string') segs.push({ text: b.title, origin: 'document', path: [...p, 'title'], messageIndex: i });
        return;
      }
      case 'search_result':
        if (Array.isArray(b.content)) blocks(b.content, 'document', [...p, 'content'], segs, i);
        return;
      case 'tool_use':
      case 'server_tool_use':
        collectUnknown(b.input, 'assistant', [...p, 'input'], segs, i);
        return;
      case 'image':
      case 'thinking':
      case 'redacted_thinking':
      case 'container_upload':
        return;
      default:
        collectUnknown(b, origin, p, segs, i);
    }
  });
}
