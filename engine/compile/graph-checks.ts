/** Diagnostics about the graph as a whole: nodes that feed nothing, and optimizers with nothing to update. */
import type { GraphDocument } from '../graph/types.ts';
import type { NodeAnalysis } from './analysis-types.ts';
import type { Diagnostic } from './diagnostics.ts';
import type { Prepared, PreparedNode } from './structure.ts';

/** Memoised per structure: results that only change when nodes or links do. */
function memo<T>(prepared: Prepared, key: string, compute: () => T): T {
  if (prepared.memo.has(key)) return prepared.memo.get(key) as T;
  const value = compute();
  prepared.memo.set(key, value);
  return value;
}

/** Nodes whose outputs reach a loss or a node without outputs (an optimizer, an Output) contribute; others are flagged. */
export function unreachableDiagnostics(prepared: Prepared): readonly Diagnostic[] {
  return memo(prepared, 'unreachable', () => {
    const { list, nodes } = prepared;
    // By the node each id names (the last one, should an invalid document repeat an id), as links resolve them.
    const named = (p: PreparedNode): number => nodes.get(p.node.id)!.index;
    const reached = new Uint8Array(list.length);
    const queue: number[] = [];
    for (const p of list) {
      if (!p.kind || (p.outputs.length > 0 && p.kind.category !== 'losses')) continue;
      const index = named(p);
      if (reached[index] === 0) {
        reached[index] = 1;
        queue.push(index);
      }
    }
    if (queue.length === 0) return [];
    for (let i = 0; i < queue.length; i++) {
      for (const source of list[queue[i]!]!.sources) {
        if (source && reached[source.index] === 0) {
          reached[source.index] = 1;
          queue.push(source.index);
        }
      }
    }
    return list.filter((p) => p.kind && reached[p.index] === 0 && reached[named(p)] === 0).map((p): Diagnostic => ({
      severity: 'warning', code: 'unreachable', node: p.node.id,
      message: `${p.kind!.label} ${p.node.id} does not feed any loss or output, so training ignores it`,
    }));
  });
}

/** Positions of every node upstream of `index`. */
function ancestors(prepared: Prepared, index: number): readonly number[] {
  return memo(prepared, `ancestors:${index}`, () => {
    const seen = new Uint8Array(prepared.list.length);
    const found: number[] = [];
    const stack = [index];
    while (stack.length > 0) {
      for (const source of prepared.list[stack.pop()!]!.sources) {
        if (source && seen[source.index] === 0) {
          seen[source.index] = 1;
          found.push(source.index);
          stack.push(source.index);
        }
      }
    }
    return found;
  });
}

/** Each optimizer must reach at least one trainable weight through its loss, among the parameters it selects. */
export function optimizerDiagnostics(doc: GraphDocument, prepared: Prepared, results: readonly NodeAnalysis[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const optimizers = memo(prepared, 'optimizers', () => prepared.list.filter((p) => p.kind?.optimizer).map((p) => p.index));
  if (optimizers.length === 0) return out;
  const groups = new Map((doc.groups ?? []).map((g) => [g.id, g.nodes]));
  for (const index of optimizers) {
    const p = prepared.list[index]!;
    if (!p.incoming.has('loss') || results[index]?.status !== 'ok') continue;
    const selection = p.kind!.optimizer!.parameterSelection(p.params);
    const selected = new Set<string>();
    let all = false;
    for (const name of selection) {
      if (name === 'all') all = true;
      else if (groups.has(name)) for (const n of groups.get(name)!) selected.add(n);
      else if (prepared.nodes.has(name)) selected.add(name);
      else {
        out.push({ severity: 'error', code: 'bad-param', node: p.node.id, param: 'parameters',
          message: `${p.kind!.label} ${p.node.id}: parameters names ${JSON.stringify(name)}, which is neither a group nor a node`,
          fix: { label: 'Update all parameters', edits: [{ type: 'setParam', node: p.node.id, param: 'parameters', value: ['all'] }] } });
      }
    }
    let count = 0;
    for (const a of ancestors(prepared, index)) {
      if (all || selected.has(prepared.list[a]!.node.id)) count += results[a]?.params ?? 0;
    }
    if (count === 0) {
      const loss = p.incoming.get('loss')!.from.node;
      out.push({ severity: 'error', code: 'optimizer-no-params', node: p.node.id,
        message: `${p.kind!.label} ${p.node.id}: the loss ${loss} depends on no trainable weight among ${all ? 'all parameters' : selection.join(', ')}, so this optimizer has nothing to update` });
    }
  }
  return out;
}
