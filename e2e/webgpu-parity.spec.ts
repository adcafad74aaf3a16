/**
 * The WebGPU backend in Chromium (`--enable-unsafe-webgpu`; here on its SwiftShader adapter): the primitive case
 * table runs on navigator.gpu and agrees with the CPU backend in the same page, as it does in Node through Dawn.
 * The engine code is bundled for the page with esbuild; the page is served at the preview server's origin (WebGPU
 * needs a secure context, which 127.0.0.1 is) by intercepting one URL, so the app's own build is not involved.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--enable-unsafe-webgpu', '--disable-background-networking', '--no-first-run'],
  },
});

test('the primitive case table on Chromium’s WebGPU agrees with the CPU backend', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./webgpu/parity-entry.ts', import.meta.url))],
    bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const url = `${baseURL}/__webgpu-parity`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>WebGPU parity</title>' }));
  await page.goto(url);
  expect(await page.evaluate(() => !!navigator.gpu)).toBe(true);
  await page.addScriptTag({ content: script });
  const report = await page.evaluate(() => (globalThis as unknown as { runParity: () => Promise<{ adapter: string; checked: number; problems: string[] }> }).runParity());
  console.log(`WebGPU in Chromium: ${report.adapter}; ${report.checked} case runs`);
  expect(report.problems).toEqual([]);
  expect(report.checked).toBeGreaterThan(300);
});
