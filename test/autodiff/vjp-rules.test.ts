import { describe, expect, it } from 'vitest';
import { VJP_RULES } from '../../engine/autodiff/vjp-rules.ts';
import { isNotDifferentiable } from '../../engine/autodiff/vjp-rule.ts';
import { OP_ARITY, type OpId } from '../../engine/ir/ops.ts';
import { OP_CASES } from './op-cases.ts';

const ALL_OPS = Object.keys(OP_ARITY) as OpId[];

describe('VJP_RULES', () => {
  it('has an entry for every primitive', () => {
    expect(Object.keys(VJP_RULES).sort()).toEqual([...ALL_OPS].sort());
  });

  it('gives every primitive a gradient-check case or a reason it has no rule', () => {
    const checked = new Set(OP_CASES.map((c) => c.op));
    const uncovered = ALL_OPS.filter((op) => !isNotDifferentiable(VJP_RULES[op]) && !checked.has(op));
    expect(uncovered).toEqual([]);
    for (const op of ALL_OPS) {
      const entry = VJP_RULES[op];
      if (isNotDifferentiable(entry)) {
        expect(entry.reason.length, op).toBeGreaterThan(10);
        expect(checked.has(op), `${op} has no rule but a gradient-check case`).toBe(false);
      }
    }
  });

  it('refuses to differentiate the gradient primitives again and treats the others without a rule as constants', () => {
    const refused = ALL_OPS.filter((op) => {
      const entry = VJP_RULES[op];
      return isNotDifferentiable(entry) && entry.notDifferentiable === 'refuse';
    });
    expect(refused.sort()).toEqual(['adaptiveAvgPoolGrad', 'convGradInput', 'convGradWeight', 'gatherGrad', 'poolGrad', 'resizeGrad', 'sliceGrad']);
    const zero = ALL_OPS.filter((op) => {
      const entry = VJP_RULES[op];
      return isNotDifferentiable(entry) && entry.notDifferentiable === 'zero';
    });
    expect(zero.sort()).toEqual([
      'buffer', 'constant', 'equal', 'greater', 'input', 'oneHot', 'param', 'randomBernoulli', 'randomNormal', 'randomUniform', 'sign', 'step',
    ]);
  });
});
