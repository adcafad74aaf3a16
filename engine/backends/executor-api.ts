/**
 * What the rest of the engine (training loop, `netloom run`, gradient checks) uses to run an IR program on a
 * backend. Implemented by executor.ts; described here so callers and backends can be written against it.
 */
import type { Program } from '../ir/program.ts';
import type { HostTensor } from './backend.ts';

export interface RunOptions {
  /** Seed of this step's random primitives (dropout masks, noise); see random.ts. */
  readonly seed?: number;
  /** Keep every value of the step readable with `readValue` (debugging, the NaN guard's replay); slower. */
  readonly keepAll?: boolean;
}

export interface RunnerOptions {
  /**
   * Share params and buffers with another runner on the same backend: a state tensor with the same name (and
   * shape) is the same device buffer in both, so a GAN's generator and discriminator step programs update one set
   * of weights without copying. Names the other runner lacks are created (and initialised) here.
   */
  readonly shareStateWith?: ProgramRunner;
}

/** createRunner(backend, program, options?) in executor.ts builds one of these. */
export interface ProgramRunner {
  readonly program: Program;
  /** Names of the program's `param` and `buffer` values (PyTorch state_dict keys), in program order. */
  readonly stateNames: readonly string[];
  /** Sets a param or buffer; its shape must match the program's. */
  setState(name: string, value: HostTensor): void;
  getState(name: string): Promise<HostTensor>;
  /**
   * Runs the program once: binds symbolic dimensions (N, T) from the shapes of `feeds` (keyed by `input` name),
   * dispatches every op in order with buffers reused by the memory plan, then applies the state updates
   * (params and buffers take their new values together, after the step).
   */
  run(feeds: Readonly<Record<string, HostTensor>>, options?: RunOptions): Promise<void>;
  /** A named output of the last run (`node:port`). */
  read(output: string): Promise<HostTensor>;
  /** Any value of the last run made with keepAll. */
  readValue(id: number): Promise<HostTensor>;
  dispose(): void;
}
