/**
 * The tiled matrix product behind matmul and every convolution: C[b] = A[b]·B[b] for b < batch, with A M×K and
 * B K×N given by loader functions rather than by memory layout, so the same kernel multiplies plain matrices, reads
 * a convolution's input as implicit im2col columns, or its output gradient as implicit col2im rows.
 *
 * Each workgroup computes a BM×BN tile of C. Per step of BK along K, its threads stage the A and B tiles in
 * workgroup memory (reads coalesced along K for A and along N for B), then every thread accumulates TM×TN outputs
 * from them in registers (rows ly + i·WY and columns lx + j·WX, so neighbouring threads read neighbouring words).
 * The tile shape is picked per problem: large tiles where there are enough of them to fill a GPU, thin ones for a
 * convolution's few output channels.
 *
 * A product with too few tiles to fill the GPU but a long K (a weight gradient sums over every sample and position)
 * is split along K: each of S workgroups per tile writes its partial tile to a scratch buffer, and a second step sums
 * the S partials of each element in order (deterministic, unlike atomics) and stores the result.
 */
import { bind, computeStep, perElementStep, SCRATCH, type KernelLimits, type KernelSpec, type ShaderBinding } from './kernel-spec.ts';
import { u32Literal } from './wgsl-math.ts';

/**
 * A batched product with its operands: `helpers` must define
 *   fn load_a(batch: u32, row: u32, k: u32) -> f32     A[batch][row][k], called only for row < m, k < k
 *   fn load_b(batch: u32, k: u32, col: u32) -> f32     B[batch][k][col], called only for k < k, col < n
 *   fn store_c(batch: u32, row: u32, col: u32, value: f32)
 * over the buffers in `bindings`.
 */
export interface GemmProblem {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly batch: number;
  readonly bindings: readonly ShaderBinding[];
  readonly helpers: string;
}

interface Tile {
  /** Threads along N and along M. */
  readonly wx: number;
  readonly wy: number;
  /** Outputs per thread along M and along N. */
  readonly tm: number;
  readonly tn: number;
  /** Depth of one staged step along K. */
  readonly bk: number;
}

const TILES = {
  large: { wx: 16, wy: 16, tm: 8, tn: 8, bk: 8 },
  medium: { wx: 16, wy: 16, tm: 4, tn: 4, bk: 16 },
  fewRows: { wx: 16, wy: 8, tm: 2, tn: 4, bk: 16 },
  fewColumns: { wx: 8, wy: 16, tm: 4, tn: 2, bk: 16 },
} as const satisfies Record<string, Tile>;

/** Workgroups a GPU needs to keep all of its compute units busy (a generous count for current GPUs). */
const FILLING_WORKGROUPS = 128;
/** The shortest stretch of K one workgroup of a split product works through. */
const MIN_SPLIT_DEPTH = 128;

const tileCount = ({ m, n, batch }: GemmProblem, t: Tile): number => Math.ceil(m / (t.wy * t.tm)) * Math.ceil(n / (t.wx * t.tn)) * batch;

function chooseTile(problem: GemmProblem): Tile {
  if (tileCount(problem, TILES.large) >= FILLING_WORKGROUPS) return TILES.large;
  if (problem.m <= 16) return TILES.fewRows;
  if (problem.n <= 16) return TILES.fewColumns;
  return TILES.medium;
}

/** Depth of each part of K (a multiple of BK): all of K unless the product has too few tiles to fill the GPU. */
function splitDepth(problem: GemmProblem, t: Tile, limits: KernelLimits): number {
  const tiles = tileCount(problem, t);
  const parts = Math.min(Math.ceil(FILLING_WORKGROUPS / tiles), Math.floor(problem.k / MIN_SPLIT_DEPTH), Math.floor(limits.maxWorkgroupsPerDimension / problem.batch));
  if (parts < 2) return problem.k;
  return Math.ceil(Math.ceil(problem.k / parts) / t.bk) * t.bk;
}

/** `count` copies of `line(index)` as straight-line code (the loops a compiler might not unroll). */
const unrolled = (count: number, line: (index: number) => string): string => Array.from({ length: count }, (_, i) => line(i)).join('\n');

export function gemmSpec(problem: GemmProblem, limits: KernelLimits): KernelSpec {
  const t = chooseTile(problem);
  const bm = t.wy * t.tm, bn = t.wx * t.tn, threads = t.wx * t.wy;
  const { m, n, k, batch } = problem;
  const depth = splitDepth(problem, t, limits);
  const parts = Math.ceil(k / depth);
  const workgroups = [Math.ceil(n / bn), Math.ceil(m / bm), batch * parts] as const;
  const largest = Math.max(...workgroups);
  if (largest > limits.maxWorkgroupsPerDimension) {
    throw new Error(`a ${m}×${k} by ${k}×${n} product (batch ${batch}) needs ${largest} workgroups along one axis; this GPU allows ${limits.maxWorkgroupsPerDimension}`);
  }
  const [M, N, K, P] = [m, n, k, parts].map(u32Literal);
  const acc = (i: number, j: number) => `acc_${i}_${j}`;
  // Staging loops stay loops: a loader (an im2col gather) inlined once per element makes shaders slow to compile.
  const loadA = `    for (var e = tid; e < ${bm * t.bk}u; e += ${threads}u) {
      let r = e / ${t.bk}u; let kk = e % ${t.bk}u;
      let row = row0 + r; let kg = k0 + kk;
      var v = 0.0;
      if (row < ${M} && kg < k_end) { v = load_a(b, row, kg); }
      a_tile[kk * ${bm}u + r] = v;
    }`;
  const loadB = `    for (var e = tid; e < ${bn * t.bk}u; e += ${threads}u) {
      let kk = e / ${bn}u; let c = e % ${bn}u;
      let col = col0 + c; let kg = k0 + kk;
      var v = 0.0;
      if (kg < k_end && col < ${N}) { v = load_b(b, kg, col); }
      b_tile[kk * ${bn}u + c] = v;
    }`;
  // A split product writes partial tiles, part-major: scratch[((part·batch + b)·M + row)·N + col].
  const store = (value: string) => (parts === 1 ? `store_c(b, row, col, ${value});` : `scratch[((part * ${u32Literal(batch)} + b) * ${M} + row) * ${N} + col] = ${value};`);
  const product = `${problem.helpers}
var<workgroup> a_tile: array<f32, ${bm * t.bk}>;
var<workgroup> b_tile: array<f32, ${bn * t.bk}>;
@compute @workgroup_size(${t.wx}, ${t.wy}, 1)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let b = wid.z / ${P};
  let part = wid.z % ${P};
  let row0 = wid.y * ${bm}u;
  let col0 = wid.x * ${bn}u;
  let k_end = min(${K}, (part + 1u) * ${u32Literal(depth)});
  let tid = lid.y * ${t.wx}u + lid.x;
${unrolled(t.tm, (i) => unrolled(t.tn, (j) => `  var ${acc(i, j)} = 0.0;`))}
  for (var k0 = part * ${u32Literal(depth)}; k0 < k_end; k0 += ${t.bk}u) {
${loadA}
${loadB}
    workgroupBarrier();
    for (var kk = 0u; kk < ${t.bk}u; kk++) {
${unrolled(t.tm, (i) => `      let a${i} = a_tile[kk * ${bm}u + lid.y + ${i * t.wy}u];`)}
${unrolled(t.tn, (j) => `      let b${j} = b_tile[kk * ${bn}u + lid.x + ${j * t.wx}u];`)}
${unrolled(t.tm, (i) => unrolled(t.tn, (j) => `      ${acc(i, j)} = fma(a${i}, b${j}, ${acc(i, j)});`))}
    }
    workgroupBarrier();
  }
${unrolled(t.tm, (i) => unrolled(t.tn, (j) => `  {
    let row = row0 + lid.y + ${i * t.wy}u; let col = col0 + lid.x + ${j * t.wx}u;
    if (row < ${M} && col < ${N}) { ${store(acc(i, j))} }
  }`))}
}`;
  if (parts === 1) return { steps: [computeStep(problem.bindings, product, workgroups)] };
  const withScratch = [...problem.bindings, bind(SCRATCH, 'scratch')];
  const total = batch * m * n;
  const sum = `  var total = 0.0;
  for (var part = 0u; part < ${P}; part++) { total = total + scratch[part * ${u32Literal(total)} + i]; }
  let col = i % ${N};
  let row = (i / ${N}) % ${M};
  store_c(i / ${u32Literal(m * n)}, row, col, total);`;
  return {
    steps: [computeStep(withScratch, product, workgroups), perElementStep(withScratch, problem.helpers, total, sum, limits)],
    scratch: parts * total,
  };
}
