/**
 * `npm run bench:training`: training speed in the browser's worker against the command line, on the same graphs
 * with the same settings and the CPU backend, and how smooth the page stays meanwhile. A benchmark, not a test:
 * it prints medians and never fails on them.
 *
 * - samples/s: the median over epochs of each epoch's training rate (evaluation excluded), from the epochs table
 *   in the page and from `netloom train --json` in a child process.
 * - The longest gap between two frames of the page while the worker trains (target: none over 100 ms), with the
 *   charts tab open and drawing.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { launchChromium, median, openApp, startFrames, startPreview, stopFrames } from './browser-bench.ts';

const PORT = 4182;
const URL_ = `http://127.0.0.1:${PORT}`;

interface Workload {
  readonly template: string;
  /** A node of the template, to know it is on the canvas. */
  readonly node: string;
  readonly epochs: number;
}

const WORKLOADS: readonly Workload[] = [
  ...(process.env.ONLY_LENET ? [] : [{ template: 'mlp-spirals', node: 'fc3', epochs: 20 }]),
  { template: 'lenet-fashion', node: 'conv2', epochs: 1 },
];

async function cliRate(workload: Workload): Promise<number> {
  const file = new URL(`../../app/templates/${workload.template}.json`, import.meta.url);
  const { stdout } = await promisify(execFile)('node', ['bin/netloom.js', 'train', file.pathname, '--epochs', String(workload.epochs), '--backend', 'cpu', '--json'], { maxBuffer: 1 << 26 });
  const rates = stdout.split('\n').filter((l) => l.includes('"type":"epoch"')).map((l) => (JSON.parse(l) as { samplesPerSecond: number }).samplesPerSecond);
  return median(rates);
}

async function browserRun(page: Page, workload: Workload): Promise<{ rate: number; frameGaps: number[] }> {
  await page.getByTestId('toolbar-templates').click();
  await page.getByTestId(`template-${workload.template}`).click();
  await page.getByTestId(`node-${workload.node}`).waitFor();
  if (!(await page.getByTestId('run-panel').isVisible())) await page.getByTestId('toolbar-train').click();
  await page.getByTestId('run-setting-backend').selectOption('cpu');
  await page.getByTestId('run-setting-epochs').fill(String(workload.epochs));
  await page.waitForTimeout(300);
  await startFrames(page);
  await page.getByTestId('run-start').click();
  await page.locator('[data-testid="run-panel"][data-status="finished"]').waitFor({ timeout: 600_000 }).catch(async (e) => { console.error(await page.getByTestId('run-panel').innerText()); throw e; });
  const frameGaps = await stopFrames(page);
  await page.getByTestId('train-tab-epochs').click();
  const rates = await page.locator('[data-testid^="epoch-row-"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-samples-per-second'))));
  // Back to the first tab (the charts), which is what a user watches while training.
  await page.locator('[data-testid^="train-tab-"]').first().click();
  return { rate: median(rates), frameGaps };
}

async function main(): Promise<void> {
  const stop = await startPreview(PORT);
  const browser = await launchChromium();
  const results = [];
  try {
    const page = await openApp(browser, URL_);
    await page.getByTestId('node-data').waitFor();
    for (const workload of WORKLOADS) {
      console.error(`training ${workload.template} for ${workload.epochs} epoch(s) in the browser worker…`);
      const inBrowser = await browserRun(page, workload);
      console.error(`… and on the command line`);
      const cli = await cliRate(workload);
      const gaps = inBrowser.frameGaps;
      results.push({
        graph: workload.template,
        epochs: workload.epochs,
        samplesPerSecond: { browserWorker: Math.round(inBrowser.rate), cli: Math.round(cli), ratio: +(inBrowser.rate / cli).toFixed(2) },
        frames: { count: gaps.length, medianMs: +median(gaps).toFixed(1), longestGapMs: +Math.max(...gaps).toFixed(1), over100ms: gaps.filter((g) => g > 100).length },
      });
    }
    console.log(JSON.stringify({ backend: 'cpu', results, target: { longestGapMs: 100 }, templateSettings: WORKLOADS.map((w) => JSON.parse(readFileSync(new URL(`../../app/templates/${w.template}.json`, import.meta.url), 'utf8')).training ?? {}) }, null, 2));
  } finally {
    await browser.close();
    stop();
  }
}

await main();
