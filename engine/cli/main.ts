/** Entry point of the `netloom` command line (bin/netloom.js runs it). Returns the process exit code. */
import { CATALOG } from '../../nodes/index.ts';
import { parseArgs } from './args.ts';
import { benchCommand } from './bench.ts';
import { checkCommand } from './check.ts';

const HELP = `netloom — build, check and train neural networks as node graphs

Usage:
  netloom check <graph.json> [--json]   shapes, parameters, FLOPs and diagnostics of a graph
                                        exit 0: no errors, 1: errors in the graph, 2: unreadable/invalid file
  netloom bench [--runs N]              benchmarks (graph analysis speed)
  netloom --help                        this text

Graphs are netloom.graph JSON documents (schema: engine/graph/netloom.graph.schema.json).`;

const io = { out: (t: string) => process.stdout.write(`${t}\n`), err: (t: string) => process.stderr.write(`${t}\n`) };

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, new Set(['runs']));
  const [command, ...rest] = args.positionals;
  if (!command || args.flags.has('help')) {
    io.out(HELP);
    return command || args.flags.has('help') ? 0 : 2;
  }
  switch (command) {
    case 'check': {
      if (rest.length !== 1) {
        io.err('usage: netloom check <graph.json> [--json]');
        return 2;
      }
      return checkCommand(rest[0]!, args.flags.has('json'), CATALOG, io);
    }
    case 'bench': {
      const runs = Number(args.flags.get('runs') ?? 50);
      return benchCommand(Number.isInteger(runs) && runs > 0 ? runs : 50, io);
    }
    default:
      io.err(`netloom: unknown command ${JSON.stringify(command)}\n\n${HELP}`);
      return 2;
  }
}
