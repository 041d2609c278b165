import type { ChannelOutput, GuardedCall, OutputChannel } from '../../src/guard/create-guard.js';
import { isSecurityError, type SecurityError } from '../../src/errors.js';
import { asSdkError } from './sdk-error.js';

/** Per-channel output filters of one streamed reply (a choice, an output part, a content block). */
export class StreamChannels {
  private readonly channels = new Map<string, { channel: OutputChannel; released: string }>();
  /** A `block` rule fired: the stream must end with this error once released text is out. */
  error: SecurityError | undefined;
  /**
   * Keep each channel's released text, for APIs whose closing events repeat the
   * whole text (Responses `*.done`). Off otherwise, so memory stays bounded by
   * the hold-back window rather than the reply length.
   */
  keepReleased = false;
  /** Tool calls being streamed, by channel key: name and the argument text so far. */
  readonly toolCalls = new Map<string, { name: string; args: string }>();

  /** Starts or extends a streamed tool call; the name is checked against the tool policy when first seen. */
  toolDelta(key: string, name: string | undefined, args: string | undefined): void {
    let entry = this.toolCalls.get(key);
    if (!entry) {
      entry = { name: '', args: '' };
      this.toolCalls.set(key, entry);
    }
    if (name && !entry.name) {
      entry.name = name;
      this.call.output.checkToolCall(name);
    }
    if (args) entry.args += args;
  }

  /** Validates the complete streamed tool calls whose key starts with `prefix` (all when omitted). */
  completeToolCalls(prefix = '', emptyArgs = ''): void {
    for (const [key, entry] of this.toolCalls) {
      if (!key.startsWith(prefix)) continue;
      this.toolCalls.delete(key);
      if (entry.name) this.call.output.checkToolCall(entry.name, entry.args || emptyArgs);
    }
  }

  constructor(private readonly call: GuardedCall) {}

  push(key: string, delta: string): string {
    return this.take(key, (c) => c.push(delta));
  }

  end(key: string): string {
    const text = this.take(key, (c) => c.end());
    return text;
  }

  /** Everything released so far on `key` (what the caller has seen); needs {@link keepReleased}. */
  released(key: string): string | undefined {
    return this.channels.get(key)?.released;
  }

  /** Keys of channels that may still hold text. */
  open(): string[] {
    return [...this.channels.keys()];
  }

  private take(key: string, fn: (c: OutputChannel) => ChannelOutput): string {
    let entry = this.channels.get(key);
    if (!entry) {
      entry = { channel: this.call.output.channel(), released: '' };
      this.channels.set(key, entry);
    }
    if (this.error) return '';
    const out = fn(entry.channel);
    if (this.keepReleased) entry.released += out.text;
    if (out.error) this.error = out.error;
    return out.text;
  }
}

type StreamCtor<S> = new (iterator: () => AsyncIterator<any>, controller: AbortController, client?: any) => S;

/**
 * Returns a new instance of the SDK's own `Stream` class whose events went
 * through `transform`. `transform` returns the events to emit for one source
 * event; `flush` returns the events that release what channels still hold at
 * the end. A `block` decision (or a tool-policy refusal) aborts the upstream
 * request, so no more tokens are billed, and fails iteration with the typed
 * error re-based on the SDK's error class (see {@link asSdkError}).
 */
export function filteredStream<S>(
  Stream: StreamCtor<S>,
  SdkError: new (message: string) => Error,
  source: { controller: AbortController; [Symbol.asyncIterator](): AsyncIterator<any> },
  client: unknown,
  call: GuardedCall,
  transform: (event: any, channels: StreamChannels) => any[],
  flush: (channels: StreamChannels) => any[],
): S {
  const channels = new StreamChannels(call);
  async function* iterate() {
    try {
      for await (const event of source as AsyncIterable<any>) {
        const out = transform(event, channels);
        for (const e of out) yield e;
        if (channels.error) throw channels.error;
      }
      if (source.controller.signal.aborted) return;
      for (const e of flush(channels)) yield e;
      if (channels.error) throw channels.error;
      call.output.finish();
    } catch (error) {
      if (!isSecurityError(error)) throw error;
      source.controller.abort();
      throw asSdkError(error, SdkError);
    }
  }
  return new Stream(() => iterate(), source.controller, client);
}
