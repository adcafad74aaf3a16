/**
 * What a graph asks to train, read from the document before any IR exists: its data sources, its losses (what
 * each predicts and against which target, for metrics) and its optimizers (which loss, which weights, how often).
 */
import type { Catalog, DataSourceDeclaration, LossPrediction } from '../compile/node-kind.ts';
import type { ParamsOf, ParamSchema } from '../compile/params.ts';
import { prepareGraph } from '../compile/structure.ts';
import type { GraphDocument, PortRef } from '../graph/types.ts';

export interface DatasetSource {
  readonly node: string;
  /** The built-in dataset's id, or `local:<name>` for data loaded in the browser. */
  readonly dataset: string;
  readonly origin: DataSourceDeclaration['origin'];
  readonly layout?: DataSourceDeclaration['layout'];
  /** The `input` names of its ports in the lowered program. */
  readonly featuresInput: string;
  readonly labelsInput: string;
}

export interface LossInfo {
  readonly node: string;
  readonly kind: string;
  /** How its prediction reads for metrics and plots (the kind's declaration). */
  readonly reads: LossPrediction | undefined;
  /** Program outputs (`node:port`) of the prediction and the target fed to the loss. */
  readonly prediction: string;
  readonly target: string;
  /** The loss value itself (`node:loss`). */
  readonly loss: string;
}

export interface OptimizerInfo {
  readonly node: string;
  readonly kind: string;
  readonly params: ParamsOf<ParamSchema>;
  /** Program output of the scalar it minimises. */
  readonly loss: string;
  /** Graph nodes whose weights it updates; undefined = every weight the loss depends on. */
  readonly nodes: ReadonlySet<string> | undefined;
  /** Updates per training iteration (a GAN discriminator's k). */
  readonly steps: number;
}

export interface TrainingPlan {
  readonly datasets: readonly DatasetSource[];
  readonly losses: readonly LossInfo[];
  readonly optimizers: readonly OptimizerInfo[];
  /** Plain Input nodes: fine for `netloom run`, but training needs its data from Dataset nodes. */
  readonly inputs: readonly string[];
}

const outputName = (ref: PortRef): string => `${ref.node}:${ref.port}`;

export function planTraining(doc: GraphDocument, catalog: Catalog): TrainingPlan {
  const prepared = prepareGraph(doc, catalog);
  const groups = new Map((doc.groups ?? []).map((g) => [g.id, g.nodes]));
  const datasets: DatasetSource[] = [];
  const losses: LossInfo[] = [];
  const optimizers: OptimizerInfo[] = [];
  const inputs: string[] = [];
  for (const id of prepared.order) {
    const p = prepared.nodes.get(id)!;
    const kind = p.kind;
    if (!kind) continue;
    if (kind.dataSource) {
      datasets.push({ node: id, ...kind.dataSource(p.params), featuresInput: `${id}.features`, labelsInput: `${id}.labels` });
    } else if (kind.id === 'input') {
      inputs.push(id);
    } else if (kind.category === 'losses') {
      const input = p.incoming.get('input'), target = p.incoming.get('target');
      if (input && target) losses.push({ node: id, kind: kind.id, reads: kind.prediction, prediction: outputName(input.from), target: outputName(target.from), loss: `${id}:loss` });
    } else if (kind.optimizer) {
      const loss = p.incoming.get('loss');
      if (!loss) continue;
      const selection = kind.optimizer.parameterSelection(p.params);
      let nodes: Set<string> | undefined = new Set();
      for (const name of selection) {
        if (name === 'all') {
          nodes = undefined;
          break;
        }
        for (const n of groups.get(name) ?? [name]) nodes.add(n);
      }
      optimizers.push({ node: id, kind: kind.id, params: p.params, loss: outputName(loss.from), nodes, steps: Number(p.params['steps'] ?? 1) });
    }
  }
  return { datasets, losses, optimizers, inputs };
}
