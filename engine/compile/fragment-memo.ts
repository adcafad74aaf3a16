/**
 * Hash-consed node fragments. What the analysis learns from lowering a node depends only on its configuration
 * (kind and params, one ResolvedParams object per distinct one) and its input types, unless the lowering looked at
 * which node it lowers (its id or its producers; see LowerNodeResult.nodeSpecific). So nodes with the same
 * configuration and the same input types share one summary, and a graph of repeated blocks lowers each distinct
 * block once. Input types are interned here too, which makes "same input types" an identity check.
 */
import type { DType } from '../ir/ops.ts';
import type { Shape } from '../ir/shape.ts';
import type { PortInfo } from './analysis-types.ts';
import type { FragmentSummary, TypeTable } from './fragment-summary.ts';
import { KeyTrie } from './key-trie.ts';
import type { ResolvedParams } from './param-table.ts';

type Inputs = readonly ({ readonly info: PortInfo } | undefined)[];

/** Beyond this many summaries the memo starts afresh, so a long editing session cannot grow it forever. */
const CAPACITY = 10_000;

export class FragmentMemo implements TypeTable {
  private summaries = new KeyTrie<FragmentSummary>();
  private types = new KeyTrie<PortInfo>();
  private size = 0;

  /** Summaries count FLOPs and memory with these bindings, so a memo serves one set of bindings. */
  constructor(readonly bindings: Readonly<Record<string, number>>) {}

  find(config: ResolvedParams, inputs: Inputs): FragmentSummary | undefined {
    let at = this.summaries.get(config);
    for (let i = 0; i < inputs.length && at; i++) at = at.get(inputs[i]?.info);
    return at?.value;
  }

  store(config: ResolvedParams, inputs: Inputs, summary: FragmentSummary): void {
    if (++this.size > CAPACITY) {
      this.summaries = new KeyTrie();
      this.types = new KeyTrie();
      this.size = 0;
      return;
    }
    let at = this.summaries.child(config);
    for (const input of inputs) at = at.child(input?.info);
    at.value = summary;
  }

  type(shape: Shape, dtype: DType): PortInfo {
    let at = this.types.child(dtype);
    for (const d of shape) at = at.child(d);
    return (at.value ??= { shape, dtype });
  }
}
