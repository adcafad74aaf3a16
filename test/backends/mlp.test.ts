/** A Builder-made MLP's forward pass against PyTorch's nn.Linear/ReLU/Tanh/log_softmax on the same weights. */
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../engine/backends/cpu/cpu-backend.ts';
import { createRunner } from '../../engine/backends/executor.ts';
import { Builder } from '../../engine/ir/builder.ts';
import type { Program } from '../../engine/ir/program.ts';
import { MLP_CASE } from './mlp-case.ts';
import { MLP_REFERENCE } from './reference.ts';
import { caseTensor, firstMismatch, TOLERANCE } from './run-case.ts';

function mlpProgram(): Program {
  const b = new Builder();
  let h = b.op('input', [], { name: 'x', shape: ['N', MLP_CASE.layers[0]!.in], dtype: 'f32' });
  for (const layer of MLP_CASE.layers) {
    const init = { dist: 'constant', value: 0 } as const;
    const weight = b.op('param', [], { name: `${layer.name}.weight`, shape: [layer.out, layer.in], init });
    const bias = b.op('param', [], { name: `${layer.name}.bias`, shape: [layer.out], init });
    h = b.add(b.matmul(h, b.transpose(weight, [1, 0])), bias);
    h = layer.activation === 'logSoftmax' ? b.sub(h, b.logSumExp(h, 1)) : b.unary(layer.activation, h);
  }
  b.output('logProbs', h);
  return b.program();
}

describe('MLP forward against PyTorch', () => {
  it('uses the MLP the fixture was made from', () => {
    expect(MLP_REFERENCE.spec).toEqual(JSON.parse(JSON.stringify(MLP_CASE)));
  });

  for (const precision of ['f64', 'f32'] as const) {
    it(`matches in ${precision}`, async () => {
      const runner = createRunner(createCpuBackend({ precision }), mlpProgram());
      for (const layer of MLP_CASE.layers) {
        runner.setState(`${layer.name}.weight`, caseTensor({ shape: [layer.out, layer.in], dtype: 'f32', fill: layer.weight }, precision));
        runner.setState(`${layer.name}.bias`, caseTensor({ shape: [layer.out], dtype: 'f32', fill: layer.bias }, precision));
      }
      const x = caseTensor({ shape: [MLP_CASE.batch, MLP_CASE.layers[0]!.in], dtype: 'f32', fill: MLP_CASE.input }, precision);
      await runner.run({ x });
      const out = await runner.read('logProbs');
      expect(out.shape).toEqual(MLP_REFERENCE.output.shape);
      expect(firstMismatch(out.data, MLP_REFERENCE.output.data, TOLERANCE[precision])).toBeUndefined();
    });
  }
});
