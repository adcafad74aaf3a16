/**
 * The templates gallery: graphs to start from, bundled with the app and opened through the engine's importer like
 * any file. Each one but the broken CNN analyses without a problem (test/app/templates.test.ts checks that); the
 * broken one has exactly one error, with a one-click fix, to practise on.
 */
import { parseGraph, type ParseResult } from '../../engine/graph/parse.ts';
import brokenCnn from './broken-cnn.json';
import deepReluHeSpirals from './deep-relu-he-spirals.json';
import deepSigmoidResidualSpirals from './deep-sigmoid-residual-spirals.json';
import deepSigmoidSpirals from './deep-sigmoid-spirals.json';
import lenetFashion from './lenet-fashion.json';
import logregIris from './logreg-iris.json';
import mlpSpirals from './mlp-spirals.json';
import resnetDigits from './resnet-digits.json';

export interface Template {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly source: unknown;
}

export const TEMPLATES: readonly Template[] = [
  { id: 'mlp-spirals', title: 'MLP on spirals', description: 'Two hidden ReLU layers separate two interleaved spirals.', source: mlpSpirals },
  { id: 'logreg-iris', title: 'Logistic regression on Iris', description: 'One Linear layer and softmax cross-entropy over three species.', source: logregIris },
  { id: 'lenet-fashion', title: 'LeNet on Fashion-MNIST', description: 'The classic two-conv, three-linear CNN on 28×28 clothing images.', source: lenetFashion },
  { id: 'resnet-digits', title: 'ResNet block on digits', description: 'A residual block (conv-BN-ReLU twice, plus the skip) on 8×8 digits.', source: resnetDigits },
  { id: 'deep-sigmoid-spirals', title: 'Deep sigmoid MLP (vanishing gradients)', description: 'Eight Linear layers with sigmoids between them: record histograms and watch the first layers’ gradients vanish.', source: deepSigmoidSpirals },
  { id: 'deep-relu-he-spirals', title: 'Deep ReLU MLP with He init', description: 'The same eight layers with ReLU and He initialisation: gradients keep their size through the depth and the spirals are learned.', source: deepReluHeSpirals },
  { id: 'deep-sigmoid-residual-spirals', title: 'Deep sigmoid MLP with residual connections', description: 'The same eight Linear layers and sigmoids, with a residual connection around each block: the skips carry the gradient back to the first layers.', source: deepSigmoidResidualSpirals },
  { id: 'broken-cnn', title: 'Broken CNN (fix me)', description: 'A CNN whose second convolution expects the wrong number of channels.', source: brokenCnn },
];

export function openTemplate(template: Template): ParseResult {
  return parseGraph(template.source);
}
