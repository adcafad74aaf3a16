/** `netloom check`, run as a real child process. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { netloom, repositoryRoot } from '../helpers/cli.ts';

const root = repositoryRoot;
const fixture = (name: string) => join(root, 'test/fixtures/graphs', `${name}.json`);

describe('netloom CLI', () => {
  it('--help lists the commands', async () => {
    const r = await netloom('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('netloom check <graph.json> [--json]');
  });
  it('check prints a torchinfo-style table and exits 0 for a valid graph', async () => {
    const r = await netloom('check', fixture('lenet-fashion'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/conv2 \(Conv2d\)\s+\[N,16,10,10\]\s+2,416/);
    expect(r.stdout).toContain('Total params: 61,706');
    expect(r.stdout).toContain('0 error(s), 0 warning(s)');
  });
  it('check exits 1 and explains errors, with --json giving the documented shape', async () => {
    const text = await netloom('check', fixture('broken-cnn-linear-size'));
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('error [features-mismatch] Linear fc: in_features is 6272 but the input [N,5408]');
    expect(text.stdout).toContain('fix: Set in_features to 5408');
    const r = await netloom('check', fixture('broken-cnn-linear-size'), '--json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(false);
    expect(report.nodes.find((n: { id: string }) => n.id === 'conv1')).toMatchObject({ kind: 'conv2d', outputs: { y: ['N', 8, 26, 26] }, params: 80 });
    expect(report.totals.params).toBe(80);
    expect(report.diagnostics.map((d: { code: string }) => d.code)).toEqual(['features-mismatch']);
  });
  it('check exits 2 for a missing file, bad JSON and a hostile document, naming the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netloom-cli-'));
    const missing = await netloom('check', join(dir, 'nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    writeFileSync(join(dir, 'bad.json'), '{"format": "netloom.graph",\n "version": 1,,}');
    const bad = await netloom('check', join(dir, 'bad.json'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/line 2/);
    writeFileSync(join(dir, 'evil.json'), '{"format":"netloom.graph","version":1,"nodes":[{"id":"a","kind":"relu","params":{"__proto__":{"polluted":1}},"position":{"x":0,"y":0}}],"edges":[]}');
    const evil = await netloom('check', join(dir, 'evil.json'), '--json');
    expect(evil.code).toBe(2);
    expect(JSON.parse(evil.stdout).errors[0].path).toBe('$.nodes[0].params.__proto__');
  });
  it('an unknown command is refused with the help text', async () => {
    const r = await netloom('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });
});
