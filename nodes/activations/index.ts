/** Activations, in palette order. */
import { atan } from './atan.ts';
import { elu } from './elu.ts';
import { gelu } from './gelu.ts';
import { identity } from './identity.ts';
import { leakyRelu } from './leaky-relu.ts';
import { logSoftmax } from './log-softmax.ts';
import { relu } from './relu.ts';
import { sigmoid } from './sigmoid.ts';
import { softmax } from './softmax.ts';
import { step } from './step.ts';
import { tanh } from './tanh.ts';

export const ACTIVATION_KINDS = [relu, leakyRelu, elu, gelu, sigmoid, tanh, atan, softmax, logSoftmax, identity, step] as const;
