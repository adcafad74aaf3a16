/**
 * train.py: the graph's losses (compute_losses), its optimizers with their hyper-parameters, schedules, clipping and
 * update counts (make_steps), its training settings and datasets, around the fixed loop of train-loop-python.ts.
 */
import type { Catalog } from '../../compile/node-kind.ts';
import type { PortRef } from '../../graph/types.ts';
import { resolveTrainingSettings } from '../../train/settings.ts';
import { planTraining, type OptimizerInfo } from '../../train/training-plan.ts';
import { ExportError } from '../export-error.ts';
import { portKey } from '../lowered-graph.ts';
import type { ComputeExport, OptimizerExport } from './kind-export.ts';
import { batchEntry, PythonFunction, type Available } from './python-function.ts';
import { pythonBool, pythonFloat, pythonNumber, pythonString, pythonTuple } from './python-literal.ts';
import type { PythonPlan } from './python-plan.ts';
import { DATA_PYTHON, EVALUATE_PYTHON, MAIN_PYTHON, ROW_STREAM_PYTHON, SCHEDULE_PYTHON } from './train-loop-python.ts';

const INDENT = '    ';

export interface TrainScriptInput {
  readonly plan: PythonPlan;
  readonly catalog: Catalog;
  /** Symbols forward() takes as keyword arguments because no input binds them. */
  readonly forwardSymbols: readonly string[];
}

export function emitTrain({ plan, catalog, forwardSymbols }: TrainScriptInput): string {
  const { doc } = plan.lowered;
  const training = planTraining(doc, catalog);
  if (training.optimizers.length === 0) throw new ExportError('the graph has no optimizer, so there is nothing to train: connect a loss to an optimizer node');
  if (training.datasets.length === 0) throw new ExportError('train.py reads its data from Dataset nodes, and the graph has none');
  if (training.inputs.length > 0) throw new ExportError(`train.py reads its data from Dataset nodes, but ${training.inputs.join(', ')} ${training.inputs.length === 1 ? 'is an Input node' : 'are Input nodes'}`);
  const settings = resolveTrainingSettings(doc.training);
  const primary = training.datasets[0]!.node;

  return [
    '"""Trains the netloom graph of model.py, written by `netloom export --to pytorch`.',
    '',
    '    python train.py [--epochs N] [--batch-size B] [--lr X] [--seed S] [--weights w.safetensors] [--save out.safetensors]',
    '    torchrun --nproc_per_node=GPUS train.py ...   # DistributedDataParallel, one process per GPU',
    '',
    'The data are the graph\'s built-in datasets as .npy files in data/<dataset>/ ({train,test}_{features,labels}.npy),',
    'written next to this script by the export. Losses, optimizers, schedules, clipping and the training settings are',
    'the graph\'s; weights start from PyTorch\'s initialisers (the same distributions as netloom\'s, other random numbers),',
    'or from a netloom file with --weights. --save writes weights netloom loads (`netloom run --weights`).',
    'Under torchrun each process trains on its share of every epoch with --batch-size rows per step.',
    '"""',
    'from __future__ import annotations',
    '',
    'import argparse',
    'import math',
    'import os',
    'from dataclasses import dataclass, field',
    'from pathlib import Path',
    '',
    'import numpy as np',
    'import torch',
    'import torch.distributed as dist',
    'import torch.nn.functional as F',
    'from torch import nn',
    'from torch.nn.parallel import DistributedDataParallel',
    'from torch.utils.data import DataLoader, TensorDataset',
    'from torch.utils.data.distributed import DistributedSampler',
    '',
    'from model import Model, load_netloom_weights, save_netloom_weights',
    '',
    `EPOCHS = ${pythonNumber(settings.epochs)}`,
    `BATCH_SIZE = ${pythonNumber(settings.batchSize)}`,
    `SEED = ${pythonNumber(settings.seed)}`,
    `VALIDATION_SPLIT = ${pythonFloat(settings.validationSplit)}`,
    `EARLY_STOPPING_PATIENCE = ${pythonNumber(settings.earlyStoppingPatience)}`,
    '# Dataset node -> (built-in dataset, shape of one sample\'s features). The first is primary: an epoch is one pass over it.',
    'DATASETS = {',
    ...training.datasets.map((d) => `${INDENT}${pythonString(d.node)}: (${pythonString(d.dataset)}, ${pythonTuple(sampleShape(plan, d.node).map(pythonNumber))}),`),
    '}',
    `PRIMARY = ${pythonString(primary)}`,
    '# DistributedDataParallel must look for weights a loss does not reach (another optimizer\'s, a branch without a loss).',
    `FIND_UNUSED_PARAMETERS = ${pythonBool(someWeightsUnused(plan, training.optimizers))}`,
    '',
    '',
    DATA_PYTHON,
    '',
    ROW_STREAM_PYTHON,
    '',
    runModel(plan, primary, forwardSymbols),
    '',
    '',
    computeLosses(plan, training.optimizers),
    '',
    '',
    SCHEDULE_PYTHON,
    '',
    makeSteps(plan, training.optimizers),
    '',
    '',
    EVALUATE_PYTHON,
    '',
    MAIN_PYTHON,
  ].join('\n');
}

function sampleShape(plan: PythonPlan, datasetNode: string): number[] {
  const shape = plan.shape({ node: datasetNode, port: 'features' });
  return shape.slice(1) as number[];
}

/** forward() on a batch: its inputs by netloom name, and any size it takes as an argument. */
function runModel(plan: PythonPlan, primary: string, forwardSymbols: readonly string[]): string {
  const primaryFeatures = batchEntry(plan, { node: primary, port: 'features' });
  const sizes = forwardSymbols.map((symbol) => {
    if (symbol !== 'N') throw new ExportError(`forward() takes the size ${symbol} as an argument, and train.py cannot tell it from the data`);
    return `${plan.symbols.get(symbol)!}=${primaryFeatures}.shape[0]`;
  });
  const args = [...plan.modelInputs.map((ref) => batchEntry(plan, ref)), ...sizes];
  return [
    'def run_model(net: nn.Module, batch: dict[str, torch.Tensor]):',
    `${INDENT}"""forward() on the batch: ${plan.modelInputs.length === 0 ? 'the model reads no data' : 'the inputs in INPUT_NAMES order'}."""`,
    `${INDENT}return net(${args.join(', ')})`,
  ].join('\n');
}

/** The losses from forward()'s results and the batch: every loss node's value and each optimizer's loss, and accuracies. */
function computeLosses(plan: PythonPlan, optimizers: readonly OptimizerInfo[]): string {
  const single = plan.heads.length === 1;
  const available: Available[] = [
    ...plan.heads.map((ref) => ({ ref, load: single ? 'outputs' : `outputs[${pythonString(portKey(ref))}]` })),
    ...[...plan.nodes.values()].filter((n) => n.section === 'source').flatMap((n) => [...n.outputs.keys()].map((port) => {
      const ref = { node: n.prepared.node.id, port };
      return { ref, load: batchEntry(plan, ref) };
    })),
  ];
  const fn = new PythonFunction(plan, available, { self: false });
  const lossIds = plan.order.filter((id) => plan.nodes.get(id)!.section === 'losses');
  for (const id of lossIds) fn.add(id);
  const values = new Map<string, string>();
  const accuracies = new Map<string, string>();
  for (const id of lossIds) {
    const node = plan.nodes.get(id)!;
    if (node.prepared.kind!.category !== 'losses') continue;
    const ref: PortRef = { node: id, port: 'loss' };
    values.set(portKey(ref), fn.use(ref));
    const accuracy = (node.export as ComputeExport).accuracy;
    if (accuracy) accuracies.set(portKey(ref), accuracy(fn.contextOf(id)));
  }
  for (const optimizer of optimizers) {
    const ref = lossSource(optimizer);
    if (!values.has(portKey(ref))) values.set(portKey(ref), fn.use(ref));
  }
  const entries = (map: ReadonlyMap<string, string>): string[] => [...map].map(([key, value]) => `${INDENT}${pythonString(key)}: ${value},`);
  const result = ['return {', ...entries(values), '}, {', ...entries(accuracies), '}'];
  return [
    'def compute_losses(outputs, batch: dict[str, torch.Tensor]) -> tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]:',
    `${INDENT}"""The graph's losses by netloom name (node:port), and the accuracy of each loss that classifies."""`,
    ...fn.lines(INDENT, result),
  ].join('\n');
}

const lossSource = (optimizer: OptimizerInfo): PortRef => {
  const colon = optimizer.loss.lastIndexOf(':');
  return { node: optimizer.loss.slice(0, colon), port: optimizer.loss.slice(colon + 1) };
};

/** One Step per optimizer node: its torch.optim optimizer over the weights it selects, schedule and clipping. */
function makeSteps(plan: PythonPlan, optimizers: readonly OptimizerInfo[]): string {
  const lines = ['def make_steps(model: Model, lr: float | None) -> list[Step]:', `${INDENT}"""The graph's optimizers, in graph order; lr overrides every one's learning rate."""`, `${INDENT}steps = []`];
  for (const optimizer of optimizers) {
    const node = plan.nodes.get(optimizer.node)!;
    const spec = node.export as OptimizerExport;
    const fn = new PythonFunction(plan, [], { self: false });
    const ctx = fn.contextOf(optimizer.node);
    lines.push(`${INDENT}parameters = ${parameterList(plan, optimizer)}`);
    const schedule = scheduleOf(ctx.choice('schedule'), ctx);
    const fields: Record<string, string | undefined> = {
      name: pythonString(optimizer.node),
      loss: pythonString(portKey(lossSource(optimizer))),
      parameters: 'parameters',
      optimizer: spec.create(ctx, 'parameters'),
      base_lr: `${pythonNumber(ctx.number('lr'))} if lr is None else lr`,
      schedule,
      steps: optimizer.steps === 1 ? undefined : pythonNumber(optimizer.steps),
      clip_grad_norm: ctx.number('clip_grad_norm') === 0 ? undefined : pythonFloat(ctx.number('clip_grad_norm')),
      clip_grad_value: ctx.number('clip_grad_value') === 0 ? undefined : pythonFloat(ctx.number('clip_grad_value')),
    };
    lines.push(`${INDENT}steps.append(Step(`);
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) lines.push(`${INDENT}${INDENT}${key}=${value},`);
    lines.push(`${INDENT}))`);
  }
  lines.push(`${INDENT}return steps`);
  return lines.join('\n');
}

/** The schedule's dict for Step (only the fields it reads), or undefined for a constant rate without warm-up. */
function scheduleOf(kind: string, ctx: { number(name: string): number }): string | undefined {
  const fields: [string, string][] = [['"schedule"', pythonString(kind)]];
  if (kind === 'step') fields.push(['"step_size"', pythonNumber(ctx.number('step_size'))], ['"gamma"', pythonFloat(ctx.number('gamma'))]);
  if (kind === 'exponential') fields.push(['"gamma"', pythonFloat(ctx.number('gamma'))]);
  if (kind === 'cosine') fields.push(['"t_max"', pythonNumber(ctx.number('t_max'))], ['"eta_min"', pythonFloat(ctx.number('eta_min'))]);
  const warmup = ctx.number('warmup_steps');
  if (warmup > 0) fields.push(['"warmup_steps"', pythonNumber(warmup)]);
  if (kind === 'constant' && warmup === 0) return undefined;
  return `{${fields.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
}

/** The weights an optimizer updates: all, or those of the nodes its groups and ids select. */
function parameterList(plan: PythonPlan, optimizer: OptimizerInfo): string {
  if (optimizer.nodes === undefined) return 'list(model.parameters())';
  const modules = [...optimizer.nodes].filter((id) => plan.lowered.weights.get(id)?.some((w) => w.trainable))
    .map((id) => `*model.${plan.nodes.get(id)!.name}.parameters()`);
  return `[${modules.join(', ')}]`;
}

/** Whether some weighted node is not an ancestor of some optimizer's loss: DDP then needs find_unused_parameters. */
function someWeightsUnused(plan: PythonPlan, optimizers: readonly OptimizerInfo[]): boolean {
  const { prepared } = plan.lowered;
  return optimizers.some((optimizer) => {
    const reached = new Set<string>();
    const stack = [lossSource(optimizer).node];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (reached.has(id)) continue;
      reached.add(id);
      for (const edge of prepared.nodes.get(id)!.incoming.values()) stack.push(edge.from.node);
    }
    return [...plan.lowered.weights.keys()].some((id) => !reached.has(id));
  });
}
