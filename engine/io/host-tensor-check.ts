/** Checks a host tensor before it is written to a file, so a writer never stores data that disagrees with its header. */
import type { HostTensor } from '../backends/backend.ts';
import { fileElementCount } from './element-count.ts';

/** What is wrong with `tensor` as something to write, or undefined when it is consistent. */
export function hostTensorProblem(tensor: HostTensor): string | undefined {
  const count = fileElementCount(tensor.shape);
  if (count === undefined) return `shape [${tensor.shape.join(',')}] must hold non-negative integers with a product below 2^53`;
  const isInt = tensor.data instanceof Int32Array;
  if ((tensor.dtype === 'i32') !== isInt) {
    return `dtype ${tensor.dtype} does not match its ${tensor.data.constructor.name} data`;
  }
  if (tensor.data.length !== count) {
    return `shape [${tensor.shape.join(',')}] needs ${count} elements but the data holds ${tensor.data.length}`;
  }
  return undefined;
}
