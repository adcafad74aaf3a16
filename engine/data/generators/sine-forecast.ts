/**
 * Sine forecasting: each sample is FORECAST_STEPS values sin(ω·t + φ), t = 0 … FORECAST_STEPS − 1, with angular
 * frequency ω uniform in [0.2, 0.6) radians per step (periods of about 10 to 31 steps) and phase φ uniform in
 * [0, 2π); the target is the next value, sin(ω·FORECAST_STEPS + φ). Features [N, T, 1] (one value per time step,
 * as a recurrent layer reads them), targets [N, 1].
 */
import type { Generator } from './generator.ts';
import { uniform } from './sampling.ts';

export const FORECAST_STEPS = 20;
export const FORECAST_FREQUENCY = [0.2, 0.6] as const;

export const sineForecast: Generator = (random, samples) => {
  const x = new Float32Array(samples * FORECAST_STEPS);
  const y = new Float32Array(samples);
  for (let n = 0; n < samples; n++) {
    const omega = uniform(random, ...FORECAST_FREQUENCY);
    const phase = uniform(random, 0, 2 * Math.PI);
    for (let t = 0; t < FORECAST_STEPS; t++) x[n * FORECAST_STEPS + t] = Math.sin(omega * t + phase);
    y[n] = Math.sin(omega * FORECAST_STEPS + phase);
  }
  return {
    features: { shape: [samples, FORECAST_STEPS, 1], dtype: 'f32', data: x },
    labels: { shape: [samples, 1], dtype: 'f32', data: y },
  };
};
