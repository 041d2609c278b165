import Anthropic, { AnthropicError, type ClientOptions } from '@anthropic-ai/sdk';
import { Stream } from '@anthropic-ai/sdk/streaming';
import type { APIPromise } from '@anthropic-ai/sdk/core/api-promise';
import { createGuard, type Guard } from '../../src/guard/create-guard.js';
import type { GuardOptions } from '../../src/options.js';
import { guardOptionsForClone, guardRequest, installPageGuard, type ProviderAdapter } from '../internal/guard-request.js';
import { filteredStream } from '../internal/filtered-stream.js';
import { installBatchResultsGuard } from './batch-results.js';
import { extractAnthropicRequest } from './extract-request.js';
import { filterAnthropicResponse, flushAnthropicChannels, transformAnthropicEvent } from './filter-response.js';

/** `Anthropic` client options plus `guard`. */
export interface SecureAnthropicOptions extends ClientOptions {
  /** Guard options; validated once here. See {@link GuardOptions}. */
  guard?: GuardOptions;
}

type RequestOptions = Parameters<Anthropic['request']>[0];

const GUARD = Symbol('secure-llm.guard');

function createAdapter(client: Anthropic): ProviderAdapter {
  return {
    provider: 'anthropic',
    sdkError: AnthropicError,
    extract: extractAnthropicRequest,
    filterResponse: filterAnthropicResponse,
    wrapStream: (stream, call) =>
      filteredStream(Stream, AnthropicError, stream, client, call, (event, channels) => transformAnthropicEvent(event, channels, call), flushAnthropicChannels),
  };
}

/**
 * A drop-in `Anthropic` client whose every call is scanned before it leaves
 * the process and filtered before it returns. It *is* an `Anthropic`
 * (`instanceof` holds); `messages.create/stream/countTokens`, batches (their results are filtered too), `beta.*`,
 * `withResponse()` and the `MessageStream` helpers work unchanged.
 *
 * @example
 * ```ts
 * import { SecureAnthropic } from 'secure-llm/anthropic';
 *
 * const client = new SecureAnthropic({ guard: { secrets: 'block' } });
 * const stream = client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 512, messages });
 * for await (const text of stream.on('text', process.stdout.write)) {}
 * ```
 */
export class SecureAnthropic extends Anthropic {
  declare private [GUARD]: { guard: Guard; adapter: ProviderAdapter };

  constructor(options: SecureAnthropicOptions = {}) {
    super(options);
    const keys = [this.apiKey, this.authToken].filter((k): k is string => typeof k === 'string' && k.length >= 8);
    const state = { guard: createGuard(options.guard, { exactSecrets: keys, skipUnseenWarnings: true }), adapter: createAdapter(this) };
    Object.defineProperty(this, GUARD, { value: state, enumerable: false });
    installPageGuard(this, state.guard, state.adapter);
    installBatchResultsGuard(this.messages.batches, state.guard, state.adapter);
    installBatchResultsGuard(this.beta.messages.batches, state.guard, state.adapter);
  }

  /** The guard options in force for this client. */
  get guardOptions(): GuardOptions {
    return this[GUARD].guard.input;
  }

  /**
   * Returns a client of the same class with guard options merged over this
   * client's (the way `withOptions` works).
   *
   * @throws {GuardConfigError} when an override is invalid.
   * @example
   * ```ts
   * await client.withGuard({ pii: 'pseudonymize' }).messages.create(params);
   * ```
   */
  withGuard(overrides: GuardOptions): this {
    return this.withOptions({ guard: guardOptionsForClone(this[GUARD].guard, overrides) });
  }

  override withOptions(options: Partial<SecureAnthropicOptions>): this {
    return super.withOptions(options);
  }

  override request<Rsp>(options: RequestOptions, remainingRetries: number | null = null): APIPromise<Rsp> {
    const { guard, adapter } = this[GUARD];
    return guardRequest(guard, adapter, options, (prepared) => super.request<Rsp>(prepared, remainingRetries));
  }

}
