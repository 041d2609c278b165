import type { Origin } from '../../src/scan/types.js';
import type { ExtractedRequest, TextSegment } from '../../src/guard/types.js';
import type { JsonPath } from '../../src/guard/json-path.js';
import { collectUnknown, isJsonBody } from '../internal/extract-helpers.js';

const ROLE_ORIGIN: Record<string, Origin> = {
  system: 'system',
  developer: 'developer',
  user: 'user',
  assistant: 'assistant',
  tool: 'tool',
  function: 'tool',
};

/**
 * Extracts every piece of text the model will see from an OpenAI request body,
 * tagged with its origin: Chat Completions, Responses, legacy Completions,
 * Embeddings and Moderations; other JSON bodies are scanned as unknown text.
 */
export function extractOpenAIRequest(path: string, body: unknown): ExtractedRequest {
  // Only generation and embedding calls count against rate limits; reads, files and batches do not.
  const out: ExtractedRequest = { segments: [], toolNames: [], systemText: '', stream: false, unmetered: true };
  if (!isJsonBody(body)) return out;
  out.model = typeof body.model === 'string' ? body.model : undefined;
  out.stream = body.stream === true;
  const user = body.user ?? body.safety_identifier;
  if (typeof user === 'string' && user) out.endUser = user;
  const max = body.max_completion_tokens ?? body.max_tokens ?? body.max_output_tokens;
  if (typeof max === 'number' && Number.isFinite(max) && max > 0) out.maxOutputTokens = max;
  const route = path.split('?')[0]!.replace(/\/+$/, '');
  const segs = out.segments;

  out.unmetered = !/\/(?:chat\/completions|responses|completions|embeddings|moderations)$/.test(route);
  if (route.endsWith('/chat/completions')) {
    if (Array.isArray(body.messages)) {
      body.messages.forEach((m: any, i: number) => {
        const origin = ROLE_ORIGIN[m?.role] ?? 'unknown';
        chatContent(m?.content, origin, ['messages', i, 'content'], segs, i);
        if (Array.isArray(m?.tool_calls)) {
          m.tool_calls.forEach((c: any, j: number) => {
            if (typeof c?.function?.arguments === 'string')
              segs.push({ text: c.function.arguments, origin: 'assistant', path: ['messages', i, 'tool_calls', j, 'function', 'arguments'], messageIndex: i });
          });
        }
      });
    }
    tools(body.tools, body.functions, out);
  } else if (route.endsWith('/responses')) {
    if (typeof body.instructions === 'string') segs.push({ text: body.instructions, origin: 'system', path: ['instructions'] });
    if (typeof body.input === 'string') segs.push({ text: body.input, origin: 'user', path: ['input'], messageIndex: 0 });
    else if (Array.isArray(body.input)) body.input.forEach((item: any, i: number) => responsesItem(item, i, segs));
    tools(body.tools, undefined, out);
  } else if (route.endsWith('/completions')) {
    collectUnknown(body.prompt, 'user', ['prompt'], segs, 0);
  } else if (route.endsWith('/embeddings') || route.endsWith('/moderations')) {
    // Embedded or moderated text is data, not instructions to a model: scan it for secrets and PII only.
    const before = segs.length;
    collectUnknown(body.input, 'document', ['input'], segs, 0);
    for (let k = before; k < segs.length; k++) segs[k]!.skipInjection = true;
  } else {
    const { model: _m, stream: _s, ...rest } = body;
    collectUnknown(rest, 'unknown', [], segs);
  }

  out.systemText = segs
    .filter((s) => s.origin === 'system' || s.origin === 'developer')
    .map((s) => s.text)
    .join('\n');
  return out;
}

function chatContent(content: unknown, origin: Origin, path: JsonPath, segs: TextSegment[], i: number): void {
  if (typeof content === 'string') {
    segs.push({ text: content, origin, path, messageIndex: i });
  } else if (Array.isArray(content)) {
    content.forEach((part: any, j: number) => {
      if (part?.type === 'text' && typeof part.text === 'string') segs.push({ text: part.text, origin, path: [...path, j, 'text'], messageIndex: i });
      else if (part?.type === 'image_url' || part?.type === 'input_audio' || part?.type === 'file') return;
      else collectUnknown(part, origin, [...path, j], segs, i);
    });
  } else if (content != null) {
    collectUnknown(content, origin, path, segs, i);
  }
}

function responsesItem(item: any, i: number, segs: TextSegment[]): void {
  const type = item?.type;
  if (type === 'function_call_output' || type === 'custom_tool_call_output' || type === 'computer_call_output' || type === 'local_shell_call_output' || type === 'mcp_call') {
    const key = 'output' in (item ?? {}) ? 'output' : 'content';
    collectUnknown(item?.[key], 'tool', ['input', i, key], segs, i);
    return;
  }
  if (type === 'function_call' || type === 'custom_tool_call') {
    const key = type === 'function_call' ? 'arguments' : 'input';
    if (typeof item[key] === 'string') segs.push({ text: item[key], origin: 'assistant', path: ['input', i, key], messageIndex: i });
    return;
  }
  if (type === 'reasoning' || type === 'item_reference' || type === 'image_generation_call' || type === 'compaction') return;
  if (type === undefined || type === 'message') {
    const origin = ROLE_ORIGIN[item?.role] ?? 'unknown';
    const content = item?.content;
    if (typeof content === 'string') {
      segs.push({ text: content, origin, path: ['input', i, 'content'], messageIndex: i });
    } else if (Array.isArray(content)) {
      content.forEach((part: any, j: number) => {
        const p: JsonPath = ['input', i, 'content', j];
        if ((part?.type === 'input_text' || part?.type === 'output_text') && typeof part.text === 'string') segs.push({ text: part.text, origin, path: [...p, 'text'], messageIndex: i });
        else if (part?.type === 'input_image' || part?.type === 'input_audio') return;
        else if (part?.type === 'input_file') {
          if (typeof part.file_data === 'string' && part.file_data.length < 1_000_000 && !part.file_data.startsWith('data:')) segs.push({ text: part.file_data, origin: 'document', path: [...p, 'file_data'], messageIndex: i });
        } else collectUnknown(part, origin, p, segs, i);
      });
    }
    return;
  }
  collectUnknown(item, 'unknown', ['input', i], segs, i);
}

function tools(list: unknown, functions: unknown, out: ExtractedRequest): void {
  const add = (def: any, path: JsonPath) => {
    const fn = def?.function ?? def;
    if (typeof fn?.name === 'string') out.toolNames.push(fn.name);
    if (typeof fn?.description === 'string')
      out.segments.push({ text: fn.description, origin: 'tool_definition', path: [...path, ...(def?.function ? ['function'] : []), 'description'] });
  };
  if (Array.isArray(list)) list.forEach((t, i) => add(t, ['tools', i]));
  if (Array.isArray(functions)) functions.forEach((f, i) => add(f, ['functions', i]));
}
