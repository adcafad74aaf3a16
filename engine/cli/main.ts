/** Entry point of the `netloom` command line (bin/netloom.js runs it). Returns the process exit code. */
import { CATALOG } from '../../nodes/index.ts';
import { parseArgs } from './args.ts';
import { benchCommand } from './bench.ts';
import { checkCommand } from './check.ts';
import { EXPORT_VALUED_FLAGS, exportCommand } from './export.ts';
import { RUN_VALUED_FLAGS, runCommand } from './run.ts';
import { TRAIN_VALUED_FLAGS, trainCommand } from './train.ts';

const HELP = `netloom — build, check and train neural networks as node graphs

Usage:
  netloom check <graph.json> [--json]   shapes, parameters, FLOPs and diagnostics of a graph
                                        exit 0: no errors, 1: errors in the graph, 2: unreadable/invalid file
  netloom train <graph.json> [--epochs N] [--batch-size B] [--lr X] [--seed S]
                [--validation-split F] [--backend cpu|webgpu] [--save weights.safetensors] [--json]
                                        train on the graph's Dataset nodes; one line (or JSON object) per epoch
                                        exit 0: trained, 1: training failed (non-finite loss), 2: bad input
  netloom run <graph.json> --weights w.safetensors --input <name>=x.npy ... [--output out.npy] [--json]
                                        inference in eval mode; inputs are Input node ids or <dataset>.features
  netloom export <graph.json> --to json|ts|pytorch|onnx [--weights w.safetensors] [-o out]
                                        the graph as canonical JSON, a TypeScript module, a PyTorch project
                                        (model.py, train.py, data/) or an ONNX model; exit 0: written, 2: bad input
  netloom bench [--runs N] [--only analysis|training|matmul|webgpu] [--backend cpu|webgpu]
                                        benchmarks: graph analysis speed; training and matmul speed
                                        against TensorFlow.js (cpu, wasm); WebGPU beside the CPU backend
  netloom --help                        this text

Graphs are netloom.graph JSON documents (schema: engine/graph/netloom.graph.schema.json).`;

const io = { out: (t: string) => process.stdout.write(`${t}\n`), err: (t: string) => process.stderr.write(`${t}\n`) };

/** On a terminal, training redraws one progress line on stderr; piped output gets only the per-epoch lines. */
const trainIo = {
  ...io,
  ...(process.stderr.isTTY ? { progress: (t: string) => process.stderr.write(`\r\x1b[2K${t}`) } : {}),
};

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, new Set(['runs', 'only', ...TRAIN_VALUED_FLAGS, ...RUN_VALUED_FLAGS, ...EXPORT_VALUED_FLAGS]));
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
    case 'train':
    case 'run': {
      if (rest.length !== 1) {
        io.err(`usage: netloom ${command} <graph.json> …  (netloom --help)`);
        return 2;
      }
      return command === 'train' ? trainCommand(rest[0]!, args, CATALOG, trainIo) : runCommand(rest[0]!, args, CATALOG, io);
    }
    case 'export':
      return exportCommand(rest, args, CATALOG, io);
    case 'bench': {
      const runs = Number(args.flags.get('runs') ?? 50);
      const only = args.flags.get('only');
      const backend = args.flags.get('backend');
      return benchCommand(Number.isInteger(runs) && runs > 0 ? runs : 50, io, only === undefined ? undefined : String(only), backend === undefined ? undefined : String(backend));
    }
    default:
      io.err(`netloom: unknown command ${JSON.stringify(command)}\n\n${HELP}`);
      return 2;
  }
}
