import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { zodResponseFormat, zodTextFormat } from 'openai/helpers/zod';
import fc from 'fast-check';
import { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { createFakeProvider, type FakeProvider, type FakeRequest } from '../../src/testing/index.js';

let fake: FakeProvider;

beforeAll(async () => {
  fake = await createFakeProvider();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => {
  fake.reset();
});

const openai = (opts: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
  new OpenAI({ baseURL: fake.openaiBaseURL, apiKey: 'sk-test', maxRetries: 0, ...opts });
const anthropic = (opts: Partial<ConstructorParameters<typeof Anthropic>[0]> = {}) =>
  new Anthropic({ baseURL: fake.anthropicBaseURL, apiKey: 'test', maxRetries: 0, ...opts });

const chatParams = (content: string) => ({ model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content }] });
const msgParams = (content: string) => ({ model: 'claude-test-model', max_tokens: 256, messages: [{ role: 'user' as const, content }] });

const weatherTool = {
  type: 'function' as const,
  function: { name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
};

/** Collect the outcome of iterating a stream: items seen before it ended or threw. */
async function drain<T>(iterable: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterable) items.push(item);
    return { items, error: undefined };
  } catch (error) {
    return { items, error };
  }
}

describe('OpenAI Chat Completions', () => {
  test('chat.completions.create: echoes the last user message', async () => {
    const r = await openai().chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'be brief' },
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: [{ type: 'text', text: 'What is ' }, { type: 'text', text: 'the capital of France?' }] },
      ],
    });
    expect(r.object).toBe('chat.completion');
    expect(r.id).toMatch(/^chatcmpl-/);
    expect(r.model).toBe('gpt-4o-mini');
    expect(r.choices).toHaveLength(1);
    expect(r.choices[0]).toMatchObject({
      index: 0,
      finish_reason: 'stop',
      logprobs: null,
      message: { role: 'assistant', content: 'You said: What is the capital of France?', refusal: null },
    });
    expect(r.choices[0]!.message.tool_calls).toBeUndefined();
    expect(r.usage!.prompt_tokens).toBeGreaterThan(0);
    expect(r.usage!.completion_tokens).toBe(Math.ceil('You said: What is the capital of France?'.length / 4));
    expect(r.usage!.total_tokens).toBe(r.usage!.prompt_tokens + r.usage!.completion_tokens);
  });

  test('chat.completions.create: scripted text, finish reason and usage', async () => {
    fake.enqueue({ text: 'cut off', finishReason: 'length', usage: { inputTokens: 11, outputTokens: 3 } });
    const r = await openai().chat.completions.create(chatParams('hi'));
    expect(r.choices[0]!.message.content).toBe('cut off');
    expect(r.choices[0]!.finish_reason).toBe('length');
    expect(r.usage).toMatchObject({ prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 });
  });

  test('chat.completions.create: logprobs: true returns one token entry per delta, in JSON and in streams', async () => {
    fake.enqueue({ text: 'hello world', chunkSize: 4 });
    const r = await openai().chat.completions.create({ ...chatParams('x'), logprobs: true });
    expect(r.choices[0]!.logprobs?.content?.map((t) => t.token)).toEqual(['hell', 'o wo', 'rld']);
    fake.enqueue({ text: 'hello world', chunkSize: 4 });
    const s = await openai().chat.completions.create({ ...chatParams('x'), logprobs: true, stream: true });
    const tokens: string[] = [];
    for await (const c of s) for (const t of c.choices[0]?.logprobs?.content ?? []) tokens.push(t.token);
    expect(tokens).toEqual(['hell', 'o wo', 'rld']);
    const none = await openai().chat.completions.create(chatParams('x'));
    expect(none.choices[0]!.logprobs).toBeNull();
  });

  test('chat.completions.create: tool calls in JSON', async () => {
    fake.enqueue({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' } }, { name: 'noop', arguments: '{}', id: 'call_fixed' }] });
    const r = await openai().chat.completions.create({ ...chatParams('weather?'), tools: [weatherTool] });
    const choice = r.choices[0]!;
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    expect(choice.message.tool_calls).toEqual([
      { id: expect.stringMatching(/^call_/), type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      { id: 'call_fixed', type: 'function', function: { name: 'noop', arguments: '{}' } },
    ]);
  });

  test('chat.completions.create: stream yields role, content deltas, finish_reason then ends at [DONE]', async () => {
    fake.enqueue({ text: 'Hello streaming world', chunkSize: 5 });
    const stream = await openai().chat.completions.create({ ...chatParams('x'), stream: true });
    const { items, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(items.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    expect(new Set(items.map((c) => c.id)).size).toBe(1);
    expect(items[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '', refusal: null });
    const deltas = items.slice(1, -1).map((c) => c.choices[0]!.delta.content);
    expect(deltas).toEqual(['Hello', ' stre', 'aming', ' worl', 'd']);
    expect(items.at(-1)!.choices[0]!.finish_reason).toBe('stop');
    expect(items.some((c) => 'usage' in c)).toBe(false);
  });

  test('chat.completions.create: stream with explicit chunks and include_usage ends with a usage chunk', async () => {
    fake.enqueue({ chunks: ['Hel', 'lo', '!'] });
    const stream = await openai().chat.completions.create({ ...chatParams('x'), stream: true, stream_options: { include_usage: true } });
    const { items } = await drain(stream);
    expect(items.slice(1, 4).map((c) => c.choices[0]!.delta.content)).toEqual(['Hel', 'lo', '!']);
    const last = items.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ completion_tokens: 2, prompt_tokens: expect.any(Number) });
    expect(items.slice(0, -1).every((c) => c.usage === null)).toBe(true);
  });

  test('chat.completions.stream: finalChatCompletion and content events agree', async () => {
    fake.enqueue({ text: 'The quick brown fox', chunkSize: 3 });
    const deltas: string[] = [];
    const stream = openai().chat.completions.stream(chatParams('fox?'));
    stream.on('content', (delta) => deltas.push(delta));
    const final = await stream.finalChatCompletion();
    expect(deltas.join('')).toBe('The quick brown fox');
    expect(deltas).toHaveLength(7);
    expect(final.choices[0]!.message.content).toBe('The quick brown fox');
    expect(final.choices[0]!.finish_reason).toBe('stop');
    expect(await stream.finalContent()).toBe('The quick brown fox');
  });

  test('chat.completions.stream: tool calls are streamed and assembled by the SDK', async () => {
    fake.enqueue({
      text: 'Checking.',
      toolCalls: [
        { name: 'get_weather', arguments: { city: 'Paris', unit: 'celsius' }, id: 'call_a' },
        { name: 'get_weather', arguments: { city: 'Rome' } },
      ],
      chunkSize: 4,
    });
    const argDeltas: string[] = [];
    const done: { name: string; arguments: string; index: number }[] = [];
    const stream = openai().chat.completions.stream({ ...chatParams('weather?'), tools: [weatherTool] });
    stream.on('tool_calls.function.arguments.delta', (e) => argDeltas.push(e.arguments_delta));
    stream.on('tool_calls.function.arguments.done', (e) => done.push({ name: e.name, arguments: e.arguments, index: e.index }));
    const final = await stream.finalChatCompletion();
    const message = final.choices[0]!.message;
    expect(final.choices[0]!.finish_reason).toBe('tool_calls');
    expect(message.content).toBe('Checking.');
    expect(message.tool_calls).toEqual([
      expect.objectContaining({ id: 'call_a', type: 'function', function: expect.objectContaining({ name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}' }) }),
      expect.objectContaining({ id: expect.stringMatching(/^call_/), function: expect.objectContaining({ arguments: '{"city":"Rome"}' }) }),
    ]);
    expect(argDeltas.length).toBeGreaterThan(2);
    expect(argDeltas.join('')).toBe('{"city":"Paris","unit":"celsius"}{"city":"Rome"}');
    expect(done).toEqual([
      { name: 'get_weather', arguments: '{"city":"Paris","unit":"celsius"}', index: 0 },
      { name: 'get_weather', arguments: '{"city":"Rome"}', index: 1 },
    ]);
  });

  test('chat.completions.runTools: a scripted tool call round-trips through the SDK runner', async () => {
    fake.enqueue({ toolCalls: [{ name: 'get_weather', arguments: { city: 'Paris' }, id: 'call_w' }], chunkSize: 3 });
    const seen: unknown[] = [];
    const runner = openai().chat.completions.runTools({
      ...chatParams('weather in Paris?'),
      stream: true,
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'weather',
            parameters: { type: 'object', properties: { city: { type: 'string' } } },
            parse: JSON.parse,
            function: (args: unknown) => {
              seen.push(args);
              return 'sunny';
            },
          },
        },
      ],
    });
    expect(await runner.finalContent()).toBe('You said: weather in Paris?');
    expect(seen).toEqual([{ city: 'Paris' }]);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.body.messages.slice(-2)).toMatchObject([
      { role: 'assistant', tool_calls: [{ id: 'call_w', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
      { role: 'tool', tool_call_id: 'call_w', content: 'sunny' },
    ]);
  });

  test('chat.completions.parse: json_schema response_format parses the scripted text', async () => {
    const City = z.object({ city: z.string(), population: z.number() });
    fake.enqueue({ text: '{"city":"Paris","population":2100000}' });
    const r = await openai().chat.completions.parse({ ...chatParams('city?'), response_format: zodResponseFormat(City, 'city') });
    expect(r.choices[0]!.message.parsed).toEqual({ city: 'Paris', population: 2100000 });
    expect(fake.requests[0]!.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'city' } });
  });

  test('chat.completions.create: a scripted refusal, JSON and streamed', async () => {
    fake.enqueue({ refusal: 'I cannot help with that.' });
    const r = await openai().chat.completions.create(chatParams('do something bad'));
    expect(r.choices[0]!.message).toMatchObject({ content: null, refusal: 'I cannot help with that.' });
    fake.enqueue({ refusal: 'I cannot help with that.', chunkSize: 4 });
    const final = await openai().chat.completions.stream(chatParams('do something bad')).finalChatCompletion();
    expect(final.choices[0]!.message.refusal).toBe('I cannot help with that.');
  });

  test('chat.completions.create: Azure deployment paths are routed like /v1', async () => {
    const { AzureOpenAI } = await import('openai');
    const azure = new AzureOpenAI({ endpoint: fake.openaiBaseURL.replace(/\/v1$/, ''), apiKey: 'k', apiVersion: '2024-10-21', deployment: 'd1', maxRetries: 0 });
    fake.enqueue({ text: 'from azure' });
    const r = await azure.chat.completions.create(chatParams('hi'));
    expect(r.choices[0]!.message.content).toBe('from azure');
    expect(fake.requests[0]).toMatchObject({ api: 'openai.chat', path: '/openai/deployments/d1/chat/completions' });
  });

  test('chat.completions.list: pages through the completions the fake produced', async () => {
    const ids: string[] = [];
    for (const q of ['a', 'b', 'c']) ids.push((await openai().chat.completions.create(chatParams(q))).id);
    const stream = await openai().chat.completions.create({ ...chatParams('d'), stream: true });
    const { items } = await drain(stream);
    ids.push(items[0]!.id);
    const seen: string[] = [];
    for await (const c of openai().chat.completions.list({ limit: 2 })) seen.push(c.id);
    expect(seen).toEqual(ids);
    const page = await openai().chat.completions.list({ limit: 3 });
    expect(page.data).toHaveLength(3);
    expect(page.hasNextPage()).toBe(true);
    const listRequests = fake.requests.filter((r) => r.method === 'GET');
    expect(listRequests.map((r) => r.query)).toEqual([{ limit: '2' }, { limit: '2', after: ids[1] }, { limit: '3' }]);
    const retrieved = await openai().chat.completions.retrieve(ids[3]!);
    expect(retrieved.choices[0]!.message.content).toBe('You said: d');
  });
});

describe('stream reassembly (property)', () => {
  const text = fc.string({ unit: 'binary', maxLength: 40 });
  const size = fc.integer({ min: 1, max: 12 });

  test('chat.completions.stream: any echoed text and chunk size reassemble to the JSON text', async () => {
    await fc.assert(
      fc.asyncProperty(text, size, async (t, chunkSize) => {
        fake.enqueue({ chunkSize }, { chunkSize });
        const json = await openai().chat.completions.create(chatParams(t));
        const streamed = await openai().chat.completions.stream(chatParams(t)).finalChatCompletion();
        expect(json.choices[0]!.message.content).toBe(`You said: ${t}`);
        expect(streamed.choices[0]!.message.content).toBe(`You said: ${t}`);
      }),
      { numRuns: 25 },
    );
  });

  test('messages.stream: any scripted text and chunk size reassemble in finalText', async () => {
    await fc.assert(
      fc.asyncProperty(text.filter((t) => t.length > 0), size, async (t, chunkSize) => {
        fake.enqueue({ text: t, chunkSize });
        const deltas: string[] = [];
        const stream = anthropic().messages.stream(msgParams('x'));
        stream.on('text', (d) => deltas.push(d));
        expect(await stream.finalText()).toBe(t);
        expect(deltas.join('')).toBe(t);
        expect(deltas.length).toBe(Math.ceil(Array.from(t).length / chunkSize));
      }),
      { numRuns: 25 },
    );
  });

  test('responses.stream: any scripted text and chunk size reassemble in finalResponse', async () => {
    await fc.assert(
      fc.asyncProperty(text, size, async (t, chunkSize) => {
        fake.enqueue({ text: t, chunkSize });
        const final = await openai().responses.stream({ model: 'gpt-4.1', input: 'x' }).finalResponse();
        expect(final.output_text).toBe(t);
      }),
      { numRuns: 25 },
    );
  });
});

describe('OpenAI Responses', () => {
  test('responses.create: echoes a string input and the SDK computes output_text', async () => {
    const r = await openai().responses.create({ model: 'gpt-4.1', input: 'Tell me a joke', instructions: 'be funny' });
    expect(r.object).toBe('response');
    expect(r.id).toMatch(/^resp_/);
    expect(r.status).toBe('completed');
    expect(r.model).toBe('gpt-4.1');
    expect(r.instructions).toBe('be funny');
    expect(r.output_text).toBe('You said: Tell me a joke');
    expect(r.output).toEqual([
      {
        id: expect.stringMatching(/^msg_/),
        type: 'message',
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text: 'You said: Tell me a joke', annotations: [], logprobs: [] }],
      },
    ]);
    expect(r.usage).toMatchObject({ input_tokens: expect.any(Number), output_tokens: 6, total_tokens: expect.any(Number) });
  });

  test('chat.completions.create: audioTranscript renders message.audio in JSON and delta.audio in streams', async () => {
    const reply = { audioTranscript: 'Hello there, friend.', chunkSize: 4 };
    fake.enqueue(reply, reply);
    const json = await openai().chat.completions.create({ ...chatParams('hi'), modalities: ['text', 'audio'], audio: { voice: 'alloy', format: 'wav' } });
    const stream = openai().chat.completions.stream({ ...chatParams('hi'), modalities: ['text', 'audio'], audio: { voice: 'alloy', format: 'wav' } });
    let transcript = '';
    for await (const chunk of stream) transcript += (chunk.choices[0]?.delta as any)?.audio?.transcript ?? '';
    const streamed = await stream.finalChatCompletion();
    expect(transcript).toBe('Hello there, friend.');
    for (const r of [json, streamed]) {
      const audio = r.choices[0]!.message.audio!;
      expect(audio.transcript).toBe('Hello there, friend.');
      expect(audio.id.startsWith('audio_')).toBe(true);
      expect(Buffer.from(audio.data, 'base64').length).toBeGreaterThan(0);
      expect(audio.expires_at).toBeGreaterThan(0);
      expect(r.choices[0]!.message.content).toBeNull();
    }
  });

  test('responses.create: responsesItems come first, verbatim, in JSON and in streams', async () => {
    const item = { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search', query: 'oslo weather' } };
    fake.enqueue({ text: 'Sunny.', responsesItems: [item] }, { text: 'Sunny.', responsesItems: [item] });
    const json = await openai().responses.create({ model: 'gpt-4o-mini', input: 'weather?' });
    const added: unknown[] = [];
    const stream = openai().responses.stream({ model: 'gpt-4o-mini', input: 'weather?' });
    stream.on('response.output_item.added', (e) => added.push(e.item));
    const streamed = await stream.finalResponse();
    for (const r of [json, streamed]) {
      expect(r.output[0]).toEqual(item);
      expect(r.output_text).toBe('Sunny.');
    }
    expect(added[0]).toEqual({ ...item, status: 'in_progress' });
  });

  test('responses.create: echoes the last user item of an input list', async () => {
    const r = await openai().responses.create({
      model: 'gpt-4.1',
      input: [
        { role: 'user', content: 'old' },
        { role: 'assistant', content: 'reply' },
        { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'newest question' }] },
      ],
    });
    expect(r.output_text).toBe('You said: newest question');
  });

  test('responses.stream: a scripted reasoning summary and refusal arrive as typed events', async () => {
    fake.enqueue({ reasoningSummary: 'Thinking about it.', refusal: 'No.', chunkSize: 5 });
    const stream = openai().responses.stream({ model: 'o4-mini', input: 'x' });
    const types = new Set<string>();
    stream.on('event', (e) => types.add(e.type));
    const final = await stream.finalResponse();
    expect(types).toContain('response.reasoning_summary_text.delta');
    expect(types).toContain('response.refusal.delta');
    expect(final.output.map((i) => i.type)).toEqual(['reasoning', 'message']);
    const json = await (fake.enqueue({ reasoningSummary: 'Thinking about it.', refusal: 'No.' }), openai().responses.create({ model: 'o4-mini', input: 'x' }));
    expect(json.output).toMatchObject([
      { type: 'reasoning', summary: [{ type: 'summary_text', text: 'Thinking about it.' }] },
      { type: 'message', content: [{ type: 'refusal', refusal: 'No.' }] },
    ]);
    expect(final.output).toMatchObject(json.output.map(({ id: _id, ...rest }) => rest));
  });

  test('responses.create: function_call output items', async () => {
    fake.enqueue({ toolCalls: [{ name: 'lookup', arguments: { q: 'x' }, id: 'call_1' }] });
    const r = await openai().responses.create({ model: 'gpt-4.1', input: 'go', tools: [{ type: 'function', name: 'lookup', parameters: {}, strict: false }] });
    expect(r.output_text).toBe('');
    expect(r.output).toEqual([
      { id: expect.stringMatching(/^fc_/), type: 'function_call', status: 'completed', arguments: '{"q":"x"}', call_id: 'call_1', name: 'lookup' },
    ]);
  });

  test('responses.create: finishReason length marks the response incomplete', async () => {
    fake.enqueue({ text: 'trunc', finishReason: 'length' });
    const r = await openai().responses.create({ model: 'gpt-4.1', input: 'go' });
    expect(r.status).toBe('incomplete');
    expect(r.incomplete_details).toEqual({ reason: 'max_output_tokens' });
  });

  test('responses.create: stream sends the full typed event sequence', async () => {
    fake.enqueue({ text: 'abcdefghij', chunkSize: 4 });
    const stream = await openai().responses.create({ model: 'gpt-4.1', input: 'x', stream: true });
    const { items, error } = await drain(stream);
    expect(error).toBeUndefined();
    expect(items.map((e) => e.type)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(items.map((e) => e.sequence_number)).toEqual(items.map((_, i) => i));
    const deltas = items.filter((e) => e.type === 'response.output_text.delta');
    expect(deltas.map((e) => e.delta)).toEqual(['abcd', 'efgh', 'ij']);
    const itemId = (items[2] as { item: { id: string } }).item.id;
    for (const d of deltas) expect(d).toMatchObject({ item_id: itemId, output_index: 0, content_index: 0 });
    const completed = items.at(-1)!;
    expect(completed.type === 'response.completed' && completed.response.output[0]).toMatchObject({ id: itemId, status: 'completed' });
  });

  test('responses.stream: deltas and finalResponse agree', async () => {
    fake.enqueue({ text: 'Streaming via the Responses API', chunkSize: 6 });
    const deltas: string[] = [];
    const stream = openai().responses.stream({ model: 'gpt-4.1', input: 'x' });
    stream.on('response.output_text.delta', (e) => deltas.push(e.delta));
    const final = await stream.finalResponse();
    expect(deltas.join('')).toBe('Streaming via the Responses API');
    expect(final.output_text).toBe('Streaming via the Responses API');
    expect(final.status).toBe('completed');
    expect(final.usage!.output_tokens).toBe(8);
  });

  test('responses.stream: function call arguments are streamed and assembled', async () => {
    fake.enqueue({ text: 'Let me look.', toolCalls: [{ name: 'lookup', arguments: { query: 'weather in Paris' } }], chunkSize: 5 });
    const argDeltas: string[] = [];
    const stream = openai().responses.stream({ model: 'gpt-4.1', input: 'x', tools: [{ type: 'function', name: 'lookup', parameters: {}, strict: false }] });
    stream.on('response.function_call_arguments.delta', (e) => argDeltas.push(e.delta));
    const final = await stream.finalResponse();
    expect(argDeltas.length).toBeGreaterThan(1);
    expect(argDeltas.join('')).toBe('{"query":"weather in Paris"}');
    expect(final.output_text).toBe('Let me look.');
    expect(final.output[1]).toMatchObject({ type: 'function_call', name: 'lookup', arguments: '{"query":"weather in Paris"}', call_id: expect.stringMatching(/^call_/) });
  });

  test('responses.parse: json_schema text format parses the scripted text', async () => {
    fake.enqueue({ text: '{"answer":42}' });
    const r = await openai().responses.parse({ model: 'gpt-4.1', input: 'x', text: { format: zodTextFormat(z.object({ answer: z.number() }), 'answer') } });
    expect(r.output_parsed).toEqual({ answer: 42 });
  });
});

describe('OpenAI Embeddings', () => {
  test('embeddings.create: deterministic small unit vectors, base64 by default and float on request', async () => {
    const a = await openai().embeddings.create({ model: 'text-embedding-3-small', input: ['hello', 'world'] });
    expect(a.object).toBe('list');
    expect(a.data.map((d) => d.index)).toEqual([0, 1]);
    expect(a.data[0]!.embedding).toHaveLength(8);
    expect(fake.requests[0]!.body.encoding_format).toBe('base64');
    const norm = Math.hypot(...a.data[0]!.embedding);
    expect(norm).toBeCloseTo(1, 5);
    expect(a.data[0]!.embedding).not.toEqual(a.data[1]!.embedding);
    const b = await openai().embeddings.create({ model: 'text-embedding-3-small', input: 'hello', encoding_format: 'float' });
    expect(b.data[0]!.embedding).toEqual(a.data[0]!.embedding);
    const c = await openai().embeddings.create({ model: 'text-embedding-3-small', input: 'hello', dimensions: 20 });
    expect(c.data[0]!.embedding).toHaveLength(20);
    expect(c.usage).toEqual({ prompt_tokens: 2, total_tokens: 2 });
  });
});

describe('Anthropic Messages', () => {
  test('messages.create: echoes the last user message', async () => {
    const r = await anthropic().messages.create({
      model: 'claude-test-model',
      max_tokens: 100,
      system: 'be nice',
      messages: [
        { role: 'user', content: 'first' },
        { role: 'assistant', content: 'ok' },
        { role: 'user', content: [{ type: 'text', text: 'Translate "good morning"' }] },
      ],
    });
    expect(r).toMatchObject({
      type: 'message',
      role: 'assistant',
      model: 'claude-test-model',
      stop_reason: 'end_turn',
      stop_sequence: null,
      content: [{ type: 'text', text: 'You said: Translate "good morning"' }],
    });
    expect(r.id).toMatch(/^msg_/);
    expect(r.usage.output_tokens).toBe(Math.ceil('You said: Translate "good morning"'.length / 4));
    expect(r.usage.input_tokens).toBeGreaterThan(0);
  });

  test('messages.create: tool_use blocks in JSON', async () => {
    fake.enqueue({ text: 'Using a tool.', toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo' } }] });
    const r = await anthropic().messages.create(msgParams('weather?'));
    expect(r.stop_reason).toBe('tool_use');
    expect(r.content).toEqual([
      { type: 'text', text: 'Using a tool.', citations: null },
      { type: 'tool_use', id: expect.stringMatching(/^toolu_/), name: 'get_weather', input: { city: 'Oslo' }, caller: { type: 'direct' } },
    ]);
  });

  test('messages.create: stream: true sends message_start, blocks, ping, deltas, message_delta, message_stop', async () => {
    fake.enqueue({ text: 'abcdef', chunkSize: 3, usage: { inputTokens: 7, outputTokens: 2 } });
    const stream = await anthropic().messages.create({ ...msgParams('x'), stream: true });
    const { items, error } = await drain(stream);
    expect(error).toBeUndefined();
    // the SDK drops `ping` events, so they are not in the iteration
    expect(items.map((e) => e.type)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    expect(items[1]).toEqual({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '', citations: null } });
    expect(items[2]).toEqual({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'abc' } });
    expect(items[5]).toMatchObject({ delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 2, input_tokens: 7 } });
  });

  test('messages.stream: on(text), finalText and finalMessage agree', async () => {
    fake.enqueue({ text: 'Ciao, buongiorno!', chunkSize: 4 });
    const texts: string[] = [];
    const stream = anthropic().messages.stream(msgParams('x'));
    stream.on('text', (delta) => texts.push(delta));
    const text = await stream.finalText();
    const message = await stream.finalMessage();
    expect(texts).toEqual(['Ciao', ', bu', 'ongi', 'orno', '!']);
    expect(text).toBe('Ciao, buongiorno!');
    expect(message.content).toEqual([{ type: 'text', text: 'Ciao, buongiorno!', citations: null }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage.output_tokens).toBe(5);
  });

  test('messages.stream: tool_use input_json_delta fragments are assembled', async () => {
    fake.enqueue({ text: 'One moment.', toolCalls: [{ name: 'get_weather', arguments: { city: 'Oslo', days: 3 }, id: 'toolu_fixed' }], chunkSize: 5 });
    const json: string[] = [];
    const stream = anthropic().messages.stream(msgParams('x'));
    stream.on('inputJson', (partial) => json.push(partial));
    const message = await stream.finalMessage();
    expect(json.join('')).toBe('{"city":"Oslo","days":3}');
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content[1]).toMatchObject({ type: 'tool_use', id: 'toolu_fixed', name: 'get_weather', input: { city: 'Oslo', days: 3 } });
  });

  test('messages.create: citations and anthropicBlocks render as in the API, in JSON and in streams', async () => {
    const result = { type: 'code_execution_tool_result', tool_use_id: 'srvtoolu_1', content: { type: 'code_execution_result', stdout: '4', stderr: '', return_code: 0, content: [] } };
    const reply = {
      text: 'Two plus two is four.',
      chunkSize: 4,
      citations: [{ citedText: '2 + 2 = 4', documentIndex: 1, documentTitle: 'maths' }],
      anthropicBlocks: [{ type: 'thinking', thinking: 'Simple sum.', signature: 'sig-1' }, result],
    };
    fake.enqueue(reply, reply);
    const json = await anthropic().messages.create(msgParams('2+2?'));
    const stream = anthropic().messages.stream(msgParams('2+2?'));
    const thinking: string[] = [];
    stream.on('thinking', (d) => thinking.push(d));
    const streamed = await stream.finalMessage();
    expect(thinking.join('')).toBe('Simple sum.');
    for (const m of [json, streamed]) {
      expect(m.content.map((b) => b.type)).toEqual(['thinking', 'code_execution_tool_result', 'text']);
      expect(m.content[0]).toEqual({ type: 'thinking', thinking: 'Simple sum.', signature: 'sig-1' });
      expect(m.content[1]).toEqual(result);
      const text = m.content[2] as Anthropic.TextBlock;
      expect(text.text).toBe('Two plus two is four.');
      expect(text.citations).toEqual([
        { type: 'char_location', cited_text: '2 + 2 = 4', document_index: 1, document_title: 'maths', start_char_index: 0, end_char_index: 9, file_id: null },
      ]);
    }
  });

  test('messages.batches: create, retrieve and results round-trip, each request taking the next scripted reply', async () => {
    fake.enqueue({ text: 'first' }, { status: 429, error: { message: 'slow down' } });
    const client = anthropic();
    const batch = await client.messages.batches.create({ requests: [{ custom_id: 'one', params: msgParams('a') }, { custom_id: 'two', params: msgParams('b') }, { custom_id: 'three', params: msgParams('echo me') }] });
    expect(batch).toMatchObject({ type: 'message_batch', processing_status: 'ended', request_counts: { succeeded: 2, errored: 1 } });
    expect((await client.messages.batches.retrieve(batch.id)).results_url).toBe(batch.results_url);
    const lines = [];
    for await (const line of await client.messages.batches.results(batch.id)) lines.push(line);
    expect(lines.map((l) => l.custom_id)).toEqual(['one', 'two', 'three']);
    expect(lines[0]!.result).toMatchObject({ type: 'succeeded', message: { content: [{ type: 'text', text: 'first' }] } });
    expect(lines[1]!.result).toMatchObject({ type: 'errored', error: { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } } });
    expect(lines[2]!.result).toMatchObject({ type: 'succeeded', message: { content: [{ type: 'text', text: 'You said: echo me' }] } });
    expect(fake.requests.map((r) => r.api)).toEqual(['anthropic.batches', 'anthropic.batches', 'anthropic.batches', 'anthropic.batches']);
    const missing = await client.messages.batches.retrieve('msgbatch_nope').catch((e) => e);
    expect(missing).toBeInstanceOf(Anthropic.NotFoundError);
  });

  test('messages.countTokens: returns an input token estimate', async () => {
    const r = await anthropic().messages.countTokens({ model: 'claude-test-model', messages: [{ role: 'user', content: 'x'.repeat(40) }] });
    expect(r).toEqual({ input_tokens: 10 });
    expect(fake.requests[0]!.api).toBe('anthropic.count_tokens');
    fake.enqueue({ usage: { inputTokens: 99 } });
    expect(await anthropic().messages.countTokens({ model: 'm', messages: [{ role: 'user', content: 'y' }] })).toEqual({ input_tokens: 99 });
  });
});

describe('errors and retries', () => {
  test('chat.completions.create: 429 surfaces as OpenAI.RateLimitError in the OpenAI error shape', async () => {
    fake.enqueue({ status: 429, error: { message: 'Rate limit reached' } });
    const err = await openai().chat.completions.create(chatParams('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.RateLimitError);
    const e = err as InstanceType<typeof OpenAI.RateLimitError>;
    expect(e.status).toBe(429);
    expect(e.error).toEqual({ message: 'Rate limit reached', type: 'rate_limit_error', param: null, code: 'rate_limit_exceeded' });
    expect(e.requestID).toMatch(/^req_/);
    expect(e.headers.get('retry-after-ms')).toBe('1');
  });

  test('responses.create: status codes map to the SDK error classes', async () => {
    const cases = [
      [400, OpenAI.BadRequestError],
      [401, OpenAI.AuthenticationError],
      [403, OpenAI.PermissionDeniedError],
      [404, OpenAI.NotFoundError],
      [422, OpenAI.UnprocessableEntityError],
      [503, OpenAI.InternalServerError],
    ] as const;
    for (const [status, cls] of cases) {
      fake.enqueue({ status, error: { message: `status ${status}`, code: 'custom_code' } });
      const err = await openai().responses.create({ model: 'gpt-4.1', input: 'x' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(cls);
      expect((err as InstanceType<typeof OpenAI.APIError>).code).toBe('custom_code');
    }
  });

  test('messages.create: 401 surfaces as Anthropic.AuthenticationError in the Anthropic error shape', async () => {
    fake.enqueue({ status: 401, error: { message: 'invalid x-api-key' } });
    const err = await anthropic().messages.create(msgParams('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.AuthenticationError);
    const e = err as InstanceType<typeof Anthropic.AuthenticationError>;
    expect(e.status).toBe(401);
    expect(e.error).toEqual({ type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' }, request_id: e.requestID });
    expect(e.requestID).toMatch(/^req_/);
  });

  test('messages.stream: 529 overloaded surfaces as Anthropic.InternalServerError', async () => {
    fake.enqueue({ status: 529 });
    const err = await anthropic().messages.stream(msgParams('x')).finalMessage().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.InternalServerError);
    expect((err as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ error: { type: 'overloaded_error' } });
  });

  test('chat.completions.create: a 500 then success is retried by the SDK (two requests logged)', async () => {
    fake.enqueue({ status: 500, error: { message: 'boom' } });
    const r = await openai({ maxRetries: 2 }).chat.completions.create(chatParams('hello'));
    expect(r.choices[0]!.message.content).toBe('You said: hello');
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.headers['x-stainless-retry-count']).toBe('1');
  });

  test('createFakeProvider: an error response tells the SDKs to retry after 1 ms (retry-after-ms), so retries do not wait', async () => {
    fake.enqueue({ status: 500, error: { message: 'boom' } });
    const res = await fetch(`${fake.openaiBaseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test' }, body: JSON.stringify(chatParams('x')) });
    expect(res.status).toBe(500);
    expect(res.headers.get('retry-after-ms')).toBe('1');
    await res.arrayBuffer();
  });

  test('messages.create: a 529 then success is retried by the SDK (two requests logged)', async () => {
    fake.enqueue({ status: 529 });
    const r = await anthropic({ maxRetries: 1 }).messages.create(msgParams('again'));
    expect(r.content[0]).toMatchObject({ text: 'You said: again' });
    expect(fake.requests).toHaveLength(2);
  });

  test('models.list: an unknown route is a 404 in the OpenAI shape', async () => {
    const err = await openai().models.list().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.NotFoundError);
    expect((err as InstanceType<typeof OpenAI.APIError>).error).toMatchObject({ type: 'invalid_request_error', code: 'unknown_url', param: null });
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models', api: 'other' });
  });

  test('chat.completions.create: delayMs beyond the client timeout raises APIConnectionTimeoutError', async () => {
    fake.enqueue({ delayMs: 300 });
    const err = await openai({ timeout: 50 }).chat.completions.create(chatParams('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });

  test('chat.completions.create: dropAfterChunks on a JSON request resets the connection', async () => {
    fake.enqueue({ dropAfterChunks: 0 });
    const err = await openai().chat.completions.create(chatParams('x')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIConnectionError);
  });
});

describe('mid-stream failures and cancellation', () => {
  test('chat.completions.create: stream: failAfterChunks emits an error event and iteration throws', async () => {
    fake.enqueue({ text: 'one two three four', chunkSize: 4, failAfterChunks: 2, error: { message: 'upstream exploded', type: 'server_error' } });
    const stream = await openai().chat.completions.create({ ...chatParams('x'), stream: true });
    const { items, error } = await drain(stream);
    expect(items.map((c) => c.choices[0]!.delta.content)).toEqual(['', 'one ', 'two ']);
    expect(error).toBeInstanceOf(OpenAI.APIError);
    expect((error as Error).message).toContain('upstream exploded');
  });

  test('chat.completions.stream: a mid-stream error rejects finalChatCompletion', async () => {
    fake.enqueue({ text: 'partial answer here', failAfterChunks: 1 });
    const err = await openai().chat.completions.stream(chatParams('x')).finalChatCompletion().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
  });

  test('responses.stream: failAfterChunks rejects finalResponse with an APIError', async () => {
    fake.enqueue({ text: 'some text to stream', chunkSize: 3, failAfterChunks: 1, error: { message: 'responses broke' } });
    const events: string[] = [];
    const stream = openai().responses.stream({ model: 'gpt-4.1', input: 'x' });
    stream.on('event', (e) => events.push(e.type));
    const err = await stream.finalResponse().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as Error).message).toContain('responses broke');
    expect(events.filter((t) => t === 'response.output_text.delta')).toHaveLength(1);
  });

  test('messages.create: stream: failAfterChunks sends event: error and iteration throws', async () => {
    fake.enqueue({ text: 'abcdefghijkl', chunkSize: 4, failAfterChunks: 2 });
    const stream = await anthropic().messages.create({ ...msgParams('x'), stream: true });
    const { items, error } = await drain(stream);
    expect(items.filter((e) => e.type === 'content_block_delta')).toHaveLength(2);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
  });

  test('messages.stream: failAfterChunks: 0 fails before any text', async () => {
    fake.enqueue({ text: 'never seen', failAfterChunks: 0, error: { type: 'api_error', message: 'nope' } });
    const texts: string[] = [];
    const stream = anthropic().messages.stream(msgParams('x'));
    stream.on('text', (t) => texts.push(t));
    const err = await stream.finalText().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.APIError);
    expect(texts).toEqual([]);
  });

  test('chat.completions.create: stream: dropAfterChunks kills the connection and iteration throws', async () => {
    fake.enqueue({ text: 'abcdefghijklmnop', chunkSize: 4, dropAfterChunks: 2 });
    const stream = await openai().chat.completions.create({ ...chatParams('x'), stream: true });
    const { items, error } = await drain(stream);
    expect(items.map((c) => c.choices[0]!.delta.content)).toEqual(['', 'abcd', 'efgh']);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(OpenAI.APIUserAbortError);
  });

  test('messages.stream: dropAfterChunks rejects finalMessage', async () => {
    fake.enqueue({ text: 'abcdefghijklmnop', chunkSize: 4, dropAfterChunks: 1 });
    const texts: string[] = [];
    const stream = anthropic().messages.stream(msgParams('x'));
    stream.on('text', (t) => texts.push(t));
    const err = await stream.finalMessage().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(texts).toEqual(['abcd']);
  });

  test('chat.completions.create: stream.controller.abort() mid-stream ends iteration quietly and the server keeps serving', async () => {
    fake.enqueue({ text: 'a'.repeat(200), chunkSize: 2, chunkDelayMs: 10 });
    const writes = vi.spyOn(ServerResponse.prototype, 'write');
    try {
      const stream = await openai().chat.completions.create({ ...chatParams('x'), stream: true });
      let n = 0;
      for await (const _chunk of stream) {
        if (++n === 3) stream.controller.abort();
      }
      expect(n).toBe(3);
      const writesAtAbort = writes.mock.calls.length;
      await new Promise((r) => setTimeout(r, 60));
      // the server noticed the disconnect: at most the event already in flight was written
      expect(writes.mock.calls.length - writesAtAbort).toBeLessThanOrEqual(1);
      expect(writes.mock.calls.length).toBeLessThan(10);
    } finally {
      writes.mockRestore();
    }
    const r = await openai().chat.completions.create(chatParams('still alive?'));
    expect(r.choices[0]!.message.content).toBe('You said: still alive?');
  });

  test('messages.stream: AbortController mid-stream rejects with APIUserAbortError', async () => {
    fake.enqueue({ text: 'b'.repeat(200), chunkSize: 2, chunkDelayMs: 10 });
    const ac = new AbortController();
    const stream = anthropic().messages.stream(msgParams('x'), { signal: ac.signal });
    stream.on('text', () => ac.abort());
    const err = await stream.finalMessage().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Anthropic.APIUserAbortError);
    const r = await anthropic().messages.create(msgParams('next'));
    expect(r.content[0]).toMatchObject({ text: 'You said: next' });
  });

  test('responses.stream: abort() mid-stream rejects with APIUserAbortError', async () => {
    fake.enqueue({ text: 'c'.repeat(100), chunkSize: 2, chunkDelayMs: 10 });
    const stream = openai().responses.stream({ model: 'gpt-4.1', input: 'x' });
    stream.on('response.output_text.delta', () => stream.abort());
    const err = await stream.finalResponse().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIUserAbortError);
  });
});

describe('request log, scripting and headers', () => {
  test('requests: records method, path, headers, body, api and stream for each API', async () => {
    await openai().chat.completions.create(chatParams('one'));
    await drain(await openai().chat.completions.create({ ...chatParams('two'), stream: true }));
    await openai().responses.create({ model: 'gpt-4.1', input: 'three' });
    await openai().embeddings.create({ model: 'e', input: 'four' });
    await anthropic().messages.create(msgParams('five'));
    await anthropic().messages.countTokens({ model: 'm', messages: [{ role: 'user', content: 'six' }] });
    expect(fake.requests.map((r) => [r.method, r.path, r.api, r.stream])).toEqual([
      ['POST', '/v1/chat/completions', 'openai.chat', false],
      ['POST', '/v1/chat/completions', 'openai.chat', true],
      ['POST', '/v1/responses', 'openai.responses', false],
      ['POST', '/v1/embeddings', 'openai.embeddings', false],
      ['POST', '/v1/messages', 'anthropic.messages', false],
      ['POST', '/v1/messages/count_tokens', 'anthropic.count_tokens', false],
    ]);
    const [chat, , , , messages] = fake.requests as [FakeRequest, FakeRequest, FakeRequest, FakeRequest, FakeRequest];
    expect(chat.headers.authorization).toBe('Bearer sk-test');
    expect(chat.headers['content-type']).toContain('application/json');
    expect(chat.body).toEqual(chatParams('one'));
    // @anthropic-ai/sdk 1.x sends the key as a bearer token (older versions used x-api-key)
    expect(messages.headers['x-api-key'] ?? messages.headers.authorization).toMatch(/^(Bearer )?test$/);
    expect(messages.headers['anthropic-version']).toBeTruthy();
    expect(messages.body.messages[0].content).toBe('five');
  });

  test('reset: clears the queue and the request log', async () => {
    fake.enqueue({ text: 'queued' });
    await openai().chat.completions.create(chatParams('x'));
    fake.enqueue({ text: 'dropped by reset' });
    fake.reset();
    expect(fake.requests).toEqual([]);
    const r = await openai().chat.completions.create(chatParams('after reset'));
    expect(r.choices[0]!.message.content).toBe('You said: after reset');
  });

  test('createFakeProvider: replies array is used after the queue, then the default echo', async () => {
    const p = await createFakeProvider({ replies: [{ text: 'scripted 1' }, { text: 'scripted 2' }] });
    try {
      const client = new OpenAI({ baseURL: p.openaiBaseURL, apiKey: 'sk-test', maxRetries: 0 });
      p.enqueue({ text: 'queued first' });
      const texts: (string | null)[] = [];
      for (let i = 0; i < 4; i++) texts.push((await client.chat.completions.create(chatParams(`q${i}`))).choices[0]!.message.content);
      expect(texts).toEqual(['queued first', 'scripted 1', 'scripted 2', 'You said: q3']);
      p.reset();
      expect((await client.chat.completions.create(chatParams('x'))).choices[0]!.message.content).toBe('scripted 1');
    } finally {
      await p.close();
    }
  });

  test('createFakeProvider: a replies function sees the request', async () => {
    const p = await createFakeProvider({ replies: async (req) => ({ text: `${req.api}:${req.stream}:${req.body.model}` }) });
    try {
      const client = new Anthropic({ baseURL: p.anthropicBaseURL, apiKey: 'test', maxRetries: 0 });
      const r = await client.messages.create(msgParams('x'));
      expect(r.content[0]).toMatchObject({ text: 'anthropic.messages:false:claude-test-model' });
      expect(await client.messages.stream(msgParams('x')).finalText()).toBe('anthropic.messages:true:claude-test-model');
      expect(p.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(p.openaiBaseURL).toBe(`${p.url}/v1`);
      expect(p.anthropicBaseURL).toBe(p.url);
    } finally {
      await p.close();
      await p.close();
    }
  });

  test('chat.completions.create: withResponse() returns the x-request-id and custom headers', async () => {
    fake.enqueue({ headers: { 'x-custom': 'yes' } });
    const { data, response, request_id } = await openai().chat.completions.create(chatParams('hi')).withResponse();
    expect(request_id).toMatch(/^req_/);
    expect(response.headers.get('x-request-id')).toBe(request_id);
    expect(response.headers.get('x-custom')).toBe('yes');
    expect((data as { _request_id?: string | null })._request_id).toBe(request_id);
  });

  test('messages.create: withResponse() returns the request-id', async () => {
    const { data, request_id } = await anthropic().messages.create(msgParams('hi')).withResponse();
    expect(request_id).toMatch(/^req_/);
    expect((data as { _request_id?: string | null })._request_id).toBe(request_id);
    const stream = anthropic().messages.stream(msgParams('hi'));
    await stream.done();
    expect(stream.request_id).toMatch(/^req_/);
  });

  test('close: ends an in-flight stream without crashing', async () => {
    const p = await createFakeProvider({ replies: [{ text: 'z'.repeat(100), chunkSize: 1, chunkDelayMs: 20 }] });
    const client = new OpenAI({ baseURL: p.openaiBaseURL, apiKey: 'sk-test', maxRetries: 0 });
    const stream = await client.chat.completions.create({ ...chatParams('x'), stream: true });
    const closing = (async () => {
      await new Promise((r) => setTimeout(r, 50));
      await p.close();
    })();
    const { items, error } = await drain(stream);
    await closing;
    expect(items.length).toBeLessThan(100);
    expect(error).toBeInstanceOf(Error);
  });
});
