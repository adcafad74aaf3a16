import { describe, expect, it } from 'vitest';
import { gradCheck } from './gradcheck.ts';
import { OP_CASES } from './op-cases.ts';

describe('float64 finite-difference gradient check of every differentiable primitive', () => {
  for (const c of OP_CASES) {
    it(c.name, async () => {
      const result = await gradCheck(c);
      expect(result.forward.ops.map((op) => op.op)).toContain(c.op);
      expect(result.comparisons).toBeGreaterThan(0);
      expect(result.mismatches).toEqual([]);
    });
  }
});
