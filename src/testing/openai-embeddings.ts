/**
 * OpenAI Embeddings wire format with deterministic small vectors.
 *
 * @internal
 */
import { createHash } from 'node:crypto';
import { estimateTokens } from './reply-utils.js';
import type { FakeReply } from './types.js';

/** Default vector length when the request has no `dimensions`. @internal */
export const DEFAULT_EMBEDDING_DIMENSIONS = 8;

/**
 * A deterministic unit vector for `input`: the same input and dimensions always give the
 * same float32-exact values.
 *
 * @internal
 */
export function fakeEmbedding(input: string, dimensions: number): number[] {
  const values: number[] = [];
  for (let block = 0; values.length < dimensions; block++) {
    const digest = createHash('sha256').update(`${block}:${input}`).digest();
    for (let i = 0; i + 1 < digest.length && values.length < dimensions; i += 2) {
      values.push(digest.readUInt16BE(i) / 32767.5 - 1);
    }
  }
  const norm = Math.sqrt(values.reduce((s, v) => s + v * v, 0)) || 1;
  return values.map((v) => Math.fround(v / norm));
}

function inputsOf(input: unknown): string[] {
  if (typeof input === 'string') return [input];
  if (Array.isArray(input)) {
    if (input.every((x) => typeof x === 'number')) return [JSON.stringify(input)];
    return input.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  }
  return [JSON.stringify(input ?? '')];
}

function toBase64(vector: number[]): string {
  const buf = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => buf.writeFloatLE(v, i * 4));
  return buf.toString('base64');
}

/** An embeddings `list` response; base64 when `encoding_format: 'base64'` (the SDK's default). @internal */
export function embeddingsResponse(body: Record<string, unknown>, reply: FakeReply) {
  const inputs = inputsOf(body.input);
  const dims = typeof body.dimensions === 'number' && body.dimensions > 0 ? Math.floor(body.dimensions) : DEFAULT_EMBEDDING_DIMENSIONS;
  const base64 = body.encoding_format === 'base64';
  const tokens = reply.usage?.inputTokens ?? inputs.reduce((n, s) => n + estimateTokens(s.length), 0);
  return {
    object: 'list' as const,
    data: inputs.map((s, index) => {
      const v = fakeEmbedding(s, dims);
      return { object: 'embedding' as const, index, embedding: base64 ? toBase64(v) : v };
    }),
    model: typeof body.model === 'string' ? body.model : 'fake-embedding-model',
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}
