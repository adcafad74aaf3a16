/**
 * Compiles a graph for training, once per run: for each optimizer a step program = the forward pass (train mode),
 * its loss, the backward pass to the weights it updates, gradient clipping and the optimizer's update rule, all as
 * IR; plus an evaluation program (eval mode) giving every loss's prediction and target for metrics.
 * A GAN's two optimizers give two step programs that share weights (see executor-api.ts).
 */
import { differentiate } from '../autodiff/differentiate.ts';
import type { Diagnostic } from '../compile/diagnostics.ts';
import { lowerGraph } from '../compile/lower-graph.ts';
import type { Catalog } from '../compile/node-kind.ts';
import type { GraphDocument } from '../graph/types.ts';
import type { Program } from '../ir/program.ts';
import { continueProgram } from '../ir/continue-program.ts';
import { prune } from '../ir/prune.ts';
import { buildOptimizerStep } from './optimizers/build-step.ts';
import { guardStateUpdates } from './step-guard.ts';
import { planTraining, type LossInfo, type OptimizerInfo, type TrainingPlan } from './training-plan.ts';

export const STEP_LOSS = 'step:loss';
/**
 * Output name of one loss node's value in a step program whose optimizer minimises a sum of several loss nodes
 * (a VAE's reconstruction + KL), so each term can be reported at every step and not only the sum (STEP_LOSS).
 */
export const stepTermOutput = (lossNode: string): string => `step:term:${lossNode}`;
export const STEP_GRAD_NORM = 'step:gradNorm';
/** Output name of the 2-norm of one weight's gradient in a step program (read on demand, e.g. for histograms). */
export const gradientNormOutput = (weight: string): string => `gradNorm:${weight}`;

export interface StepProgram {
  readonly optimizer: OptimizerInfo;
  readonly program: Program;
  /** Values with smaller ids belong to the forward pass; the rest to the backward pass and the update. */
  readonly firstBackwardValue: number;
  /** Scalar inputs the loop feeds every step. */
  readonly lrInput: string;
  readonly stepInput: string;
  /** state_dict names of the weights this step updates. */
  readonly updates: readonly string[];
  /**
   * Loss nodes whose values the optimizer's loss adds up, each an output `stepTermOutput(node)`; empty when it
   * depends on a single loss node (the common case), whose value is STEP_LOSS itself.
   */
  readonly terms: readonly string[];
}

export interface CompiledTraining {
  readonly plan: TrainingPlan;
  readonly steps: readonly StepProgram[];
  /** Eval-mode forward with each loss's prediction, target and value as outputs. */
  readonly evaluation: Program;
  /** Eval-mode forward with every node's every output port (`node:port`): activations, feature maps, predictions. */
  readonly inspection: Program;
}

export type CompileTrainingResult =
  | { readonly ok: true; readonly training: CompiledTraining; readonly diagnostics: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[]; readonly message: string };

export interface CompileTrainingOptions {
  /**
   * How dropout and batch norm behave in the step programs: 'train' (the default) as in model.train(); 'eval'
   * trains with them frozen as in model.eval() (no dropout, batch norm on its running statistics).
   */
  readonly mode?: 'train' | 'eval';
}

export function compileTraining(doc: GraphDocument, catalog: Catalog, options: CompileTrainingOptions = {}): CompileTrainingResult {
  const train = lowerGraph(doc, catalog, { mode: options.mode ?? 'train' });
  if (!train.ok) return refuse(train.diagnostics);
  const plan = planTraining(doc, catalog);
  if (plan.optimizers.length === 0) {
    return { ok: false, diagnostics: train.diagnostics, message: 'the graph has no optimizer: connect a loss to an optimizer node (SGD, Adam, …) to train it' };
  }
  const steps = plan.optimizers.map((optimizer) => compileStep(train.program, optimizer, plan.losses));
  const failed = steps.find((s): s is string => typeof s === 'string');
  if (failed) return { ok: false, diagnostics: train.diagnostics, message: failed };

  const evaluation = lowerGraph(doc, catalog, { mode: 'eval' });
  if (!evaluation.ok) return refuse(evaluation.diagnostics);
  const wanted: Record<string, number> = {};
  for (const loss of plan.losses) {
    for (const name of [loss.prediction, loss.target, loss.loss]) wanted[name] = evaluation.program.outputs[name]!;
  }
  return {
    ok: true,
    diagnostics: train.diagnostics,
    training: { plan, steps: steps as StepProgram[], evaluation: prune(evaluation.program, wanted).program, inspection: evaluation.program },
  };
}

function refuse(diagnostics: readonly Diagnostic[]): CompileTrainingResult {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const list = errors.slice(0, 5).map((d) => `  ${d.node ?? 'graph'}: ${d.message}`).join('\n');
  const more = errors.length > 5 ? `\n  … and ${errors.length - 5} more` : '';
  return { ok: false, diagnostics, message: `the graph has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${list}${more}` };
}

/** Ids of every value that `value` is computed from, itself included (a walk up the program's inputs). */
function dependencies(program: Program, value: number): Set<number> {
  const producer = new Map(program.ops.map((op) => [op.out, op]));
  const seen = new Set<number>();
  const stack = [value];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(producer.get(id)?.inputs ?? []));
  }
  return seen;
}

/** Value ids of the `param` ops among `reads`, restricted to the optimizer's selected nodes. */
function selectedWeights(program: Program, reads: ReadonlySet<number>, nodes: ReadonlySet<string> | undefined): number[] {
  return program.ops
    .filter((op) => op.op === 'param' && reads.has(op.out) && (!nodes || (op.node !== undefined && nodes.has(op.node))))
    .map((op) => op.out)
    .sort((a, b) => a - b);
}

function compileStep(forward: Program, optimizer: OptimizerInfo, losses: readonly LossInfo[]): StepProgram | string {
  const loss = forward.outputs[optimizer.loss];
  if (loss === undefined) return `optimizer ${optimizer.node}: its loss ${optimizer.loss} is not computed by the graph`;
  const reads = dependencies(forward, loss);
  const weights = selectedWeights(forward, reads, optimizer.nodes);
  if (weights.length === 0) return `optimizer ${optimizer.node}: the loss depends on none of the weights it selects`;
  const { program: withGrads, grads } = differentiate(forward, loss, weights);
  const b = continueProgram(withGrads);
  const pairs = weights.map((w) => ({ param: b.values[w]!, grad: b.values[grads.get(w)!]! }));
  const step = buildOptimizerStep(b, { id: optimizer.node, kind: optimizer.kind, hyper: optimizer.params, pairs });
  guardStateUpdates(b, [b.values[loss]!, step.gradNorm]);
  const names = weights.map((w) => {
    const op = forward.ops.find((o) => o.out === w)!;
    return (op.attrs as { name: string }).name;
  });
  const outputs: Record<string, number> = { [STEP_LOSS]: loss, [STEP_GRAD_NORM]: step.gradNorm.id };
  // Per-weight gradient norms (before clipping): a reduction per weight, so students can watch gradients vanish.
  pairs.forEach(({ grad }, i) => {
    outputs[gradientNormOutput(names[i]!)] = b.unary('sqrt', b.sum(b.mul(grad, grad), grad.shape.map((_, axis) => axis))).id;
  });
  // A loss that adds up several loss nodes names each as an output: the forward pass computes them anyway, and an
  // output stays readable after the step. A single loss node's value is STEP_LOSS itself: no output, no readback.
  const summed = losses.filter((l) => reads.has(forward.outputs[l.loss] ?? -1));
  const terms = summed.length > 1 ? summed : [];
  for (const term of terms) outputs[stepTermOutput(term.node)] = forward.outputs[term.loss]!;
  // Every data input stays, even one this loss does not read: it still binds the batch size N that a Noise or
  // Constant source of the step is shaped by (a GAN's generator step reads no real data).
  const inputs = b.ops.filter((op) => op.op === 'input' && !(op.attrs as { name: string }).name.startsWith('optim.')).map((op) => op.out);
  const pruned = prune(b.program(), outputs, inputs);
  let firstBackwardValue = pruned.program.values.length;
  for (let old = forward.values.length; old < b.values.length; old++) {
    const id = pruned.newId(old);
    if (id !== undefined) {
      firstBackwardValue = id;
      break;
    }
  }
  return {
    optimizer,
    program: pruned.program,
    firstBackwardValue,
    lrInput: step.lrInput,
    stepInput: step.stepInput,
    updates: names,
    terms: terms.map((term) => term.node),
  };
}
