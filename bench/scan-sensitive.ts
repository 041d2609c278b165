/**
 * Throughput of detectSensitive on 10 MB of text: clean prose (no findings)
 * and text dense with secrets and PII. Run: npx tsx bench/scan-sensitive.ts
 */
import { detectSensitive } from '../src/scan/sensitive.js';

const MB = 1024 * 1024;

function build(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

const clean = build(
  'The quarterly report covers revenue, churn and hiring plans for the next two cycles. Teams should review the roadmap, ' +
    'update their estimates and flag risks early so that planning stays realistic across all regions.\n',
  10 * MB,
);
const dense = build(
  'Contact jane.roe@example.org or +44 20 7946 0958; card 4111 1111 1111 1111; IBAN GB82 WEST 1234 5698 7654 32; ' +
    'host 10.20.30.40; DB_PASSWORD="' + 'Xk9mQ2vL7pR4zT' + '"; token ' + 'gl' + 'pat-' + 'aB3dE6gH9jK2mN5pQ8sT' + '; Mr. Kowalski.\n',
  10 * MB,
);

function run(name: string, text: string): void {
  detectSensitive(text.slice(0, MB)); // warm-up
  const t0 = performance.now();
  const findings = detectSensitive(text).length;
  const s = (performance.now() - t0) / 1000;
  console.log(`${name.padEnd(10)} ${(text.length / MB).toFixed(0)} MB  ${s.toFixed(2)} s  ${(text.length / MB / s).toFixed(1)} MB/s  findings=${findings}`);
}

run('clean', clean);
run('dense', dense);
