/**
 * The exporters run in the browser (the editor's code panel and downloads), so nothing engine/export/index.ts
 * reaches, directly or through other modules, may import Node's modules. The Node-only parts stay outside it:
 * typescript/netloom-api.ts (what exported modules import) and the command line.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../helpers/cli.ts';

/** Every module `entry` imports, transitively (relative imports followed, package imports listed). */
function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [resolve(entry)];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const [, specifier] of text.matchAll(/^(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/gm)) {
      if (specifier!.startsWith('.')) stack.push(resolve(dirname(file), specifier!));
      else packages.add(specifier!);
    }
  }
  return { files, packages };
}

describe('browser-safe exporters', () => {
  const { files, packages } = reachable(join(repositoryRoot, 'engine/export/index.ts'));

  it('reach the exporters of every target', () => {
    expect([...files].map((f) => f.slice(repositoryRoot.length + 1))).toEqual(expect.arrayContaining([
      'engine/export/typescript/export-typescript.ts', 'engine/export/pytorch/export-pytorch.ts', 'engine/export/onnx/export-onnx.ts',
    ]));
  });

  it('import no Node module and no Node-only file', () => {
    expect([...packages].filter((p) => p.startsWith('node:') || ['fs', 'path', 'os', 'child_process'].includes(p))).toEqual([]);
    expect([...files].filter((f) => f.endsWith('netloom-api.ts') || f.endsWith('node-files.ts') || f.includes('/cli/'))).toEqual([]);
    expect([...packages].sort()).toEqual(['protobufjs/light.js', 'zod']);
  });
});
