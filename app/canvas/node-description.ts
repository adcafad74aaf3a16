/**
 * What a canvas node says about itself, in words: its title, its kind, the shapes at its outputs and the problem it
 * shows first. The DOM nodes (GraphNode.tsx, BlockNode.tsx), the overview's drawn titles (overview-scene.ts) and
 * the overview's node list for the keyboard and screen readers (OverviewNodeList.tsx) all read it from here, so
 * they never disagree. Pure, and plain strings: every caller renders them as text, never as markup.
 */
import type { Diagnostic } from '../../engine/compile/diagnostics.ts';
import { formatShape } from '../../engine/ir/shape.ts';
import type { FlowNode } from './flow-model.ts';

type NodeData = FlowNode['data'];

/** Shown where analysis found no shape for an output. */
export const UNKNOWN_SHAPE = '?';

/** The problem a node shows: its first error, else its first warning. */
export function firstProblem(diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((d) => d.severity === 'error') ?? diagnostics.find((d) => d.severity === 'warning');
}

/** The title a node shows from far away: the node's label, else its kind's; a collapsed block's label, else its definition's. */
export function titleOf(data: NodeData): string {
  if ('group' in data) return data.group.label ?? data.block.label;
  return data.node.label ?? data.kind?.label ?? data.node.kind;
}

/** The kind's name: the catalog's label (the raw kind for a kind this build lacks), or the block's definition. */
export function kindLabelOf(data: NodeData): string {
  if ('group' in data) return `block ${data.block.label}`;
  return data.kind?.label ?? data.node.kind;
}

/** Each output port with the shape found there, formatted as the node shows it (`[N,10]`, or `?`). */
export function outputShapes(data: NodeData): { readonly port: string; readonly shape: string }[] {
  if ('group' in data) return data.outputs.map((p) => ({ port: p.name, shape: p.shape ?? UNKNOWN_SHAPE }));
  return data.outputs.map((p) => {
    const info = data.result?.outputs[p.name];
    return { port: p.name, shape: info ? formatShape(info.shape) : UNKNOWN_SHAPE };
  });
}

/** Who the node is: its label and id, or its id alone; a collapsed block by its label and group id. */
function nameOf(data: NodeData): string {
  const [label, id] = 'group' in data ? [data.group.label ?? data.block.label, data.group.id] : [data.node.label, data.node.id];
  return label === undefined ? id : `${label} (${id})`;
}

function outputsText(data: NodeData): string {
  const shapes = outputShapes(data);
  if (shapes.length === 0) return 'no outputs';
  // One output needs no port name; several are told apart by theirs.
  if (shapes.length === 1) return `output ${shapes[0]!.shape}`;
  return `outputs ${shapes.map((s) => `${s.port} ${s.shape}`).join(', ')}`;
}

function statusText(data: NodeData): string {
  const problem = firstProblem(data.diagnostics);
  // Inside a collapsed block, the problem says which of its nodes it is on, as the block node does.
  if (problem) return `${problem.severity}: ${'group' in data && problem.node !== undefined ? `${problem.node}: ` : ''}${problem.message}`;
  return data.status === 'blocked' ? 'not analysed: an upstream node failed' : 'ok';
}

/** A node in one line, for a screen reader: `fc1, Linear, output [N,10], ok`. */
export function describeNode(data: NodeData): string {
  return `${nameOf(data)}, ${kindLabelOf(data)}, ${outputsText(data)}, ${statusText(data)}`;
}
