/**
 * Finite-difference gradient checks in float64 (torch.autograd.gradcheck's defaults): the op's result y is reduced
 * to L = Σ w ⊙ y with fixed random weights w (so every element of y matters), differentiated, and each analytic
 * ∂L/∂x is compared with the central difference (L(x+ε) − L(x−ε)) / 2ε, ε = 1e-6, passing when
 * |analytic − numeric| ≤ 1e-5 + 1e-3·|numeric|. Large operands are checked along one random direction d instead
 * of element by element: ⟨∂L/∂x, d⟩ against (L(x+εd) − L(x−εd)) / 2ε.
 */
import { differentiate } from '../../engine/autodiff/differentiate.ts';
import { Builder } from '../../engine/ir/builder.ts';
import type { OpId } from '../../engine/ir/ops.ts';
import type { Program, Value } from '../../engine/ir/program.ts';
import { isSymbol } from '../../engine/ir/shape.ts';
import { verifyProgram } from '../../engine/ir/verify.ts';
import { hostTensor, readNumbers, withRunner, type Tensor } from './run-program.ts';
import { sampler, type InputSpec } from './sample-data.ts';

export interface GradCheckCase {
  readonly name: string;
  /** The primitive under test; the built program must contain it. */
  readonly op: OpId;
  readonly inputs: readonly InputSpec[];
  /** Builds y from the operands (fed as inputs x0, x1, …). */
  readonly build: (b: Builder, operands: readonly Value[]) => Value;
}

export interface GradCheckResult {
  readonly forward: Program;
  readonly differentiated: Program;
  /** One line per failing comparison; empty when the check passes. */
  readonly mismatches: readonly string[];
  /** Number of comparisons made. */
  readonly comparisons: number;
}

const EPS = 1e-6;
const ATOL = 1e-5;
const RTOL = 1e-3;
/** Operands with more elements are checked along a random direction. */
const PER_ELEMENT_LIMIT = 48;

const agree = (analytic: number, numeric: number): boolean => Math.abs(analytic - numeric) <= ATOL + RTOL * Math.abs(numeric);
const inputName = (i: number): string => `x${i}`;

export async function gradCheck(c: GradCheckCase, seed = 1): Promise<GradCheckResult> {
  const b = new Builder();
  const operands = c.inputs.map((spec, i) => b.op('input', [], { name: inputName(i), shape: spec.shape, dtype: spec.dtype }));
  const y = c.build(b, operands);
  if (y.shape.some(isSymbol)) throw new Error(`${c.name}: gradient checks need a concrete result shape`);
  const rand = sampler(seed);
  const weights: Tensor = { shape: y.shape as number[], data: rand.numbers(y.shape.reduce<number>((a, d) => a * (d as number), 1)), dtype: 'f32' };
  const loss = b.sum(b.mul(y, b.op('input', [], { name: 'weights', shape: weights.shape, dtype: 'f32' })), y.shape.map((_, i) => i));
  b.output('loss', loss);
  const forward = b.program();

  const checked = c.inputs.flatMap((spec, i) => (spec.differentiate ? [i] : []));
  const { program, grads } = differentiate(forward, loss.id, checked.map((i) => operands[i]!.id));
  const gradOutput = (i: number): string => `grad:${inputName(i)}`;
  const differentiated: Program = {
    ...program,
    outputs: { ...program.outputs, ...Object.fromEntries(checked.map((i) => [gradOutput(i), grads.get(operands[i]!.id)!])) },
  };
  const problems = verifyProgram(differentiated);
  if (problems.length > 0) throw new Error(`${c.name}: the differentiated program does not verify:\n${problems.join('\n')}`);

  const feeds = Object.fromEntries([
    ...c.inputs.map((spec, i) => [inputName(i), hostTensor(spec)] as const),
    ['weights', hostTensor(weights)] as const,
  ]);
  const analytic = await withRunner(differentiated, async (runner) => {
    await runner.run(feeds);
    return Promise.all(checked.map((i) => readNumbers(runner, gradOutput(i))));
  });

  const mismatches: string[] = [];
  let comparisons = 0;
  await withRunner(forward, async (runner) => {
    const lossWith = async (i: number, data: readonly number[]): Promise<number> => {
      await runner.run({ ...feeds, [inputName(i)]: hostTensor({ ...c.inputs[i]!, data }) });
      return (await readNumbers(runner, 'loss'))[0]!;
    };
    const centralDifference = async (i: number, direction: readonly number[]): Promise<number> => {
      const base = c.inputs[i]!.data;
      const plus = await lossWith(i, base.map((v, j) => v + EPS * direction[j]!));
      const minus = await lossWith(i, base.map((v, j) => v - EPS * direction[j]!));
      return (plus - minus) / (2 * EPS);
    };
    for (const [k, i] of checked.entries()) {
      const gradient = analytic[k]!;
      const n = c.inputs[i]!.data.length;
      if (n <= PER_ELEMENT_LIMIT) {
        for (let j = 0; j < n; j++) {
          const numeric = await centralDifference(i, Array.from({ length: n }, (_, e) => (e === j ? 1 : 0)));
          comparisons++;
          if (!agree(gradient[j]!, numeric)) mismatches.push(`${inputName(i)}[${j}]: analytic ${gradient[j]} numeric ${numeric}`);
        }
      } else {
        const direction = rand.numbers(n);
        const numeric = await centralDifference(i, direction);
        const projected = gradient.reduce((acc, g, j) => acc + g * direction[j]!, 0);
        comparisons++;
        if (!agree(projected, numeric)) mismatches.push(`${inputName(i)} along a random direction: analytic ${projected} numeric ${numeric}`);
      }
    }
  });
  return { forward, differentiated, mismatches, comparisons };
}
