/**
 * TensorFlow.js for the comparison benchmarks, loaded on first use: it is a devDependency that only the bench
 * imports, so nothing else in netloom depends on it. Both the pure-JS `cpu` and the `wasm` backend are registered.
 * The umbrella package is loaded rather than tfjs-core alone because tfjs-core's Node build leaves out the gradient
 * functions (training fails with "gradient function not found"); the umbrella registers them, and the cpu backend.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as TfCore from '@tensorflow/tfjs-core';

export type Tfjs = typeof TfCore;
export type TfjsBackend = 'cpu' | 'wasm';

let loading: Promise<Tfjs> | undefined;

export function loadTfjs(): Promise<Tfjs> {
  loading ??= load();
  return loading;
}

async function load(): Promise<Tfjs> {
  const tf: Tfjs = await import('@tensorflow/tfjs');
  // Production mode only silences tfjs's console notes (such as the hint to install tfjs-node) in the bench output.
  tf.enableProdMode();
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  // In Node there is no page URL to fetch the .wasm binaries relative to: point the loader at the package's own
  // dist folder, where they ship next to its entry file.
  const entry = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths(`${path.dirname(entry)}${path.sep}`);
  return tf;
}

/** Makes `backend` the active one; tensors and variables created afterwards live on it. */
export async function useTfjsBackend(tf: Tfjs, backend: TfjsBackend): Promise<void> {
  if (!(await tf.setBackend(backend))) throw new Error(`TensorFlow.js could not initialise its ${backend} backend`);
  await tf.ready();
}
