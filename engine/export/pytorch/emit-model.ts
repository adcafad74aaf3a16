/**
 * model.py: the graph without its losses and optimizers as an nn.Module (see python-plan.ts for the split), the
 * table from netloom's weight names to the module's state_dict keys, and the functions that move weights between
 * netloom's .safetensors files and the module.
 */
import { ExportError } from '../export-error.ts';
import { portKey } from '../lowered-graph.ts';
import { inputName, PythonFunction } from './python-function.ts';
import { pythonString, pythonTuple } from './python-literal.ts';
import type { PythonPlan } from './python-plan.ts';
import { WEIGHTS_IO_PYTHON } from './weights-io-python.ts';

const INDENT = '    ';

export interface ModelSource {
  readonly text: string;
  /** Symbols that no input binds, which forward() therefore takes as keyword arguments. */
  readonly forwardSymbols: readonly string[];
}

export function emitModel(plan: PythonPlan): ModelSource {
  if (plan.heads.length === 0) throw new ExportError('the graph has no Output node and no loss, so the model would compute nothing');
  const init = initLines(plan);
  const { lines: forward, symbols: forwardSymbols } = forwardLines(plan);
  const renamed = [...plan.weightNames].filter(([netloom, torch]) => netloom !== torch);
  const body = [...init, '', ...forward].join('\n');
  const text = [
    '"""A netloom graph as a PyTorch module, written by `netloom export --to pytorch`.',
    '',
    'Model is the graph without its losses and optimizers (train.py has those). forward() takes the tensors named in',
    'INPUT_NAMES, in that order, and returns the values named in OUTPUT_NAMES: the tensor itself when there is one,',
    'else a dict by name. Its state_dict keys are netloom\'s weight names (node id + "." + weight) wherever the node id',
    'is a Python identifier; NETLOOM_TO_TORCH lists the others. load_netloom_weights() loads a .safetensors file that',
    'netloom wrote (`netloom train --save`), strictly; save_netloom_weights() writes one that netloom reads.',
    '"""',
    'from __future__ import annotations',
    '',
    'import json',
    'import os',
    'import struct',
    '',
    'import numpy as np',
    'import torch',
    ...(/\bF\./.test(body) ? ['import torch.nn.functional as F'] : []),
    'from torch import nn',
    '',
    `INPUT_NAMES = ${pythonTuple(plan.modelInputs.map((ref) => pythonString(inputName(plan, ref))))}`,
    `OUTPUT_NAMES = ${pythonTuple(plan.heads.map((ref) => pythonString(portKey(ref))))}`,
    '',
    '',
    'class Model(nn.Module):',
    body,
    '',
    '',
    '# netloom weight name -> state_dict key, where sanitising a node id into a Python name changed it.',
    renamed.length === 0 ? 'NETLOOM_TO_TORCH: dict[str, str] = {}' : `NETLOOM_TO_TORCH = {\n${renamed.map(([n, t]) => `${INDENT}${pythonString(n)}: ${pythonString(t)},`).join('\n')}\n}`,
    'TORCH_TO_NETLOOM = {torch_name: netloom_name for netloom_name, torch_name in NETLOOM_TO_TORCH.items()}',
    '',
    '',
    WEIGHTS_IO_PYTHON,
  ].join('\n');
  return { text, forwardSymbols };
}

function initLines(plan: PythonPlan): string[] {
  const fn = new PythonFunction(plan, [], { self: true });
  const lines = [`${INDENT}def __init__(self) -> None:`, `${INDENT}${INDENT}super().__init__()`];
  for (const id of plan.order) {
    const node = plan.nodes.get(id)!;
    const spec = node.export;
    if (node.section !== 'model' || spec.role !== 'compute' || !spec.module) continue;
    const attribute = `self.${node.name}`;
    const ctx = fn.contextOf(id);
    lines.push(`${INDENT}${INDENT}${attribute} = ${spec.module(ctx)}`);
    for (const statement of spec.initialise?.(ctx, attribute) ?? []) lines.push(`${INDENT}${INDENT}${statement}`);
  }
  return lines;
}

function forwardLines(plan: PythonPlan): { lines: string[]; symbols: string[] } {
  const firstWeighted = plan.order.find((id) => plan.nodes.get(id)!.section === 'model' && plan.lowered.weights.has(id));
  const fallbackDevice = firstWeighted === undefined
    ? 'torch.device("cpu")'
    : `self.${plan.weightNames.get(plan.lowered.weights.get(firstWeighted)![0]!.name)!}.device`;
  const fn = new PythonFunction(plan, plan.modelInputs.map((ref) => ({ ref })), { self: true, fallbackDevice });
  for (const id of plan.order) if (plan.nodes.get(id)!.section === 'model') fn.add(id);
  const heads = plan.heads.map((ref) => fn.use(ref));
  const result = heads.length === 1
    ? [`return ${heads[0]}`]
    : ['return {', ...plan.heads.map((ref, i) => `${INDENT}${pythonString(portKey(ref))}: ${heads[i]},`), '}'];
  const tensors = plan.modelInputs.map((ref) => `${plan.variable(ref)}: torch.Tensor`);
  const symbols = fn.unboundSymbols();
  const sizes = symbols.map((symbol) => `${plan.symbols.get(symbol)!}: int`);
  const parameters = ['self', ...tensors, ...(sizes.length > 0 ? ['*', ...sizes] : [])];
  const returns = heads.length === 1 ? 'torch.Tensor' : 'dict[str, torch.Tensor]';
  return { lines: [`${INDENT}def forward(${parameters.join(', ')}) -> ${returns}:`, ...fn.lines(`${INDENT}${INDENT}`, result)], symbols };
}
