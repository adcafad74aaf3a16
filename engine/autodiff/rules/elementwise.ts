/**
 * Vector-Jacobian rules of the elementwise primitives. Binary operands broadcast, so each operand's gradient is
 * computed at the result's shape and summed back to the operand's own shape. Kinks follow PyTorch: relu'(0) = 0,
 * abs'(0) = sign(0) = 0, maximum/minimum split a tie 0.5/0.5, and pow's exponent gradient is 0 where the base is
 * 0 and the exponent is ≥ 0.
 */
import type { Builder } from '../../ir/builder.ts';
import type { BinaryOp, UnaryOp } from '../../ir/ops.ts';
import type { Value } from '../../ir/program.ts';
import { sumToShape } from '../sum-to-shape.ts';
import { zeroGradient, type VjpEntry, type VjpRule } from '../vjp-rule.ts';

/** ∂L/∂x of y = f(x), from x, y and ∂L/∂y. */
type UnaryGradient = (b: Builder, x: Value, y: Value, dy: Value) => Value;
/** ∂L/∂operand of y = f(lhs, rhs) at y's (broadcast) shape. */
type BinaryGradient = (b: Builder, lhs: Value, rhs: Value, y: Value, dy: Value) => Value;

function unary(gradient: UnaryGradient): VjpRule<UnaryOp> {
  return ({ b, inputs: [x], output, dy }) => [() => gradient(b, x!, output, dy)];
}

function binary(dLhs: BinaryGradient, dRhs: BinaryGradient): VjpRule<BinaryOp> {
  return ({ b, inputs: [lhs, rhs], output, dy }) => [
    () => sumToShape(b, dLhs(b, lhs!, rhs!, output, dy), lhs!.shape),
    () => sumToShape(b, dRhs(b, lhs!, rhs!, output, dy), rhs!.shape),
  ];
}

const square = (b: Builder, x: Value): Value => b.mul(x, x);
const oneMinus = (b: Builder, x: Value): Value => b.sub(b.scalar(1), x);

/**
 * The share of ∂L/∂y that `mine` receives in maximum (`larger`) or minimum: 1 where it is the strict winner, 0.5
 * on a tie (PyTorch), 0 otherwise.
 */
function extremeShare(b: Builder, mine: Value, theirs: Value, larger: boolean): Value {
  const wins = larger ? b.op('greater', [mine, theirs], {}) : b.op('greater', [theirs, mine], {});
  return b.add(wins, b.mul(b.op('equal', [mine, theirs], {}), b.scalar(0.5)));
}

const maximumOrMinimum = (larger: boolean): VjpRule<BinaryOp> => binary(
  (b, lhs, rhs, _y, dy) => b.mul(dy, extremeShare(b, lhs, rhs, larger)),
  (b, lhs, rhs, _y, dy) => b.mul(dy, extremeShare(b, rhs, lhs, larger)),
);

const STEP_LIKE = 'piecewise constant: its derivative is zero wherever it exists';

export const ELEMENTWISE_VJP: { readonly [K in UnaryOp | BinaryOp]: VjpEntry<K> } = {
  neg: unary((b, _x, _y, dy) => b.unary('neg', dy)),
  exp: unary((b, _x, y, dy) => b.mul(dy, y)),
  log: unary((b, x, _y, dy) => b.div(dy, x)),
  // dy / (2·√x): infinite at x = 0, as in PyTorch.
  sqrt: unary((b, _x, y, dy) => b.div(dy, b.mul(y, b.scalar(2)))),
  abs: unary((b, x, _y, dy) => b.mul(dy, b.unary('sign', x))),
  sign: zeroGradient(STEP_LIKE),
  tanh: unary((b, _x, y, dy) => b.mul(dy, oneMinus(b, square(b, y)))),
  sigmoid: unary((b, _x, y, dy) => b.mul(dy, b.mul(y, oneMinus(b, y)))),
  erf: unary((b, x, _y, dy) => b.mul(dy, b.mul(b.scalar(2 / Math.sqrt(Math.PI)), b.unary('exp', b.unary('neg', square(b, x)))))),
  atan: unary((b, x, _y, dy) => b.div(dy, b.add(b.scalar(1), square(b, x)))),
  // x > 0 is 0 at x = 0: relu'(0) = 0 like PyTorch.
  relu: unary((b, x, _y, dy) => b.mul(dy, b.op('greater', [x, b.scalar(0)], {}))),
  step: zeroGradient(STEP_LIKE),

  add: binary((_b, _l, _r, _y, dy) => dy, (_b, _l, _r, _y, dy) => dy),
  sub: binary((_b, _l, _r, _y, dy) => dy, (b, _l, _r, _y, dy) => b.unary('neg', dy)),
  mul: binary((b, _l, rhs, _y, dy) => b.mul(dy, rhs), (b, lhs, _r, _y, dy) => b.mul(dy, lhs)),
  div: binary(
    (b, _l, rhs, _y, dy) => b.div(dy, rhs),
    (b, lhs, rhs, _y, dy) => b.unary('neg', b.div(b.mul(dy, lhs), square(b, rhs))),
  ),
  maximum: maximumOrMinimum(true),
  minimum: maximumOrMinimum(false),
  pow: binary(
    // dy·b·a^(b−1), but 0 where b = 0 (PyTorch), which also avoids 0·∞ at a = 0.
    (b, lhs, rhs, _y, dy) => {
      const local = b.mul(dy, b.mul(rhs, b.op('pow', [lhs, b.sub(rhs, b.scalar(1))], {})));
      return b.op('where', [b.op('equal', [rhs, b.scalar(0)], {}), b.scalar(0), local], {});
    },
    // dy·a^b·log a, but 0 where a = 0 and b ≥ 0 (PyTorch), where log a = −∞ would give 0·∞.
    (b, lhs, rhs, y, dy) => {
      const local = b.mul(dy, b.mul(y, b.unary('log', lhs)));
      const baseZero = b.op('equal', [lhs, b.scalar(0)], {});
      const exponentNonNegative = oneMinus(b, b.op('greater', [b.scalar(0), rhs], {}));
      return b.op('where', [b.mul(baseZero, exponentNonNegative), b.scalar(0), local], {});
    },
  ),
  greater: zeroGradient(STEP_LIKE),
  equal: zeroGradient(STEP_LIKE),
};
