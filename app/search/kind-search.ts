/**
 * Finding node kinds by fuzzy query, optionally only those that fit a link being made: the quick-add list after a
 * link is dropped in empty space offers the kinds with a port that can take (or give) the dragged tensor, and
 * says which port the new node is connected on.
 */
import type { PortInfo } from '../../engine/compile/analysis-types.ts';
import { CATEGORIES, portsOf, type Catalog, type NodeKind, type PortSpec } from '../../engine/compile/node-kind.ts';
import { resolveNodeParams } from '../../engine/compile/structure.ts';
import { portFit } from '../canvas/port-fit.ts';
import { bestScore } from './fuzzy.ts';

/** A link dragged out of a port and dropped in empty space. */
export type LinkContext =
  /** From an output: the new node's input takes the tensor (`info` when the analysis knows it). */
  | { readonly side: 'output'; readonly node: string; readonly port: string; readonly info: PortInfo | undefined }
  /** From an input: the new node's output feeds it. */
  | { readonly side: 'input'; readonly node: string; readonly port: string; readonly spec: PortSpec };

export interface KindMatch {
  readonly kind: NodeKind;
  /** The port of the new node to connect, when there is a link. */
  readonly port?: string;
}

const DEFAULTS = Object.freeze({});

/** A kind's ports with its default params (kinds whose ports depend on params show their default ports). */
export function defaultPorts(kind: NodeKind): { inputs: readonly PortSpec[]; outputs: readonly PortSpec[] } {
  const { params } = resolveNodeParams(kind, DEFAULTS);
  return { inputs: portsOf(kind.inputs, params), outputs: portsOf(kind.outputs, params) };
}

/** The port of `kind` that fits the link, if any. */
export function fittingPort(kind: NodeKind, link: LinkContext): string | undefined {
  const { inputs, outputs } = defaultPorts(kind);
  if (link.side === 'output') return inputs.find((p) => portFit(link.info, p, p.name).ok)?.name;
  return outputs.find((p) => portFit(p, link.spec, link.port).ok)?.name;
}

/** Kinds matching `query` (all when it is empty), best first; in catalog order when there is no query. */
export function searchKinds(catalog: Catalog, query: string, link?: LinkContext): KindMatch[] {
  const order = CATEGORIES.flatMap((category) => [...catalog.values()].filter((k) => k.category === category));
  const matches: (KindMatch & { score: number; index: number })[] = [];
  order.forEach((kind, index) => {
    const port = link ? fittingPort(kind, link) : undefined;
    if (link && port === undefined) return;
    const score = query.trim() === '' ? 0 : bestScore(query, [[kind.label, 1], [kind.id, 0.9], [kind.docs.pytorch, 0.6], [kind.category, 0.5]]);
    if (score === undefined) return;
    matches.push({ kind, score, index, ...(port !== undefined && { port }) });
  });
  matches.sort((a, b) => b.score - a.score || a.index - b.index);
  return matches.map(({ kind, port }) => (port === undefined ? { kind } : { kind, port }));
}
