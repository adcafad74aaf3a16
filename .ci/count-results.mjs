// Sums the Vitest and Playwright JSON reports into one "N passed, N failed" line. A stage that did not report
// (a type error stops `npm test` before the tests run) counts as one failure, so a broken build never reads green.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 1);
let passed = 0;
let failed = 0;
const stages = [
  ['.vitest-results.json', (r) => [r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0)]],
  ['.playwright-results.json', (r) => [r.stats.expected + r.stats.flaky, r.stats.unexpected]],
];
for (const [file, count] of stages) {
  if (!existsSync(file)) {
    failed += 1;
    console.error(`${file} is missing: that stage did not run`);
    continue;
  }
  const [p, f] = count(JSON.parse(readFileSync(file, 'utf8')));
  passed += p;
  failed += f;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || status !== 0 ? 1 : 0);
