/**
 * WGSL helper functions shared by the kernels: NaN and infinity by their bit patterns, and float32 versions of the
 * math functions with the special values and accuracy of the CPU backend.
 *
 * WGSL promises little here: a compiler may assume there is no NaN or ∞, builtins such as `exp`, `tanh` or `pow`
 * have no defined result for them, and the accuracy the spec allows is loose (atan 4096 ULP, cos an absolute 2⁻¹¹).
 * So NaN is detected from the bits, special values are handled before any builtin sees them, and exp, log, tanh,
 * atan, erf, pow and the sine/cosine of the random normals are written out (Cephes-style minimax polynomials and
 * series, accurate to a few float32 ULP) instead of trusting the GPU's builtins.
 *
 * Each kernel prepends only the functions it calls: `wgslMath(['exp_f', ...])` adds them with their dependencies.
 */

/**
 * Module-scope declarations every shader starts with: the bits of +∞, −∞ and NaN in a private variable. WGSL has no
 * literal for them and rejects a constant expression that evaluates to one, but a variable's value is read at run
 * time.
 */
export const NON_FINITE_PRELUDE = 'var<private> non_finite: vec3u = vec3u(0x7f800000u, 0xff800000u, 0x7fc00000u);';

/** A float32 value as WGSL source that means exactly that value, NaN and ±∞ included (read from NON_FINITE_PRELUDE). */
export function f32Literal(x: number): string {
  if (Number.isNaN(x)) return 'bitcast<f32>(non_finite.z)';
  if (x === Infinity) return 'bitcast<f32>(non_finite.x)';
  if (x === -Infinity) return 'bitcast<f32>(non_finite.y)';
  const bits = new Uint32Array(Float32Array.of(x).buffer)[0]!;
  return `bitcast<f32>(0x${bits.toString(16)}u)`;
}

/** An i32 value as WGSL source (the most negative i32 has no literal form either). */
export function i32Literal(x: number): string {
  return x === -2147483648 ? 'i32(-2147483647 - 1)' : `${x | 0}i`;
}

export const u32Literal = (x: number): string => `${x >>> 0}u`;

interface MathFunction {
  readonly needs: readonly MathName[];
  readonly source: string;
}

export type MathName =
  | 'is_nan' | 'is_inf' | 'inf_f' | 'nan_f' | 'exp_f' | 'log_f' | 'sqrt_f' | 'tanh_f' | 'sigmoid_f' | 'atan_f' | 'erf_f'
  | 'div_f' | 'pow_f' | 'pow_i' | 'max_f' | 'min_f' | 'sign_f' | 'abs_f' | 'relu_f' | 'to_i32' | 'hash32' | 'counter_uniform'
  | 'counter_normal' | 'cos_turns';

const MATH: { readonly [K in MathName]: MathFunction } = {
  is_nan: { needs: [], source: `fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }` },
  is_inf: { needs: [], source: `fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }` },
  inf_f: { needs: [], source: `fn inf_f() -> f32 { return bitcast<f32>(non_finite.x); }` },
  nan_f: { needs: [], source: `fn nan_f() -> f32 { return bitcast<f32>(non_finite.z); }` },
  abs_f: { needs: [], source: `fn abs_f(x: f32) -> f32 { return bitcast<f32>(bitcast<u32>(x) & 0x7fffffffu); }` },
  // Range reduction by n = round(x·log₂e) with ln 2 split in two, then a degree-7 Taylor polynomial on |r| ≤ ln2/2.
  exp_f: {
    needs: ['is_nan', 'inf_f'],
    source: `fn exp_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  if (x > 88.72283) { return inf_f(); }
  if (x < -103.97208) { return 0.0; }
  let n = round(x * 1.44269504);
  let r = (x - n * 0.693359375) + n * 2.12194440e-4;
  let p = 1.0 + r * (1.0 + r * (0.5 + r * (0.16666667 + r * (0.041666668 + r * (0.008333334 + r * (0.0013888889 + r * 0.0001984127))))));
  return ldexp(p, i32(n));
}`,
  },
  // log x = 2·atanh(s) + e·ln 2 with x = m·2ᵉ, m ∈ [√½, √2) and s = (m − 1)/(m + 1), |s| ≤ 0.172.
  log_f: {
    needs: ['is_nan', 'is_inf', 'inf_f', 'nan_f'],
    source: `fn log_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  if (x < 0.0) { return nan_f(); }
  if (x == 0.0) { return -inf_f(); }
  if (is_inf(x)) { return x; }
  let parts = frexp(x);
  var m = parts.fract;
  var e = f32(parts.exp);
  if (m < 0.70710678) { m = m * 2.0; e = e - 1.0; }
  let s = (m - 1.0) / (m + 1.0);
  let z = s * s;
  let series = s * (2.0 + z * (0.6666667 + z * (0.4 + z * (0.2857143 + z * (0.22222222 + z * 0.18181819)))));
  return (series + e * -2.12194440e-4) + e * 0.693359375;
}`,
  },
  sqrt_f: {
    needs: ['is_nan', 'nan_f'],
    source: `fn sqrt_f(x: f32) -> f32 {
  if (is_nan(x) || x == 0.0) { return x; }
  if (x < 0.0) { return nan_f(); }
  return sqrt(x);
}`,
  },
  // Cephes tanhf: an odd polynomial below 0.625, 1 − 2/(e^{2|x|} + 1) above, ±1 where float32 cannot tell.
  tanh_f: {
    needs: ['is_nan', 'exp_f'],
    source: `fn tanh_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  let a = abs(x);
  if (a > 9.02) { return sign(x); }
  if (a > 0.625) {
    let t = 1.0 - 2.0 / (exp_f(2.0 * a) + 1.0);
    return select(t, -t, x < 0.0);
  }
  let s = x * x;
  return ((((-5.70498872745e-3 * s + 2.06390887954e-2) * s - 5.37397155531e-2) * s + 1.33314422036e-1) * s - 3.33332819422e-1) * s * x + x;
}`,
  },
  sigmoid_f: { needs: ['exp_f'], source: `fn sigmoid_f(x: f32) -> f32 { return 1.0 / (1.0 + exp_f(-x)); }` },
  // Cephes atanf: reduce to |t| ≤ tan(π/8) by atan x = π/4 + atan((x−1)/(x+1)) or π/2 + atan(−1/x).
  atan_f: {
    needs: ['is_nan'],
    source: `fn atan_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  var t = abs(x);
  var base = 0.0;
  if (t > 2.414213562) {
    base = 1.5707963268;
    t = -1.0 / t;
  } else if (t > 0.4142135624) {
    base = 0.7853981634;
    t = (t - 1.0) / (t + 1.0);
  }
  let z = t * t;
  let y = base + ((((8.05374449538e-2 * z - 1.38776856032e-1) * z + 1.99777106478e-1) * z - 3.33329491539e-1) * z * t + t);
  return select(y, -y, x < 0.0);
}`,
  },
  // As the CPU backend: the Maclaurin-type series erf x = (2/√π)e^{−x²} Σ 2ⁿx^{2n+1}/(2n+1)!! below 2, and
  // erfc from its continued fraction (evaluated backwards, 24 terms) from 2 to 4; float32 reads erf = ±1 beyond.
  erf_f: {
    needs: ['is_nan', 'exp_f'],
    source: `fn erf_f(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  let a = abs(x);
  if (a >= 4.0) { return sign(x); }
  if (a < 2.0) {
    let x2 = x * x;
    var term = x;
    var sum = x;
    for (var n = 1; n < 48; n++) {
      term = term * (2.0 * x2) / f32(2 * n + 1);
      sum = sum + term;
      if (abs(term) <= 1e-9 * abs(sum)) { break; }
    }
    return 1.1283791671 * exp_f(-x2) * sum;
  }
  var t = a;
  for (var k = 24; k >= 1; k--) { t = a + (0.5 * f32(k)) / t; }
  let erfc = exp_f(-a * a) * 0.5641895835 / t;
  return sign(x) * (1.0 - erfc);
}`,
  },
  // IEEE division spelled out for a zero divisor (a GPU may divide by multiplying with an approximate reciprocal).
  div_f: {
    needs: ['is_nan', 'inf_f', 'nan_f'],
    source: `fn div_f(a: f32, b: f32) -> f32 {
  if (b != 0.0) { return a / b; }
  if (is_nan(a) || a == 0.0) { return nan_f(); }
  let negative = (bitcast<u32>(a) ^ bitcast<u32>(b)) >= 0x80000000u;
  return select(inf_f(), -inf_f(), negative);
}`,
  },
  // C's pow, which PyTorch uses: x⁰ = 1 and 1ʸ = 1 even for NaN, (−1)^±∞ = 1, a negative base needs an integer
  // exponent (its parity gives the sign), and the limits at 0 and ±∞.
  pow_f: {
    needs: ['is_nan', 'is_inf', 'inf_f', 'nan_f', 'exp_f', 'log_f'],
    source: `fn pow_f(a: f32, b: f32) -> f32 {
  if (b == 0.0 || a == 1.0) { return 1.0; }
  if (is_nan(a) || is_nan(b)) { return nan_f(); }
  let ab = abs(b);
  let infinite_b = is_inf(b);
  if (infinite_b) {
    let m = abs(a);
    if (m == 1.0) { return 1.0; }
    return select(0.0, inf_f(), (m > 1.0) == (b > 0.0));
  }
  let integer_b = floor(b) == b;
  let odd_b = integer_b && ab < 16777216.0 && floor(b * 0.5) != b * 0.5;
  let m = abs(a);
  var magnitude: f32;
  if (m == 0.0) {
    magnitude = select(inf_f(), 0.0, b > 0.0);
  } else if (is_inf(m)) {
    magnitude = select(0.0, inf_f(), b > 0.0);
  } else {
    if (a < 0.0 && !integer_b) { return nan_f(); }
    magnitude = exp_f(b * log_f(m));
  }
  let negative = (a < 0.0 || bitcast<u32>(a) == 0x80000000u) && odd_b;
  return select(magnitude, -magnitude, negative);
}`,
  },
  // Integer power as the CPU computes it (exactly, then truncated): negative exponents leave 1, −1 or 0.
  pow_i: {
    needs: [],
    source: `fn pow_i(a: i32, b: i32) -> i32 {
  if (b < 0) {
    if (a == 1) { return 1; }
    if (a == -1) { return select(1, -1, (b & 1) != 0); }
    return 0;
  }
  var result = 1;
  var base = a;
  var e = u32(b);
  loop {
    if (e == 0u) { break; }
    if ((e & 1u) != 0u) { result = result * base; }
    base = base * base;
    e = e >> 1u;
  }
  return result;
}`,
  },
  // torch.maximum / torch.minimum: NaN in either operand gives NaN.
  max_f: { needs: ['is_nan', 'nan_f'], source: `fn max_f(a: f32, b: f32) -> f32 { if (is_nan(a) || is_nan(b)) { return nan_f(); } return max(a, b); }` },
  min_f: { needs: ['is_nan', 'nan_f'], source: `fn min_f(a: f32, b: f32) -> f32 { if (is_nan(a) || is_nan(b)) { return nan_f(); } return min(a, b); }` },
  sign_f: { needs: [], source: `fn sign_f(x: f32) -> f32 { return select(select(0.0, -1.0, x < 0.0), 1.0, x > 0.0); }` },
  relu_f: { needs: ['is_nan'], source: `fn relu_f(x: f32) -> f32 { return select(0.0, x, x > 0.0 || is_nan(x)); }` },
  // JavaScript's ToInt32, which storing into an Int32Array applies: truncate, NaN and ±∞ to 0, wrap modulo 2³².
  // Float32 values of magnitude ≥ 2³¹ are multiples of 256, so the reduction below is exact.
  to_i32: {
    needs: ['is_nan', 'is_inf'],
    source: `fn to_i32(x: f32) -> i32 {
  if (is_nan(x) || is_inf(x)) { return 0; }
  var t = trunc(x);
  if (abs(t) >= 2147483648.0) {
    t = t - floor(t / 4294967296.0) * 4294967296.0;
    if (t >= 2147483648.0) { t = t - 4294967296.0; }
  }
  return i32(t);
}`,
  },
  // random.ts's hash32 (lowbias32): u32 multiplication wraps modulo 2³² like Math.imul.
  hash32: {
    needs: [],
    source: `fn hash32(x0: u32) -> u32 {
  var x = x0;
  x = x ^ (x >> 16u);
  x = x * 0x7feb352du;
  x = x ^ (x >> 15u);
  x = x * 0x846ca68bu;
  x = x ^ (x >> 16u);
  return x;
}`,
  },
  counter_uniform: {
    needs: ['hash32'],
    source: `fn counter_uniform(seed: u32, index: u32) -> f32 { return f32(hash32(seed ^ hash32(index)) >> 8u) / 16777216.0; }`,
  },
  // cos(2π·u) for u ∈ [0, 1): u − q/4 is exact, so the polynomial sees an angle in [−π/4, π/4] (Cephes sinf/cosf).
  cos_turns: {
    needs: [],
    source: `fn cos_turns(u: f32) -> f32 {
  let q = round(4.0 * u);
  let a = (u - 0.25 * q) * 6.2831853072;
  let z = a * a;
  let s = a + a * z * (-1.6666654611e-1 + z * (8.3321608736e-3 + z * -1.9515295891e-4));
  let c = 1.0 - 0.5 * z + z * z * (4.166664568298827e-2 + z * (-1.388731625493765e-3 + z * 2.443315711809948e-5));
  let quadrant = u32(q) & 3u;
  if (quadrant == 0u) { return c; }
  if (quadrant == 1u) { return -s; }
  if (quadrant == 2u) { return -c; }
  return s;
}`,
  },
  // random.ts's counterNormal: Box–Muller from the uniforms at 2i and 2i + 1, the first kept off 0.
  counter_normal: {
    needs: ['hash32', 'counter_uniform', 'log_f', 'cos_turns'],
    source: `fn counter_normal(seed: u32, index: u32) -> f32 {
  let u1 = (f32(hash32(seed ^ hash32(2u * index)) >> 8u) + 0.5) / 16777216.0;
  let u2 = counter_uniform(seed, 2u * index + 1u);
  return sqrt(-2.0 * log_f(u1)) * cos_turns(u2);
}`,
  },
};

/** The WGSL source of the named functions and everything they call, each once, callees first. */
export function wgslMath(names: readonly MathName[]): string {
  const ordered: MathName[] = [];
  const visit = (name: MathName): void => {
    if (ordered.includes(name)) return;
    for (const dependency of MATH[name].needs) visit(dependency);
    ordered.push(name);
  };
  names.forEach(visit);
  return ordered.map((name) => MATH[name].source).join('\n');
}
