/**
 * Checks on untrusted data before zod or any other code walks it: keys that could reach a prototype (`__proto__`,
 * `constructor`, `prototype`), nesting deeper than LIMITS.maxDepth, and, for objects handed over directly rather
 * than as text, cycles and class instances. The walk is iterative and stops at the depth limit, so a million nested
 * brackets cannot overflow the stack.
 */
import type { GraphIssue } from './errors.ts';
import { jsonPath } from './json-path.ts';
import { LIMITS } from './types.ts';

/** A graph has no use for these names, and merging them into an object elsewhere could pollute a prototype. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A path as a linked list: built for every value visited, formatted only for the few that have a problem. */
interface PathLink {
  readonly parent: PathLink | undefined;
  readonly key: string | number;
}

type Frame =
  | { readonly value: unknown; readonly path: PathLink | undefined; readonly depth: number }
  | { readonly leave: object };

export function scanRaw(root: unknown, maxIssues: number): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const report = (path: PathLink | undefined, message: string) => issues.push({ path: format(path), message });
  // The objects on the way from the root to the current value: meeting one again is a cycle, while an object
  // merely shared by two branches is not.
  const ancestors = new Map<object, PathLink | undefined>();
  const stack: Frame[] = [{ value: root, path: undefined, depth: 0 }];
  while (stack.length > 0 && issues.length < maxIssues) {
    const frame = stack.pop()!;
    if ('leave' in frame) {
      ancestors.delete(frame.leave);
      continue;
    }
    const { value, path, depth } = frame;
    if (typeof value !== 'object' || value === null) continue;
    if (ancestors.has(value)) {
      report(path, `a cycle: this value contains itself (it is ${format(ancestors.get(value))})`);
      continue;
    }
    // depth counts from 0 at the root, so this container is level depth + 1.
    if (depth >= LIMITS.maxDepth) {
      report(path, `nested more than ${LIMITS.maxDepth} levels deep`);
      continue;
    }
    const isList = Array.isArray(value);
    if (!isList && !isPlainObject(value)) {
      report(path, `not plain JSON data (${Object.prototype.toString.call(value)})`);
      continue;
    }
    const keys = Object.keys(value);
    const children: Frame[] = [];
    for (const key of keys) {
      const child: PathLink = { parent: path, key: isList && /^\d+$/.test(key) ? Number(key) : key };
      if (FORBIDDEN_KEYS.has(key)) report(child, `the key "${key}" is not allowed (it could reach an object's prototype)`);
      else children.push({ value: (value as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
    ancestors.set(value, path);
    stack.push({ leave: value });
    // Reversed so that children are visited, and problems reported, in document order.
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  }
  return issues.slice(0, maxIssues);
}

/** An object literal or JSON.parse result (from any realm), or a null-prototype object; not a Date or class instance. */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function format(path: PathLink | undefined): string {
  const segments: (string | number)[] = [];
  for (let p = path; p; p = p.parent) segments.push(p.key);
  return jsonPath(segments.reverse());
}
