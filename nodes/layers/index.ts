/** Layers, in palette order. */
import { adaptiveAvgPool2d } from './adaptive-avg-pool2d.ts';
import { avgPool2d } from './avg-pool2d.ts';
import { batchNorm1d } from './batch-norm1d.ts';
import { batchNorm2d } from './batch-norm2d.ts';
import { conv1d } from './conv1d.ts';
import { conv2d } from './conv2d.ts';
import { convTranspose2d } from './conv-transpose2d.ts';
import { dropout } from './dropout.ts';
import { embedding } from './embedding.ts';
import { flatten } from './flatten.ts';
import { globalAvgPool } from './global-avg-pool.ts';
import { layerNorm } from './layer-norm.ts';
import { linear } from './linear.ts';
import { maxPool2d } from './max-pool2d.ts';
import { permute } from './permute.ts';
import { reshape } from './reshape.ts';
import { upsample } from './upsample.ts';

export const LAYER_KINDS = [
  linear, conv1d, conv2d, convTranspose2d,
  maxPool2d, avgPool2d, adaptiveAvgPool2d, globalAvgPool, upsample,
  flatten, reshape, permute,
  dropout, batchNorm1d, batchNorm2d, layerNorm,
  embedding,
] as const;
