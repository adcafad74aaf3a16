/**
 * Exported TypeScript modules on disk, for the round-trip and type-check tests: written into a temporary folder
 * (an ES-module package, as the export's header asks), imported all at once by one tsx process, or type-checked
 * by one tsc run with the repository's strict settings.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { exportTypeScript } from '../../engine/export/index.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { repositoryRoot } from '../helpers/cli.ts';

export interface ModuleFolder {
  readonly folder: string;
  readonly files: readonly string[];
  remove(): void;
}

export function writeModules(docs: readonly GraphDocument[]): ModuleFolder {
  const folder = mkdtempSync(join(tmpdir(), 'netloom-ts-'));
  const api = relative(folder, join(repositoryRoot, 'engine/export/typescript/netloom-api.ts')).split('\\').join('/');
  writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
  const files = docs.map((doc, i) => {
    const file = `model${i}.ts`;
    writeFileSync(join(folder, file), exportTypeScript(doc, { importFrom: api.startsWith('.') ? api : `./${api}` }));
    return file;
  });
  return { folder, files, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** The `model` each module exports, by running them (one process for all). */
export function importModels(modules: ModuleFolder): unknown[] {
  const driver = join(modules.folder, 'driver.ts');
  writeFileSync(driver, [
    `const files = ${JSON.stringify(modules.files)};`,
    'const models = [];',
    'for (const file of files) models.push((await import(`./${file}`)).model);',
    'process.stdout.write(JSON.stringify(models));',
  ].join('\n'));
  const tsx = join(repositoryRoot, 'node_modules/tsx/dist/cli.mjs');
  return JSON.parse(execFileSync(process.execPath, [tsx, driver], { cwd: modules.folder, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })) as unknown[];
}

/** Runs tsc over the modules with the repository's strictness; returns its report (empty when they type-check). */
export function typeCheck(modules: ModuleFolder): string {
  writeFileSync(join(modules.folder, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      target: 'ES2022', lib: ['ES2023', 'DOM'], module: 'ESNext', moduleResolution: 'bundler', strict: true,
      noUncheckedIndexedAccess: true, allowImportingTsExtensions: true, noEmit: true, isolatedModules: true,
      verbatimModuleSyntax: true, skipLibCheck: true, types: ['node'], typeRoots: [join(repositoryRoot, 'node_modules/@types')],
    },
    files: modules.files,
  }));
  try {
    execFileSync(process.execPath, [join(repositoryRoot, 'node_modules/typescript/bin/tsc'), '-p', modules.folder], { encoding: 'utf8' });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}
