/**
 * The fake provider in a process of its own, for benches that time the client
 * side only: started by bench/overhead.ts, it prints its base URLs as one JSON
 * line and exits when its parent closes stdin.
 *
 *   node --import tsx bench/fake-server.ts
 */
import { createFakeProvider } from '../src/testing/index.js';

const reply = 'Here is a short summary of the notes you sent: revenue grew and churn fell.';
const fake = await createFakeProvider({ replies: () => ({ text: reply, chunkSize: 8 }) });
// the request log is not needed here; keep it from growing over thousands of calls
setInterval(() => fake.reset(), 250).unref();
process.stdout.write(JSON.stringify({ openaiBaseURL: fake.openaiBaseURL, anthropicBaseURL: fake.anthropicBaseURL }) + '\n');
process.stdin.resume();
process.stdin.on('end', () => void fake.close().then(() => process.exit(0)));
