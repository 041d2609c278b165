/**
 * SecureOpenAI vs plain OpenAI against the built-in fake provider, in one run.
 * Calls alternate between the two clients so machine noise hits both alike.
 * Prints p50/p99 per call, the added time, and the ratio, for the default
 * client and for one with an `onEvent` handler (which also runs the scans
 * whose only outcome is a `warn` event: PII on input and output by default).
 *
 * The provider runs in a child process (bench/fake-server.ts), as a real
 * provider runs elsewhere: in the same event loop its request handling and
 * SSE writing would be timed as part of every call and would evict the
 * guard's working set from the CPU caches between calls. `--in-process` runs
 * it in this process instead.
 *
 *   npx tsx bench/overhead.ts [--iterations 400] [--in-process]
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import OpenAI from 'openai';
import { SecureOpenAI } from '../providers/openai/index.js';
import { createFakeProvider } from '../src/testing/index.js';
import { createGuard } from '../src/guard/create-guard.js';
import { extractOpenAIRequest } from '../providers/openai/extract-request.js';

const iterations = Number(process.argv[process.argv.indexOf('--iterations') + 1]) || 400;

function prompt(bytes: number): string {
  const words = ['the', 'quarterly', 'report', 'shows', 'revenue', 'growth', 'in', 'our', 'european', 'markets', 'and', 'customer', 'churn', 'fell'];
  let s = 'Please summarise the following notes for the team. ';
  for (let i = 0; s.length < bytes; i++) s += words[(i * 7) % words.length] + (i % 17 === 16 ? '. ' : ' ');
  return s.slice(0, bytes);
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** The fake provider, in a child process unless `--in-process`. */
async function startProvider(): Promise<{ openaiBaseURL: string; reset(): void; close(): Promise<void> }> {
  if (process.argv.includes('--in-process')) {
    return createFakeProvider({ replies: () => ({ text: 'Here is a short summary of the notes you sent: revenue grew and churn fell.', chunkSize: 8 }) });
  }
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./fake-server.ts', import.meta.url).pathname], { stdio: ['pipe', 'pipe', 'inherit'] });
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`fake provider exited (${code})`)));
  });
  const { openaiBaseURL } = JSON.parse(first) as { openaiBaseURL: string };
  return {
    openaiBaseURL,
    reset() {},
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}

async function main() {
  const fake = await startProvider();
  const common = { baseURL: fake.openaiBaseURL, apiKey: 'sk-bench-0000000000000000', maxRetries: 0 };
  const plain = new OpenAI(common);
  const secure = new SecureOpenAI(common);
  // With an onEvent handler, warn-only scans (PII on input and output by default) run too: their findings have a reader.
  const observed = new SecureOpenAI({ ...common, guard: { onEvent: () => {} } });
  const rows: string[] = [];

  for (const size of [1024, 100 * 1024]) {
    const content = prompt(size);
    for (const stream of [false, true]) {
      const run = async (client: OpenAI) => {
        const t0 = performance.now();
        if (stream) {
          const s = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }], stream: true });
          for await (const _ of s);
        } else {
          await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content }] });
        }
        return performance.now() - t0;
      };
      const n = size > 10_000 ? Math.max(50, iterations / 4) : iterations;
      for (let i = 0; i < 20; i++) {
        await run(plain);
        await run(secure);
        await run(observed);
      }
      const a: number[] = [];
      const b: number[] = [];
      const c: number[] = [];
      for (let i = 0; i < n; i++) {
        a.push(await run(plain));
        b.push(await run(secure));
        c.push(await run(observed));
      }
      for (const xs of [a, b, c]) xs.sort((x, y) => x - y);
      const [p50a, p99a] = [quantile(a, 0.5), quantile(a, 0.99)];
      for (const [label, xs] of [['secure', b], ['+onEvent', c]] as const) {
        const [p50b, p99b] = [quantile(xs, 0.5), quantile(xs, 0.99)];
        rows.push(
          [
            `${size >= 1024 * 100 ? '100 KB' : '1 KB'}`.padEnd(7),
            (stream ? 'stream' : 'json').padEnd(7),
            `plain p50 ${p50a.toFixed(3)} ms p99 ${p99a.toFixed(3)} ms`.padEnd(38),
            `${label} p50 ${p50b.toFixed(3)} ms p99 ${p99b.toFixed(3)} ms`.padEnd(41),
            `added p50 ${(p50b - p50a).toFixed(3)} ms p99 ${(p99b - p99a).toFixed(3)} ms`.padEnd(38),
            `ratio p50 ${(p50b / p50a).toFixed(2)}x`,
          ].join(' '),
        );
      }
      fake.reset();
    }
  }
  await fake.close();

  // The guard alone (extract + inspect + filter the reply), without HTTP noise; every scanner runs (as with onEvent).
  const guard = createGuard({}, { exactSecrets: [common.apiKey] });
  const reply = 'Here is a short summary of the notes you sent: revenue grew and churn fell.';
  const guardRows: string[] = [];
  for (const size of [1024, 100 * 1024]) {
    const body = { model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt(size) }] };
    const n = size > 10_000 ? 200 : 5000;
    const times: number[] = [];
    for (let i = 0; i < n + 200; i++) {
      const t0 = performance.now();
      const call = await guard.inspect(extractOpenAIRequest('/chat/completions', body), { provider: 'openai', endpoint: '/chat/completions', stream: false });
      call.output.filter(reply);
      call.output.finish();
      if (i >= 200) times.push(performance.now() - t0);
    }
    times.sort((x, y) => x - y);
    guardRows.push(`${size >= 1024 * 100 ? '100 KB' : '1 KB'}`.padEnd(7) + ` guard only: p50 ${(quantile(times, 0.5) * 1000).toFixed(1)} µs  p99 ${(quantile(times, 0.99) * 1000).toFixed(1)} µs  (${n} calls)`);
  }

  const where = process.argv.includes('--in-process') ? 'in this process' : 'in a child process';
  console.log(`SecureOpenAI vs OpenAI, fake provider on loopback (${where}), ${iterations} calls per cell (100 KB: ${Math.max(50, iterations / 4)})`);
  for (const r of rows) console.log(r);
  console.log('Guard time alone (request extraction, injection + secrets + PII scan, reply filter):');
  for (const r of guardRows) console.log(r);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
