/**
 * The `init` param of Linear and the convolutions as torch.nn.init calls. The default, PyTorch's own
 * reset_parameters(), needs none; the others match netloom's formulas (nodes/common/init.ts) because torch.nn.init
 * computes fan_in and fan_out from the weight tensor the same way, and netloom's bias starts at zero with them.
 */
import type { PythonContext } from '../kind-export.ts';

const WEIGHT_INIT: Readonly<Record<string, (weight: string) => string>> = {
  // gain √2 (relu) gives std √(2/fan_in) and bound √(6/fan_in), netloom's He initialisation.
  kaiming_normal: (w) => `nn.init.kaiming_normal_(${w}, nonlinearity="relu")`,
  kaiming_uniform: (w) => `nn.init.kaiming_uniform_(${w}, nonlinearity="relu")`,
  xavier_normal: (w) => `nn.init.xavier_normal_(${w})`,
  xavier_uniform: (w) => `nn.init.xavier_uniform_(${w})`,
};

export function initialiseWeights(ctx: PythonContext, attribute: string): string[] {
  const weight = WEIGHT_INIT[ctx.choice('init')];
  if (!weight) return [];
  return [weight(`${attribute}.weight`), ...(ctx.bool('bias') ? [`nn.init.zeros_(${attribute}.bias)`] : [])];
}
