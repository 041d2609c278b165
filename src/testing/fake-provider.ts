/**
 * The loopback HTTP server behind {@link createFakeProvider}: routing, the reply queue, the
 * request log, JSON and SSE responses, errors, delays and client disconnects.
 *
 * @internal
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { batchObject, countTokensResponse, messageObject, messageStream, type BatchResult, type StoredBatch } from './anthropic-messages.js';
import { chatCompletion, chatCompletionStream, withToolCallIds } from './openai-chat.js';
import { embeddingsResponse } from './openai-embeddings.js';
import { responseObject, responseStream } from './openai-responses.js';
import { anthropicErrorBody, makeId, openaiErrorBody, resolveReply } from './reply-utils.js';
import { pause, writeStream, type StreamPlan } from './sse.js';
import type { FakeApi, FakeProvider, FakeProviderOptions, FakeReply, FakeRequest } from './types.js';

type Route =
  | { kind: 'chat.create' | 'chat.list' | 'responses.create' | 'embeddings.create' | 'messages.create' | 'messages.count_tokens' }
  | { kind: 'chat.retrieve'; id: string }
  | { kind: 'batches.create' }
  | { kind: 'batches.retrieve' | 'batches.results'; id: string }
  | { kind: 'unknown' };

// Azure OpenAI puts the deployment in the path: /openai/deployments/{name}/chat/completions.
const AZURE_DEPLOYMENT = /^(?:\/v1|\/openai)?\/deployments\/[^/]+(\/.*)$/;

function matchRoute(method: string, path: string): Route {
  let p = path.length > 1 ? path.replace(/\/+$/, '') : path;
  const azure = AZURE_DEPLOYMENT.exec(p);
  if (azure) p = `/v1${azure[1]}`;
  if (p === '/v1/chat/completions') return method === 'POST' ? { kind: 'chat.create' } : method === 'GET' ? { kind: 'chat.list' } : { kind: 'unknown' };
  const retrieve = /^\/v1\/chat\/completions\/([^/]+)$/.exec(p);
  if (retrieve && method === 'GET') return { kind: 'chat.retrieve', id: decodeURIComponent(retrieve[1]!) };
  const batch = /^\/v1\/messages\/batches\/([^/]+)(\/results)?$/.exec(p);
  if (batch && method === 'GET') return { kind: batch[2] ? 'batches.results' : 'batches.retrieve', id: decodeURIComponent(batch[1]!) };
  if (p === '/v1/messages/batches' && method === 'POST') return { kind: 'batches.create' };
  if (method !== 'POST') return { kind: 'unknown' };
  if (p === '/v1/responses') return { kind: 'responses.create' };
  if (p === '/v1/embeddings') return { kind: 'embeddings.create' };
  if (p === '/v1/messages') return { kind: 'messages.create' };
  if (p === '/v1/messages/count_tokens') return { kind: 'messages.count_tokens' };
  return { kind: 'unknown' };
}

function apiOf(route: Route): FakeApi {
  switch (route.kind) {
    case 'chat.create':
    case 'chat.list':
    case 'chat.retrieve':
      return 'openai.chat';
    case 'responses.create':
      return 'openai.responses';
    case 'embeddings.create':
      return 'openai.embeddings';
    case 'messages.create':
      return 'anthropic.messages';
    case 'messages.count_tokens':
      return 'anthropic.count_tokens';
    case 'batches.create':
    case 'batches.retrieve':
    case 'batches.results':
      return 'anthropic.batches';
    default:
      return 'other';
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function headersOf(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

type StoredCompletion = ReturnType<typeof chatCompletion>;

/** The server state behind a {@link FakeProvider}. @internal */
class FakeProviderServer {
  readonly requests: FakeRequest[] = [];
  private queue: FakeReply[] = [];
  private scriptIndex = 0;
  private stored: StoredCompletion[] = [];
  private batches = new Map<string, StoredBatch>();
  private readonly active = new Set<AbortController>();
  private closed = false;

  constructor(private readonly options: FakeProviderOptions) {}

  enqueue(replies: FakeReply[]): void {
    this.queue.push(...replies);
  }

  reset(): void {
    this.queue = [];
    this.requests.length = 0;
    this.scriptIndex = 0;
    this.stored = [];
    this.batches.clear();
  }

  abortAll(): void {
    this.closed = true;
    for (const ac of this.active) ac.abort();
    this.active.clear();
  }

  private async nextReply(req: FakeRequest): Promise<FakeReply> {
    const queued = this.queue.shift();
    if (queued) return queued;
    const { replies } = this.options;
    if (typeof replies === 'function') return (await replies(req)) ?? {};
    if (Array.isArray(replies) && this.scriptIndex < replies.length) return replies[this.scriptIndex++]!;
    return {};
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const ac = new AbortController();
    this.active.add(ac);
    res.on('close', () => {
      ac.abort();
      this.active.delete(ac);
    });
    res.on('error', () => ac.abort());
    req.on('error', () => ac.abort());
    if (this.closed) ac.abort();

    const url = new URL(req.url ?? '/', 'http://fake.local');
    const method = (req.method ?? 'GET').toUpperCase();
    const route = matchRoute(method, url.pathname);
    const api = apiOf(route);
    const requestId = makeId('req_', 16);
    const baseHeaders: Record<string, string> = { 'x-request-id': requestId, 'request-id': requestId, 'openai-processing-ms': '1' };

    let raw: string;
    try {
      raw = await readBody(req);
    } catch {
      return;
    }
    let body: unknown = null;
    let badJson = false;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
        badJson = true;
      }
    }
    const isObject = body !== null && typeof body === 'object' && !Array.isArray(body);
    const record: FakeRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: headersOf(req),
      body,
      api,
      stream: isObject && (body as { stream?: unknown }).stream === true,
    };
    this.requests.push(record);

    const anthropic = api.startsWith('anthropic.');
    const sendJson = (status: number, payload: unknown, extra: Record<string, string> = {}) => {
      if (res.destroyed || res.headersSent) return;
      const text = JSON.stringify(payload);
      res.writeHead(status, { ...baseHeaders, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...extra });
      res.end(text);
    };
    const sendError = (status: number, error: FakeReply['error'], extra: Record<string, string> = {}) =>
      sendJson(status, anthropic ? anthropicErrorBody(status, error, requestId) : openaiErrorBody(status, error), { 'retry-after-ms': '1', ...extra });

    switch (route.kind) {
      case 'unknown':
        return sendError(404, { message: `Fake provider: no route for ${method} ${url.pathname}`, type: 'invalid_request_error', code: 'unknown_url' }, { 'x-should-retry': 'false' });
      case 'chat.list':
        return sendJson(200, this.listCompletions(record.query));
      case 'chat.retrieve': {
        const found = this.stored.find((c) => c.id === route.id);
        return found ? sendJson(200, found) : sendError(404, { message: `No chat completion found with id '${route.id}'.`, code: 'not_found' });
      }
      case 'batches.retrieve':
      case 'batches.results': {
        const found = this.batches.get(route.id);
        if (!found) return sendError(404, { message: `No message batch found with id '${route.id}'.` });
        if (route.kind === 'batches.retrieve') return sendJson(200, batchObject(found, this.resultsUrl(req, found.id)));
        const text = found.results.map((r) => JSON.stringify(r) + '\n').join('');
        res.writeHead(200, { ...baseHeaders, 'content-type': 'application/binary', 'content-length': String(Buffer.byteLength(text)) });
        res.end(text);
        return;
      }
      default:
        break;
    }
    if (badJson || !isObject) {
      return sendError(400, { message: 'Fake provider: the request body is not a JSON object.', type: 'invalid_request_error' });
    }
    const json = body as Record<string, unknown>;
    if (route.kind === 'batches.create') {
      const created = await this.createBatch(json, record);
      return typeof created === 'string'
        ? sendError(400, { message: created, type: 'invalid_request_error' })
        : sendJson(200, batchObject(created, this.resultsUrl(req, created.id)));
    }

    let reply: FakeReply;
    try {
      reply = (await this.nextReply(record)) ?? {};
    } catch (e) {
      return sendError(500, { message: `Fake provider: the replies() callback threw: ${e instanceof Error ? e.message : String(e)}` });
    }
    if (!(await pause(reply.delayMs, ac.signal))) return;
    const headers = { ...(reply.headers ?? {}) };
    const status = reply.status ?? 200;
    if (status >= 400) return sendError(status, reply.error, headers);
    if (reply.dropAfterChunks !== undefined && !record.stream) {
      res.socket?.destroy();
      res.destroy();
      return;
    }

    const resolved = resolveReply(reply, record);
    let plan: StreamPlan | undefined;
    switch (route.kind) {
      case 'chat.create': {
        const ctx = { body: json, reply, resolved: withToolCallIds(resolved) };
        if (record.stream) {
          const s = chatCompletionStream(ctx);
          this.stored.push(s.completion);
          plan = s.plan;
        } else {
          const completion = chatCompletion(ctx);
          this.stored.push(completion);
          return sendJson(status, completion, headers);
        }
        break;
      }
      case 'responses.create':
        if (record.stream) plan = responseStream({ body: json, reply, resolved });
        else return sendJson(status, responseObject({ body: json, reply, resolved }), headers);
        break;
      case 'embeddings.create':
        return sendJson(status, embeddingsResponse(json, reply), headers);
      case 'messages.create':
        if (record.stream) plan = messageStream({ body: json, reply, resolved, requestId });
        else return sendJson(status, messageObject({ body: json, reply, resolved, requestId }), headers);
        break;
      case 'messages.count_tokens':
        return sendJson(status, countTokensResponse(json, reply), headers);
    }
    if (!plan || res.destroyed) return;
    res.writeHead(status, {
      ...baseHeaders,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      ...headers,
    });
    res.flushHeaders();
    await writeStream(res, plan, reply, ac.signal);
  }

  /**
   * A Message Batch, processed at once: each request takes the next scripted reply, as a
   * `messages.create` call would (an error reply becomes an `errored` result). Returns a
   * message when the body is not a batch.
   */
  private async createBatch(body: Record<string, unknown>, record: FakeRequest): Promise<StoredBatch | string> {
    const requests = body.requests;
    if (!Array.isArray(requests) || requests.length === 0) return 'Fake provider: requests must be a non-empty array.';
    const batch: StoredBatch = { id: makeId('msgbatch_01', 12), createdAt: new Date().toISOString(), results: [] };
    for (const r of requests as { custom_id?: unknown; params?: unknown }[]) {
      const params = (r?.params && typeof r.params === 'object' ? r.params : {}) as Record<string, unknown>;
      const sub: FakeRequest = { ...record, path: '/v1/messages', body: params, api: 'anthropic.messages', stream: false };
      const reply = (await this.nextReply(sub)) ?? {};
      const requestId = makeId('req_', 16);
      const status = reply.status ?? 200;
      const result: BatchResult =
        status >= 400
          ? { type: 'errored', error: anthropicErrorBody(status, reply.error, requestId) }
          : { type: 'succeeded', message: messageObject({ body: params, reply, resolved: resolveReply(reply, sub), requestId }) };
      batch.results.push({ custom_id: String(r?.custom_id ?? ''), result });
    }
    this.batches.set(batch.id, batch);
    return batch;
  }

  private resultsUrl(req: IncomingMessage, id: string): string {
    return `http://${req.headers.host ?? 'localhost'}/v1/messages/batches/${encodeURIComponent(id)}/results`;
  }

  private listCompletions(query: Record<string, string>) {
    let items = [...this.stored];
    if (query.model) items = items.filter((c) => c.model === query.model);
    if (query.order === 'desc') items.reverse();
    if (query.after) {
      const i = items.findIndex((c) => c.id === query.after);
      items = i >= 0 ? items.slice(i + 1) : [];
    }
    const limit = query.limit ? Math.max(1, Number(query.limit) || 20) : 20;
    const page = items.slice(0, limit);
    return { object: 'list', data: page, first_id: page[0]?.id ?? null, last_id: page.at(-1)?.id ?? null, has_more: items.length > page.length };
  }
}

/**
 * Start a fake provider. See the `secure-llm/testing` entry point for documentation.
 *
 * @internal
 */
export async function startFakeProvider(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  const state = new FakeProviderServer(options);
  const server = createServer((req, res) => {
    state.handle(req, res).catch(() => {
      if (!res.headersSent && !res.destroyed) {
        const id = makeId('req_', 16);
        res.writeHead(500, { 'content-type': 'application/json', 'x-request-id': id, 'request-id': id, 'retry-after-ms': '1' });
        res.end(JSON.stringify(openaiErrorBody(500, { message: 'Fake provider: internal error.' })));
      } else {
        res.destroy();
      }
    });
  });
  server.on('clientError', (_err, socket) => socket.destroy());
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closing: Promise<void> | undefined;

  return {
    url,
    openaiBaseURL: `${url}/v1`,
    anthropicBaseURL: url,
    requests: state.requests,
    enqueue: (...replies: FakeReply[]) => state.enqueue(replies),
    reset: () => state.reset(),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        state.abortAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
