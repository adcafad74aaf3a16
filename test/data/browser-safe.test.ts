/**
 * engine/io and engine/data run in the browser and in Web Workers, so they must not import Node's modules; the one
 * exception is engine/data/node-files.ts, the documented Node-only reader for the CLI and tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const ENGINE = new URL('../../engine/', import.meta.url);
const NODE_ONLY = new Set(['data/node-files.ts']);

function sourceFiles(folder: string): string[] {
  return readdirSync(new URL(folder, ENGINE), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => `${folder}${f}`);
}

describe('browser-safe engine modules', () => {
  const files = [...sourceFiles('io/'), ...sourceFiles('data/')].filter((f) => !NODE_ONLY.has(f));

  it('covers the modules it guards', () => expect(files).toContain('data/load-dataset.ts'));

  it.each(files)('%s imports no Node module', (file) => {
    const text = readFileSync(new URL(file, ENGINE), 'utf8');
    const imports = [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
    expect(imports.filter((m) => m.startsWith('node:') || ['fs', 'path', 'zlib', 'os', 'buffer'].includes(m))).toEqual([]);
    expect(imports.filter((m) => m.includes('node-files'))).toEqual([]);
  });
});
