/**
 * Helpers shared by the wire-format builders of the fake provider: ids, token estimates,
 * the default echo text, delta splitting and error bodies.
 *
 * @internal
 */
import { randomBytes } from 'node:crypto';
import type { FakeReply, FakeRequest } from './types.js';

/** A random id with a provider-style prefix, e.g. `chatcmpl-1f…`. @internal */
export function makeId(prefix: string, bytes = 12): string {
  return prefix + randomBytes(bytes).toString('hex');
}

/** Seconds since the epoch. @internal */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** About one token per four characters, at least 1. @internal */
export function estimateTokens(chars: number): number {
  return Math.max(1, Math.ceil(chars / 4));
}

const NON_TEXT_KEYS = new Set(['role', 'type', 'id', 'call_id', 'tool_call_id', 'tool_use_id', 'name', 'cache_control', 'media_type', 'detail']);

/** Total length of the human-readable strings under `value` (roles, ids and types skipped). @internal */
export function textLength(value: unknown, key?: string): number {
  if (typeof value === 'string') return key !== undefined && NON_TEXT_KEYS.has(key) ? 0 : value.length;
  if (Array.isArray(value)) return value.reduce<number>((n, v) => n + textLength(v), 0);
  if (value && typeof value === 'object') {
    let n = 0;
    for (const [k, v] of Object.entries(value)) n += textLength(v, k);
    return n;
  }
  return 0;
}

/** Input token estimate for a request body (messages / input / system / instructions / tools). @internal */
export function estimateInputTokens(body: Record<string, unknown> | null | undefined): number {
  if (!body || typeof body !== 'object') return 1;
  return estimateTokens(
    textLength(body.messages) + textLength(body.input) + textLength(body.system) + textLength(body.instructions) + textLength(body.tools),
  );
}

/** The text of one message `content` value: a string, or the text parts of an array. @internal */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => {
      if (typeof part === 'string') return part;
      if (part && typeof part === 'object') {
        const p = part as { type?: unknown; text?: unknown };
        if ((p.type === 'text' || p.type === 'input_text' || p.type === undefined) && typeof p.text === 'string') return p.text;
      }
      return '';
    })
    .join('');
}

/** The text of the last user message / input of a request body, '' when there is none. @internal */
export function lastUserText(body: unknown): string {
  if (!body || typeof body !== 'object') return '';
  const b = body as { messages?: unknown; input?: unknown };
  if (typeof b.input === 'string') return b.input;
  const list = Array.isArray(b.messages) ? b.messages : Array.isArray(b.input) ? b.input : [];
  for (let i = list.length - 1; i >= 0; i--) {
    const m = list[i] as { role?: unknown; content?: unknown; type?: unknown } | null;
    if (m && typeof m === 'object' && m.role === 'user') {
      const text = contentText(m.content);
      if (text) return text;
    }
  }
  return '';
}

/** The normalised content of a reply: text (or null when there is none) and tool calls with string arguments. @internal */
export interface ResolvedReply {
  text: string | null;
  /** Streamed text deltas (empty when `text` is null or ''). */
  textDeltas: string[];
  refusal: string | null;
  refusalDeltas: string[];
  reasoningSummary: string | null;
  reasoningDeltas: string[];
  audioTranscript: string | null;
  audioDeltas: string[];
  toolCalls: { id: string | undefined; name: string; arguments: string; argumentDeltas: string[] }[];
}

/** OpenAI token log-probability entries, one token per piece (the fake's deltas are its tokens). @internal */
export function tokenLogprobEntries(pieces: readonly string[]): { token: string; logprob: number; bytes: number[]; top_logprobs: [] }[] {
  return pieces.map((token) => ({ token, logprob: -0.25, bytes: [...Buffer.from(token, 'utf8')], top_logprobs: [] }));
}

/** Split `s` into pieces of `size` characters (code points are not split). @internal */
export function splitText(s: string, size: number): string[] {
  const chars = Array.from(s);
  const n = Math.max(1, Math.floor(size));
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += n) out.push(chars.slice(i, i + n).join(''));
  return out;
}

/** Apply the defaults of a {@link FakeReply} to a request. @internal */
export function resolveReply(reply: FakeReply, req: FakeRequest): ResolvedReply {
  const size = reply.chunkSize && reply.chunkSize > 0 ? reply.chunkSize : 8;
  const toolCalls = (reply.toolCalls ?? []).map((t) => {
    const args = typeof t.arguments === 'string' ? t.arguments : JSON.stringify(t.arguments ?? {});
    return { id: t.id, name: t.name, arguments: args, argumentDeltas: splitText(args, size) };
  });
  let text: string | null;
  if (reply.chunks) text = reply.chunks.join('');
  else if (reply.text !== undefined) text = reply.text;
  else if (toolCalls.length > 0 || reply.refusal !== undefined || reply.audioTranscript !== undefined) text = null;
  else text = `You said: ${lastUserText(req.body)}`;
  const textDeltas = reply.chunks ? reply.chunks.filter((c) => c.length > 0) : text ? splitText(text, size) : [];
  const refusal = reply.refusal ?? null;
  const reasoningSummary = reply.reasoningSummary ?? null;
  return {
    text,
    textDeltas,
    toolCalls,
    refusal,
    refusalDeltas: refusal ? splitText(refusal, size) : [],
    reasoningSummary,
    reasoningDeltas: reasoningSummary ? splitText(reasoningSummary, size) : [],
    audioTranscript: reply.audioTranscript ?? null,
    audioDeltas: reply.audioTranscript ? splitText(reply.audioTranscript, size) : [],
  };
}

/** Output token estimate of a resolved reply. @internal */
export function estimateOutputTokens(r: ResolvedReply): number {
  return estimateTokens((r.text ?? '').length + (r.refusal ?? '').length + (r.reasoningSummary ?? '').length + (r.audioTranscript ?? '').length + r.toolCalls.reduce((n, t) => n + t.name.length + t.arguments.length, 0));
}

const OPENAI_ERROR_TYPES: Record<number, [type: string, code: string | null]> = {
  400: ['invalid_request_error', null],
  401: ['invalid_request_error', 'invalid_api_key'],
  403: ['permission_error', null],
  404: ['invalid_request_error', 'not_found'],
  409: ['conflict_error', null],
  422: ['invalid_request_error', null],
  429: ['rate_limit_error', 'rate_limit_exceeded'],
};

const ANTHROPIC_ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  409: 'conflict_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

/** OpenAI error body `{"error":{"message","type","param":null,"code"}}`. @internal */
export function openaiErrorBody(status: number, error: FakeReply['error']): { error: { message: string; type: string; param: null; code: string | null } } {
  const [type, code] = OPENAI_ERROR_TYPES[status] ?? (status >= 500 ? ['server_error', null] : ['invalid_request_error', null]);
  return {
    error: {
      message: error?.message ?? `Fake provider error (HTTP ${status})`,
      type: error?.type ?? type,
      param: null,
      code: error?.code ?? code,
    },
  };
}

/** Anthropic error body `{"type":"error","error":{"type","message"},"request_id"}`. @internal */
export function anthropicErrorBody(
  status: number,
  error: FakeReply['error'],
  requestId: string,
): { type: 'error'; error: { type: string; message: string }; request_id: string } {
  const type = error?.type ?? ANTHROPIC_ERROR_TYPES[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error');
  return { type: 'error', error: { type, message: error?.message ?? `Fake provider error (HTTP ${status})` }, request_id: requestId };
}
