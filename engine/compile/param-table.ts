/**
 * Node params resolved once per distinct configuration. Nodes of the same kind whose params are equal share one
 * ResolvedParams (defaults filled in, problems found, ports derived), so a graph of repeated blocks resolves each
 * configuration once, and equal configurations are one object that later caches can key by identity.
 */
import type { ParamValue } from '../graph/types.ts';
import { KeyTrie } from './key-trie.ts';
import { portsOf, type NodeKind, type PortSpec } from './node-kind.ts';
import { resolveParams, type ParamProblem, type ParamSchema, type ParamsOf } from './params.ts';

export interface ResolvedParams {
  readonly kind: NodeKind;
  readonly params: ParamsOf<ParamSchema>;
  readonly problems: readonly ParamProblem[];
  readonly inputs: readonly PortSpec[];
  readonly outputs: readonly PortSpec[];
}

// Map keys equate -0 with 0, and a list must not read like the scalars that follow it: distinct markers for both.
const NEGATIVE_ZERO = Symbol('-0');
const LIST = Symbol('list');
/** Beyond this many configurations the table starts afresh, so a long editing session cannot grow it forever. */
const CAPACITY = 10_000;

export class ParamTable {
  private root = new KeyTrie<ResolvedParams>();
  private size = 0;

  resolve(kind: NodeKind, raw: Readonly<Record<string, ParamValue>>): ResolvedParams {
    const slot = configurationSlot(this.root.child(kind), raw);
    if (slot?.value) return slot.value;
    const { params, problems } = resolveParams(kind.params, raw);
    const resolved: ResolvedParams = { kind, params, problems, inputs: portsOf(kind.inputs, params), outputs: portsOf(kind.outputs, params) };
    if (slot) {
      if (++this.size > CAPACITY) {
        this.root = new KeyTrie();
        this.size = 0;
      } else slot.value = resolved;
    }
    return resolved;
  }
}

/**
 * The trie slot of a params object: its names in order, each followed by its value (a list as a marker, its
 * length and its items). Undefined for values that are not document data (objects), which are never shared.
 */
function configurationSlot(root: KeyTrie<ResolvedParams>, raw: Readonly<Record<string, ParamValue>>): KeyTrie<ResolvedParams> | undefined {
  let slot: KeyTrie<ResolvedParams> | undefined = root;
  for (const name of Object.keys(raw)) {
    slot = valueSlot(slot.child(name), raw[name]);
    if (!slot) return undefined;
  }
  return slot;
}

function valueSlot(slot: KeyTrie<ResolvedParams>, value: unknown): KeyTrie<ResolvedParams> | undefined {
  if (Array.isArray(value)) {
    let at: KeyTrie<ResolvedParams> | undefined = slot.child(LIST).child(value.length);
    for (let i = 0; i < value.length && at; i++) at = valueSlot(at, value[i]);
    return at;
  }
  if (typeof value === 'object' && value !== null) return undefined;
  return slot.child(value === 0 && 1 / value < 0 ? NEGATIVE_ZERO : value);
}
