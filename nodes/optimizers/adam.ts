import { defineNode } from '../../engine/compile/node-kind.ts';
import { adamParams, lowerAdamLike } from '../common/adam.ts';
import { OPTIMIZER_PORTS, optimizerSelection } from '../common/optimizer.ts';

export const adam = defineNode({
  id: 'adam',
  category: 'optimizers',
  label: 'Adam',
  docs: {
    summary: 'Adaptive moment estimation: keeps running means of the gradient (m) and of its square (v), corrects their bias towards zero in early steps, and steps each weight by m̂/(√v̂ + ε) — roughly a fixed-size step in the direction of the average gradient, scaled per weight. A robust default (lr 1e-3); GANs commonly use lr 2e-4 with β₁ = 0.5.',
    formula: 'g_t = \\nabla_\\theta L + \\lambda\\theta_{t-1},\\; m_t = \\beta_1 m_{t-1} + (1-\\beta_1) g_t,\\; v_t = \\beta_2 v_{t-1} + (1-\\beta_2) g_t^2,\\; \\hat m_t = \\frac{m_t}{1-\\beta_1^t},\\; \\hat v_t = \\frac{v_t}{1-\\beta_2^t},\\; \\theta_t = \\theta_{t-1} - \\eta \\frac{\\hat m_t}{\\sqrt{\\hat v_t} + \\epsilon}\\quad (\\text{amsgrad: } v_t \\to \\max_{\\tau \\le t} v_\\tau \\text{ before the bias correction})',
    seedNotes: 'The sheets agree on m and v but not on ε: one writes φ −= η m̃/(√ṽ + ε) (PyTorch’s form, ε outside the root), another η m̃/√(ṽ + ε), and the course notebook α/√(ŝ + ε) ⊙ v̂ (ε inside the root; there v is the first moment and s the second). With ε = 1e-8 the difference only matters when v̂ is tiny. Some sheets count steps from 0 and write 1 − β^{t+1}; it is the same correction. Here weight_decay adds λθ to the gradient (L2, coupled with the adaptive scaling); AdamW decouples it.',
    pytorch: 'torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0, amsgrad=False)',
  },
  params: adamParams,
  ...OPTIMIZER_PORTS,
  optimizer: optimizerSelection,
  example: { params: { lr: 0.0002, beta1: 0.5 }, inputs: { loss: [] } },
  lower: (ctx) => lowerAdamLike(ctx),
});
