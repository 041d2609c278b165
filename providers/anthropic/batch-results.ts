import type { Guard } from '../../src/guard/create-guard.js';
import { isSecurityError } from '../../src/errors.js';
import type { ProviderAdapter } from '../internal/guard-request.js';
import { asSdkError } from '../internal/sdk-error.js';

interface BatchesResource {
  results(...args: any[]): Promise<any>;
}

/**
 * Routes `messages.batches.results()` (and the beta twin) through the output filter. The SDK
 * reads the results file with its own JSONL decoder over the raw response, outside the
 * parsed-response path the guard filters, so each decoded line's message is filtered here as
 * it is yielded, like a non-streamed reply. The returned object is the SDK's decoder (same
 * prototype, same `controller`); only its iteration differs.
 */
export function installBatchResultsGuard(batches: BatchesResource, guard: Guard, adapter: ProviderAdapter): void {
  const original = batches.results;
  Object.defineProperty(batches, 'results', {
    value: async (...args: any[]) => filteredDecoder(await original.apply(batches, args), guard, adapter),
    enumerable: false,
    writable: true,
    configurable: true,
  });
}

function filteredDecoder(decoder: any, guard: Guard, adapter: ProviderAdapter): any {
  const filtered = Object.create(decoder);
  filtered[Symbol.asyncIterator] = async function* () {
    try {
      for await (const line of decoder as AsyncIterable<any>) {
        if (line?.result?.type === 'succeeded' && line.result.message) {
          // one session a line: each line is its own conversation
          const session = guard.outputOnly({ provider: adapter.provider, endpoint: '/v1/messages/batches/results', stream: false });
          adapter.filterResponse(line.result.message, { edits: [], findings: [], output: session });
          session.finish();
        }
        yield line;
      }
    } catch (error) {
      if (!isSecurityError(error)) throw error;
      decoder.controller?.abort();
      throw asSdkError(error, adapter.sdkError);
    }
  };
  return filtered;
}
