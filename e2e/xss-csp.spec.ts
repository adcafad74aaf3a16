/** User text is text everywhere, and the page runs under a Content-Security-Policy without unsafe-eval. */
import { expect, test } from '@playwright/test';
import { Editor } from './fixtures/editor.ts';

const EVIL = '<img src=x onerror=alert(1)>';

test('a label and a node id of <img src=x onerror=alert(1)> show as those characters and run nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
  const editor = new Editor(page);
  await editor.open();

  await editor.select('relu1');
  await page.getByTestId('inspector-label').fill(EVIL);
  await page.getByTestId('inspector-notes').fill(`${EVIL} in the notes`);
  await expect(page.getByTestId('node-label-relu1')).toHaveText(EVIL);
  await expect(page.getByTestId('node-notes-relu1')).toHaveText(`${EVIL} in the notes`);

  // As an id it reaches the problems panel and the edge ids too: cut its input so it has an error.
  await page.getByTestId('inspector-id').fill(EVIL);
  await page.getByTestId('inspector-id').press('Enter');
  await expect(editor.node(EVIL)).toBeVisible();
  await editor.edgeLabel('e-conv1-relu1').click();
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(editor.problemWithCode('missing-input')).toContainText(EVIL);
  await expect(page.getByTestId(`node-error-${EVIL}`)).toContainText(EVIL);

  // Also from a file, in the graph name.
  const doc = { format: 'netloom.graph', version: 2, name: EVIL, nodes: [{ id: 'a', kind: 'relu', label: EVIL, params: {}, position: { x: 0, y: 0 } }], edges: [] };
  await editor.openFile('evil.json', JSON.stringify(doc));
  await expect(page.getByTestId('graph-name')).toHaveText(EVIL);
  await expect(page.getByTestId('node-label-a')).toHaveText(EVIL);

  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('the production page has a CSP without unsafe-eval: injected markup runs nothing and the app runs without violations', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(e.violatedDirective));
  });
  const editor = new Editor(page);
  await editor.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  // 'wasm-unsafe-eval' allows compiling WebAssembly only; plain 'unsafe-eval' must not be there.
  expect(policy?.replace("'wasm-unsafe-eval'", '')).not.toContain('unsafe-eval');

  // The app does real work under the policy (the graph schema runs without code generation): an edit re-analyses,
  // a template opens — and the policy reports nothing.
  await editor.select('fc1');
  await editor.param('out_features').fill('3');
  await expect(page.getByTestId('node-shape-fc1-y')).toHaveText('[N,3]');
  await editor.openTemplate('resnet-digits', 'add');
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);

  // Even markup that got into the page would not run: inline handlers and inline scripts are blocked.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.ran = 1" onload="window.ran = 1">');
    const script = document.createElement('script');
    script.textContent = 'window.ran = 2';
    document.head.append(script);
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { violations: string[] }).violations.length)).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as { ran?: number }).ran)).toBeUndefined();
});
