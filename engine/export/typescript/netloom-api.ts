/**
 * What exported TypeScript modules import (`import { graph, trainWhenRun } from 'netloom'`): the graph builder, and
 * trainWhenRun, which trains the graph when the module is the program being run. Node only (it reads the dataset
 * files and writes weights), and a composition root like engine/cli: it brings in the node catalog.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../cli/main.ts';
import { serializeGraph } from '../../graph/serialize.ts';
import type { GraphDocument } from '../../graph/types.ts';

export { graph, GraphBuilder, GraphBuildError, type GraphHeader, type NodeOptions, type PortAddress } from '../../graph/builder.ts';
export type { GraphDocument } from '../../graph/types.ts';

/** Whether the module at `moduleUrl` (its import.meta.url) is the script Node was started with. */
export function isMainModule(moduleUrl: string, argv: readonly string[] = process.argv): boolean {
  const script = argv[1];
  return script !== undefined && resolve(script) === fileURLToPath(moduleUrl);
}

/**
 * When the module at `moduleUrl` is being run, trains `doc` exactly as `netloom train` does, with the command's
 * flags from the command line (--epochs, --save, …), and sets the exit code the same way. Does nothing when the
 * module is imported.
 */
export async function trainWhenRun(moduleUrl: string, doc: GraphDocument, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  if (!isMainModule(moduleUrl)) return;
  // `netloom train` reads a file; the document goes through one so the module trains by the very same code path.
  const folder = await mkdtemp(join(tmpdir(), 'netloom-'));
  try {
    const file = join(folder, 'model.json');
    await writeFile(file, serializeGraph(doc));
    process.exitCode = await main(['train', file, ...argv]);
  } catch (error) {
    process.stderr.write(`netloom: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
