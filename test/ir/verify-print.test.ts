import { describe, expect, it } from 'vitest';
import { Builder } from '../../engine/ir/builder.ts';
import { printProgram } from '../../engine/ir/print.ts';
import type { Program } from '../../engine/ir/program.ts';
import { verifyProgram } from '../../engine/ir/verify.ts';

function smallProgram(): Program {
  const b = new Builder();
  b.currentNode = 'fc';
  const x = b.op('input', [], { name: 'x', shape: ['N', 4], dtype: 'f32' });
  const w = b.op('param', [], { name: 'fc.weight', shape: [3, 4], init: { dist: 'uniform', low: -0.5, high: 0.5 } });
  const y = b.matmul(x, b.transpose(w, [1, 0]));
  const m = b.op('buffer', [], { name: 'fc.running', shape: [3], init: { dist: 'constant', value: 0 } });
  b.assign(m, b.mean(y, [0]));
  b.output('fc:y', y);
  return b.program();
}

describe('verifier', () => {
  it('accepts a program built by the builder', () => {
    expect(verifyProgram(smallProgram())).toEqual([]);
  });
  it('finds a recorded shape that disagrees with the rule', () => {
    const p = smallProgram();
    const values = p.values.map((v) => (v.id === 3 ? { ...v, shape: ['N', 4] } : v));
    expect(verifyProgram({ ...p, values }).join('\n')).toMatch(/op 3 \(matmul in fc\): recorded f32\[N,4\], rule gives f32\[N,3\]/);
  });
  it('finds use before definition and a state update whose target is not state', () => {
    const p = smallProgram();
    const ops = [p.ops[2]!, ...p.ops.filter((_, i) => i !== 2)];
    expect(verifyProgram({ ...p, ops }).join('\n')).toMatch(/before definition/);
    expect(verifyProgram({ ...p, stateUpdates: [{ buffer: 0, value: 3 }] }).join('\n')).toMatch(/neither a buffer nor a param/);
  });
});

describe('printer', () => {
  it('prints one line per op with types, attrs and the origin node', () => {
    const text = printProgram(smallProgram());
    expect(text).toContain('%0: f32[N,4] = input() {name="x" shape=["N",4] dtype="f32"}  @"fc"');
    expect(text).toContain('%3: f32[N,3] = matmul(%0, %2)  @"fc"');
    expect(text).toContain('%4 <- %5');
    expect(text).toContain('output "fc:y" = %3');
  });
});
