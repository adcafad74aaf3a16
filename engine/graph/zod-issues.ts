/** zod's issues as GraphIssues: JSON paths, one issue per unknown key, and the useful branch of a failed union. */
import type { z } from 'zod';
import type { GraphIssue } from './errors.ts';
import { jsonPath } from './json-path.ts';

export function issuesFromZod(issues: readonly z.core.$ZodIssue[], base: readonly PropertyKey[] = []): GraphIssue[] {
  const out: GraphIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    switch (issue.code) {
      case 'unrecognized_keys':
        // zod puts these at the enclosing object; the key's own path is what the user has to find and delete.
        for (const key of issue.keys) out.push({ path: jsonPath([...path, key]), message: 'unknown key; a netloom graph has no such field' });
        break;
      case 'invalid_union': {
        // Every branch fails; a branch that got past the type check (a list, for a list-valued param) holds the
        // precise problem, such as the list being too long. Otherwise the union's own message says what fits.
        const typed = issue.errors.filter((branch) => !branch.every((e) => e.code === 'invalid_type' && e.path.length === 0));
        if (typed.length === 1) out.push(...issuesFromZod(typed[0]!, path));
        else out.push({ path: jsonPath(path), message: issue.message });
        break;
      }
      case 'invalid_key':
        out.push(...issuesFromZod(issue.issues, path).map((i) => ({ path: i.path, message: `the key ${i.message}` })));
        break;
      default:
        out.push({ path: jsonPath(path), message: issue.message });
    }
  }
  return out;
}
