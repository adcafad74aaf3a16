/**
 * `npm run bench:editor`: the editor's speed on a generated 1,000-node graph in headless Chromium, against the
 * production build served by `vite preview`. A benchmark, not a test: it prints medians and never fails on them.
 *
 * - Frames per second while panning (mouse drags) and zooming (wheel), at the working zoom (100 %, the zoom a
 *   user edits at) and with the whole graph in view, from requestAnimationFrame intervals.
 * - Latency of a param edit: from the input event on the inspector field to the first frame after the node's output
 *   shape changed on screen.
 *
 * Targets: ≥ 50 fps, ≤ 50 ms.
 */
import type { Page } from '@playwright/test';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import { launchChromium, median, openApp, startFrames, startPreview, stopFrames } from './browser-bench.ts';
import { generateGraph } from './generate-graph.ts';

const NODES = 1000;
// Several engineers on one machine: each may bench its own build (`vite build --outDir dist-x`) on its own port.
const PORT = Number(process.env.NETLOOM_BENCH_PORT ?? 4180);
const OUT_DIR = process.env.NETLOOM_BENCH_DIST;
const URL_ = `http://127.0.0.1:${PORT}`;
const EDITS = 25;

/** Frames per second over windows of 10 frames. */
function windowedFps(intervals: readonly number[]): number[] {
  const fps: number[] = [];
  for (let i = 0; i + 10 <= intervals.length; i += 10) fps.push(10_000 / intervals.slice(i, i + 10).reduce((a, b) => a + b, 0));
  return fps;
}

/** A point of the canvas where the background (not a node) is, to start a pan drag from. */
async function emptySpot(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('canvas').boundingBox())!;
  const spot = await page.evaluate((b) => {
    for (let y = b.y + b.height / 2; y < b.y + b.height - 20; y += 7) {
      for (let x = b.x + b.width / 2; x > b.x + 20; x -= 13) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return undefined;
  }, box);
  if (!spot) throw new Error('no empty canvas spot to drag from');
  return spot;
}

async function panAndZoom(page: Page): Promise<number[]> {
  await startFrames(page);
  for (let round = 0; round < 4; round++) {
    // Back and forth, so the graph stays in view.
    const { x: cx, y: cy } = await emptySpot(page);
    const direction = round % 2 === 0 ? 1 : -1;
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 40; i++) await page.mouse.move(cx - direction * i * 8, cy - direction * i * 4);
    await page.mouse.up();
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -120);
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 120);
  }
  return windowedFps(await stopFrames(page));
}

async function editLatency(page: Page, node: string): Promise<number[]> {
  await page.getByTestId(`node-${node}`).locator('.nl-node__header').click();
  await page.getByTestId(`inspector-${node}`).waitFor();
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const value = 16 + (i % 2) * 8 + i;
    times.push(await page.evaluate(({ node, value }) => new Promise<number>((resolve) => {
      const field = document.querySelector<HTMLInputElement>('[data-testid="param-out_features"]')!;
      const shape = document.querySelector(`[data-testid="node-shape-${node}-y"]`)!;
      const expected = `[N,${value}]`;
      const observer = new MutationObserver(() => {
        if (shape.textContent !== expected) return;
        observer.disconnect();
        // The change is in the DOM; the next frame puts it on screen.
        requestAnimationFrame(() => resolve(performance.now() - start));
      });
      observer.observe(shape, { characterData: true, childList: true, subtree: true });
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const start = performance.now();
      setValue.call(field, String(value));
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }), { node, value }));
  }
  return times;
}

async function main(): Promise<void> {
  const stop = await startPreview(PORT, OUT_DIR);
  const browser = await launchChromium();
  try {
    const page = await openApp(browser, URL_);
    await page.getByTestId('node-data').waitFor();
    const graph = generateGraph(NODES);
    const opened = Date.now();
    await page.getByTestId('open-file-input').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(serializeGraph(graph)) });
    await page.getByTestId('summary-nodes').filter({ hasText: String(NODES) }).waitFor();
    const openMs = Date.now() - opened;

    // The whole graph in view (fit): every node is drawn, small.
    await page.waitForTimeout(500);
    const fitFps = await panAndZoom(page);

    // Working zoom, as when editing a part of the graph: fit, then frame one node in the middle (F) at about 100 %.
    await page.keyboard.press('.');
    await page.waitForTimeout(400);
    // At the fitted zoom a node is a few pixels wide: a click event selects it all the same.
    await page.getByTestId('node-t50_n5').dispatchEvent('click');
    await page.keyboard.press('f');
    await page.waitForTimeout(500);
    const workFps = await panAndZoom(page);

    // Edit latency on a Linear node in view.
    await page.keyboard.press('.');
    // At the fitted zoom a node is a few pixels wide: a click event selects it all the same.
    await page.getByTestId('node-t50_n5').dispatchEvent('click');
    await page.keyboard.press('f');
    await page.waitForTimeout(400);
    const latencies = await editLatency(page, 't50_n5');

    const result = {
      nodes: NODES,
      edges: graph.edges.length,
      openMs,
      fpsWorkingZoom: { median: +median(workFps).toFixed(1), samples: workFps.length },
      fpsWholeGraph: { median: +median(fitFps).toFixed(1), samples: fitFps.length },
      paramEditToShapeMs: { median: +median(latencies).toFixed(1), max: +Math.max(...latencies).toFixed(1), samples: latencies.length },
      targets: { fps: 50, latencyMs: 50 },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    stop();
  }
}

await main();
