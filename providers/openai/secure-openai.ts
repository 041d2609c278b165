import OpenAI, { AzureOpenAI, OpenAIError, type ClientOptions } from 'openai';
import type { AzureClientOptions } from 'openai/azure';
import { Stream } from 'openai/streaming';
import type { APIPromise } from 'openai/core/api-promise';
import { createGuard, type Guard } from '../../src/guard/create-guard.js';
import type { GuardOptions } from '../../src/options.js';
import { guardOptionsForClone, guardRequest, installPageGuard, type ProviderAdapter } from '../internal/guard-request.js';
import { filteredStream } from '../internal/filtered-stream.js';
import { extractOpenAIRequest } from './extract-request.js';
import { filterOpenAIResponse, flushChatChannels, transformChatChunk, transformResponsesEvent } from './filter-response.js';

/** `OpenAI` client options plus `guard`. */
export interface SecureOpenAIOptions extends ClientOptions {
  /** Guard options; validated once here. See {@link GuardOptions}. */
  guard?: GuardOptions;
}

/** `AzureOpenAI` client options plus `guard`. */
export interface SecureAzureOpenAIOptions extends AzureClientOptions {
  guard?: GuardOptions;
}

type RequestOptions = Parameters<OpenAI['request']>[0];

function createAdapter(client: OpenAI): ProviderAdapter {
  return {
    provider: 'openai',
    sdkError: OpenAIError,
    extract: extractOpenAIRequest,
    filterResponse: filterOpenAIResponse,
    wrapStream(stream, call) {
      const state: { last?: any } = {};
      return filteredStream(
        Stream,
        OpenAIError,
        stream,
        client,
        call,
        (event, channels) => {
          if (event && typeof event.type === 'string' && event.type.startsWith('response.')) return transformResponsesEvent(event, channels, call);
          if (event?.object === 'chat.completion.chunk') {
            state.last = event;
            return transformChatChunk(event, channels, call);
          }
          return [event];
        },
        (channels) => flushChatChannels(channels, state),
      );
    },
  };
}

function exactSecrets(client: OpenAI): string[] {
  return [client.apiKey, (client as any).adminAPIKey].filter((k): k is string => typeof k === 'string' && k.length >= 8);
}

const GUARD = Symbol('secure-llm.guard');

interface GuardState {
  guard: Guard;
  adapter: ProviderAdapter;
}

/** Validates the guard options once and wires the guard into the client's request path. */
function attachGuard(client: OpenAI, options: GuardOptions | undefined): void {
  const state: GuardState = { guard: createGuard(options, { exactSecrets: exactSecrets(client), skipUnseenWarnings: true }), adapter: createAdapter(client) };
  Object.defineProperty(client, GUARD, { value: state, enumerable: false });
  installPageGuard(client, state.guard, state.adapter);
}

/**
 * A drop-in `OpenAI` client whose every call is scanned before it leaves the
 * process and filtered before it returns. It *is* an `OpenAI` (`instanceof`
 * holds); all resources, stream helpers, `withResponse()` and `parse()` work
 * unchanged.
 *
 * @example
 * ```ts
 * import { SecureOpenAI } from 'secure-llm/openai';
 * import { PromptInjectionError } from 'secure-llm';
 *
 * const client = new SecureOpenAI({ guard: { injection: 'block', pii: 'redact' } });
 * try {
 *   const r = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: text }] });
 * } catch (e) {
 *   if (e instanceof PromptInjectionError) console.log(e.findings);
 * }
 * ```
 */
export class SecureOpenAI extends OpenAI {
  declare private [GUARD]: GuardState;

  constructor(options: SecureOpenAIOptions = {}) {
    super(options);
    attachGuard(this, options.guard);
  }

  /** The validated guard options in force for this client. */
  get guardOptions(): GuardOptions {
    return this[GUARD].guard.input;
  }

  /**
   * Returns a client of the same class with guard options merged over this
   * client's (the way `withOptions` works), e.g. for one call.
   *
   * @throws {GuardConfigError} when an override is invalid.
   * @example
   * ```ts
   * await client.withGuard({ injection: 'off' }).chat.completions.create(params);
   * ```
   */
  withGuard(overrides: GuardOptions): this {
    return this.withOptions({ guard: guardOptionsForClone(this[GUARD].guard, overrides) });
  }

  override withOptions(options: Partial<SecureOpenAIOptions>): this {
    return super.withOptions(options);
  }

  override request<Rsp>(options: RequestOptions, remainingRetries: number | null = null): APIPromise<Rsp> {
    const { guard, adapter } = this[GUARD];
    return guardRequest(guard, adapter, options, (prepared) => super.request<Rsp>(prepared, remainingRetries));
  }

}

/**
 * A drop-in `AzureOpenAI` client with the same guard as {@link SecureOpenAI}.
 *
 * @example
 * ```ts
 * const client = new SecureAzureOpenAI({ endpoint, apiVersion: '2024-10-21', guard: { pii: 'redact' } });
 * ```
 */
export class SecureAzureOpenAI extends AzureOpenAI {
  declare private [GUARD]: GuardState;

  constructor(options: SecureAzureOpenAIOptions = {}) {
    super(options);
    attachGuard(this, options.guard);
  }

  get guardOptions(): GuardOptions {
    return this[GUARD].guard.input;
  }

  /** See {@link SecureOpenAI.withGuard}. */
  withGuard(overrides: GuardOptions): this {
    return this.withOptions({ guard: guardOptionsForClone(this[GUARD].guard, overrides) });
  }

  // AzureOpenAI's constructor consumes `apiVersion` and `deployment` without keeping them in
  // `_options`, so the inherited `withOptions` would build a client without them (and throw).
  override withOptions(options: Partial<SecureAzureOpenAIOptions>): this {
    return super.withOptions({ apiVersion: this.apiVersion, deployment: (this as unknown as { deploymentName?: string }).deploymentName, ...options } as Partial<ClientOptions>);
  }

  override request<Rsp>(options: RequestOptions, remainingRetries: number | null = null): APIPromise<Rsp> {
    const { guard, adapter } = this[GUARD];
    return guardRequest(guard, adapter, options, (prepared) => super.request<Rsp>(prepared, remainingRetries));
  }

}
