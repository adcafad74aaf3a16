/** PyTorch for the structural nodes (nodes/structure): plain tensor expressions in forward(). */
import { normAxis } from '../../../ir/shape.ts';
import { pythonCall, type PythonContext, type PythonKindExport } from '../kind-export.ts';
import { pythonList, pythonNumber } from '../python-literal.ts';

/** The variables on ports x1…xK. */
const operands = (ctx: PythonContext): string[] => Array.from({ length: ctx.number('inputs') }, (_, i) => ctx.input(`x${i + 1}`));

/** `x[:, :, start:end:step]`: Python's slice rule on one axis, every axis before it whole. */
function sliceOf(ctx: PythonContext): string {
  const x = ctx.input('x');
  const axis = normAxis(ctx.number('dim'), ctx.inputShape('x').length);
  const step = ctx.number('step');
  const range = `${pythonNumber(ctx.number('start'))}:${pythonNumber(ctx.number('end'))}${step === 1 ? '' : `:${pythonNumber(step)}`}`;
  return `${x}[${[...new Array<string>(axis).fill(':'), range].join(', ')}]`;
}

export const STRUCTURE_EXPORTS: Readonly<Record<string, PythonKindExport>> = {
  add: { role: 'compute', forward: (ctx) => operands(ctx).join(' + ') },
  multiply: { role: 'compute', forward: (ctx) => operands(ctx).join(' * ') },
  concat: { role: 'compute', forward: (ctx) => pythonCall('torch.cat', [pythonList(operands(ctx))], { dim: pythonNumber(ctx.number('dim')) }) },
  split: {
    role: 'compute',
    forward: (ctx) => pythonCall('torch.split', [ctx.input('x'), pythonList(ctx.ints('sections').map(pythonNumber))], { dim: pythonNumber(ctx.number('dim')) }),
  },
  slice: { role: 'compute', forward: sliceOf },
  output: { role: 'output' },
};
