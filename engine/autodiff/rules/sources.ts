/**
 * Primitives without operands to differentiate (data, weights, constants, random samples) and the gradient
 * primitives, which autodiff emits but never differentiates again (no second derivatives).
 */
import { refuseGradient, zeroGradient, type NotDifferentiable } from '../vjp-rule.ts';

type Source = 'input' | 'param' | 'buffer' | 'constant' | 'randomNormal' | 'randomUniform' | 'randomBernoulli';
type GradientPrimitive = 'convGradInput' | 'convGradWeight' | 'poolGrad' | 'adaptiveAvgPoolGrad' | 'resizeGrad' | 'gatherGrad' | 'sliceGrad';

const SOURCE = 'a source: it has no operands (differentiate with respect to it by listing it in wrt)';
const RANDOM = 'a random sample: it has no operands, and the sample is treated as a constant (no reparameterisation through it)';
const GRADIENT = 'a gradient primitive: second derivatives are not supported';

export const SOURCES_VJP: { readonly [K in Source | GradientPrimitive]: NotDifferentiable } = {
  input: zeroGradient(SOURCE),
  param: zeroGradient(SOURCE),
  buffer: zeroGradient(SOURCE),
  constant: zeroGradient(SOURCE),
  randomNormal: zeroGradient(RANDOM),
  randomUniform: zeroGradient(RANDOM),
  randomBernoulli: zeroGradient(RANDOM),
  convGradInput: refuseGradient(GRADIENT),
  convGradWeight: refuseGradient(GRADIENT),
  poolGrad: refuseGradient(GRADIENT),
  adaptiveAvgPoolGrad: refuseGradient(GRADIENT),
  resizeGrad: refuseGradient(GRADIENT),
  gatherGrad: refuseGradient(GRADIENT),
  sliceGrad: refuseGradient(GRADIENT),
};
