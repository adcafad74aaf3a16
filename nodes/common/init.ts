/**
 * Weight initialisation choices shared by Linear and the convolutions. The default reproduces PyTorch's own
 * reset_parameters(): kaiming_uniform_(a=√5), which works out to U(±1/√fan_in) for the weight, and U(±1/√fan_in)
 * for the bias. The other choices are the schemes the course compares (He for ReLU, Xavier for tanh/sigmoid);
 * with them the bias starts at zero, as PyTorch code that re-initialises layers usually does.
 */
import { p } from '../../engine/compile/params.ts';
import type { Init } from '../../engine/ir/ops.ts';

export const INIT_CHOICES = ['pytorch', 'kaiming_normal', 'kaiming_uniform', 'xavier_normal', 'xavier_uniform'] as const;
export type InitChoice = (typeof INIT_CHOICES)[number];

export const initParam = p.choice(
  INIT_CHOICES, 'pytorch',
  'weight initialisation: PyTorch default U(±1/√fan_in); kaiming (He, σ²=2/fan_in, for ReLU); xavier (Glorot, σ²=2/(fan_in+fan_out))',
);

/** `fanIn`/`fanOut` follow torch.nn.init: size(1)·receptive field and size(0)·receptive field of the weight. */
export function weightInit(choice: InitChoice, fanIn: number, fanOut: number): Init {
  switch (choice) {
    case 'pytorch': {
      const bound = 1 / Math.sqrt(fanIn);
      return { dist: 'uniform', low: -bound, high: bound };
    }
    case 'kaiming_normal':
      return { dist: 'normal', mean: 0, std: Math.sqrt(2 / fanIn) };
    case 'kaiming_uniform': {
      const bound = Math.sqrt(6 / fanIn);
      return { dist: 'uniform', low: -bound, high: bound };
    }
    case 'xavier_normal':
      return { dist: 'normal', mean: 0, std: Math.sqrt(2 / (fanIn + fanOut)) };
    case 'xavier_uniform': {
      const bound = Math.sqrt(6 / (fanIn + fanOut));
      return { dist: 'uniform', low: -bound, high: bound };
    }
  }
}

export function biasInit(choice: InitChoice, fanIn: number): Init {
  if (choice !== 'pytorch') return { dist: 'constant', value: 0 };
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  return { dist: 'uniform', low: -bound, high: bound };
}

export const ZEROS: Init = { dist: 'constant', value: 0 };
export const ONES: Init = { dist: 'constant', value: 1 };
