/**
 * What the browser benchmarks share: serving the production build with `vite preview`, launching Debian's
 * Chromium, counting frame intervals in a page, and medians.
 */
import { spawn } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Serves dist/ (or `outDir`, relative to the Vite root, for a build of one's own) on `port`; the returned function
 * stops the server.
 */
export async function startPreview(port: number, outDir?: string): Promise<() => void> {
  const args = ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...(outDir ? ['--outDir', outDir] : [])];
  // Its own process group, so stopping it also stops the vite process npx starts (killing npx alone leaves it).
  const server = spawn('npx', args, { stdio: 'ignore', detached: true });
  const stop = () => process.kill(-server.pid!, 'SIGTERM');
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}`)).ok) return stop;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  stop();
  throw new Error(`vite preview did not start on port ${port}`);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A page of the app at `url`, ready for functions evaluated in it. */
export async function openApp(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  // tsx keeps function names with an `__name` helper that the functions evaluated in the page would miss.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(url);
  return page;
}

/** Starts recording frame intervals in the page. */
export async function startFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; counting: boolean };
    w.frames_ = [];
    w.counting = true;
    let last = performance.now();
    const tick = (t: number) => {
      w.frames_.push(t - last);
      last = t;
      if (w.counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** Stops recording; the intervals between frames in ms (the first, partial one dropped). */
export async function stopFrames(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; counting: boolean };
    w.counting = false;
    return w.frames_.slice(1);
  });
}
