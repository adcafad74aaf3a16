/**
 * A map keyed by sequences of values (compared as Map keys compare them: by identity for objects, by value for
 * primitives), walked one key at a time. The analysis's content caches use it instead of building string keys,
 * which would cost an allocation and a hash of the whole key for every node.
 */
export class KeyTrie<V> {
  value: V | undefined = undefined;
  private children: Map<unknown, KeyTrie<V>> | undefined = undefined;

  /** The child for `key`, or undefined when no sequence continues with it. */
  get(key: unknown): KeyTrie<V> | undefined {
    return this.children?.get(key);
  }

  /** The child for `key`, created when missing. */
  child(key: unknown): KeyTrie<V> {
    this.children ??= new Map();
    let next = this.children.get(key);
    if (!next) {
      next = new KeyTrie<V>();
      this.children.set(key, next);
    }
    return next;
  }
}
