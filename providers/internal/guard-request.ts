import { inheritThrottle, type Guard, type GuardedCall } from '../../src/guard/create-guard.js';
import { mergeGuardOptions, type GuardOptions } from '../../src/options.js';
import type { ExtractedRequest } from '../../src/guard/types.js';
import { setAtPath } from '../../src/guard/json-path.js';
import { isSecurityError } from '../../src/errors.js';
import { asSdkError } from './sdk-error.js';

/** The SDK-specific parts of guarding: how to read a request and how to filter what comes back. */
export interface ProviderAdapter {
  readonly provider: 'openai' | 'anthropic';
  extract(path: string, body: unknown): ExtractedRequest;
  /** Filters a parsed, non-streamed reply in place and returns it. */
  filterResponse(data: any, call: GuardedCall): any;
  /** Returns the SDK's own `Stream` class over filtered events. */
  wrapStream(stream: any, call: GuardedCall): any;
  /** The SDK's base error class (`OpenAIError`, `AnthropicError`); guard errors are re-based on it. */
  readonly sdkError: new (message: string) => Error;
}

/**
 * Guard errors leave the client as instances of the SDK's base error class too
 * (see {@link asSdkError}): the SDK's runners and stream helpers wrap any other
 * error in a generic one, which would hide the typed error from the caller.
 */
function rethrow(adapter: ProviderAdapter, error: unknown): never {
  throw isSecurityError(error) ? asSdkError(error, adapter.sdkError) : error;
}

/** The parts of an SDK `APIPromise` the guard relies on (see shared/design/interception.md). */
interface APIPromiseLike<T> {
  _thenUnwrap<U>(transform: (data: T, props: { options: any; response: Response }) => U): APIPromiseLike<U>;
}

/**
 * Runs the guard in front of the SDK's single `request()` path: once per
 * logical call (retries do not come back through here), before any byte is
 * sent, and filters the parsed reply through `_thenUnwrap` so
 * `withResponse()`, `_request_id` and the SDK helpers keep working.
 */
export function guardRequest<P extends APIPromiseLike<any>>(
  guard: Guard,
  adapter: ProviderAdapter,
  options: unknown,
  send: (options: Promise<any>) => P,
): P {
  let call: GuardedCall | undefined;
  const prepared = Promise.resolve(options).then(async (opts: any) => {
    const extracted = adapter.extract(opts.path ?? '', opts.body);
    call = await guard
      .inspect(extracted, {
        provider: adapter.provider,
        endpoint: String(opts.path ?? '').split('?')[0]!,
        model: extracted.model,
        stream: opts.stream === true,
      })
      .catch((error) => rethrow(adapter, error));
    if (call.edits.length === 0) return opts;
    let body = opts.body;
    for (const edit of call.edits) body = setAtPath(body, edit.path, edit.text);
    return { ...opts, body };
  });
  return send(prepared)._thenUnwrap((data: any, props) => {
    if (!call || data == null) return data;
    if (props.options?.stream) return adapter.wrapStream(data, call);
    if (props.options?.__binaryResponse || typeof data !== 'object') {
      call.output.finish();
      return data;
    }
    try {
      const filtered = adapter.filterResponse(data, call);
      call.output.finish();
      return filtered;
    } catch (error) {
      rethrow(adapter, error);
    }
  }) as P;
}

const FILTERED_PAGE = Symbol('secure-llm.filtered-page');

/**
 * Guards the SDK's paginated path (`requestAPIList`, which bypasses
 * `request()`): every page's items go through the output filter, and
 * `getNextPage()` / `for await` keep working because the page class the SDK
 * re-uses for the next page is the filtering one.
 */
function guardPageClass<C extends new (...args: any[]) => any>(guard: Guard, adapter: ProviderAdapter, Page: C): C {
  if ((Page as any)[FILTERED_PAGE]) return Page;
  const Filtered = class extends (Page as any) {
    static [FILTERED_PAGE] = true;
    constructor(client: unknown, response: Response, body: any, options: any) {
      const session = guard.outputOnly({ provider: adapter.provider, endpoint: String(options?.path ?? '').split('?')[0]!, stream: false });
      try {
        if (Array.isArray(body?.data)) for (const item of body.data) adapter.filterResponse(item, { edits: [], findings: [], output: session });
        session.finish();
      } catch (error) {
        rethrow(adapter, error);
      }
      super(client, response, body, options);
    }
  };
  Object.defineProperty(Filtered, 'name', { value: Page.name });
  return Filtered as unknown as C;
}

/**
 * Routes the client's `requestAPIList` through {@link guardPageClass}. Done on
 * the instance (clones made by `withOptions` run the constructor again) so the
 * SDK's generic method type stays exactly as declared.
 */
export function installPageGuard(client: { requestAPIList: (...args: any[]) => any }, guard: Guard, adapter: ProviderAdapter): void {
  const original = client.requestAPIList;
  Object.defineProperty(client, 'requestAPIList', {
    value: (Page: new (...args: any[]) => any, options: unknown) => original.call(client, guardPageClass(guard, adapter, Page), options),
    enumerable: false,
    writable: true,
    configurable: true,
  });
}

/**
 * The guard options of a `withGuard(overrides)` clone: merged over the
 * client's, and sharing its rate-limit budgets unless `overrides` sets `limits`.
 */
export function guardOptionsForClone(guard: Guard, overrides: GuardOptions): GuardOptions {
  const merged = mergeGuardOptions(guard.input, overrides);
  if (overrides?.limits === undefined) inheritThrottle(guard, merged);
  return merged;
}
