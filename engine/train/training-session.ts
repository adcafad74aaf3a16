/**
 * A training run under user control — start, pause, single step, continue, stop, reset — reporting progress as
 * events. The browser's training worker wraps one of these (its messages are these commands and events); it runs
 * in Node too, which is how it is tested.
 */
import { NonFiniteError, type NonFiniteReport } from './nan-guard.ts';
import type { EpochReport, FitResult, StepReport, Trainer } from './trainer.ts';

export type SessionStatus = 'ready' | 'running' | 'paused' | 'stopped' | 'finished' | 'failed';

export interface Progress {
  readonly epoch: number;
  readonly epochs: number;
  /** Iterations done in the current epoch, and its length. */
  readonly iteration: number;
  readonly iterations: number;
  /** Share of the whole run done, 0..1. */
  readonly fraction: number;
  /** Training samples per second over the run so far (paused time excluded). */
  readonly samplesPerSecond: number;
  /** Estimated seconds to the last epoch's end at that rate; undefined before the first step. */
  readonly secondsLeft: number | undefined;
}

export type SessionEvent =
  | { readonly type: 'status'; readonly status: SessionStatus }
  | { readonly type: 'step'; readonly report: StepReport; readonly progress: Progress }
  | { readonly type: 'epoch'; readonly report: EpochReport; readonly progress: Progress }
  | { readonly type: 'finished'; readonly stopReason: FitResult['stopReason'] }
  | { readonly type: 'failed'; readonly message: string; readonly report?: NonFiniteReport };

/** Lets other work (a worker's incoming "pause" message) run between steps at least this often. */
const YIELD_EVERY_MS = 16;

/**
 * A macrotask, so queued messages get their turn. Through a MessageChannel rather than setTimeout(0), which browsers
 * clamp to 4 ms once nested: a quarter of a fast model's training time went to waiting.
 */
const macrotask = (): Promise<void> => new Promise((resolve) => {
  const { port1, port2 } = new MessageChannel();
  port1.onmessage = () => {
    port1.close();
    resolve();
  };
  port2.postMessage(null);
});

export class TrainingSession {
  private trainer: Trainer | undefined;
  private status: SessionStatus = 'ready';
  private stopRequested = false;
  private running: Promise<void> | undefined;
  private samples = 0;
  private activeMs = 0;
  private lastProgress: Progress | undefined;
  /** Exclusive work waits here for the end of the current step; the loop then waits on `resumeTraining`. */
  private betweenSteps: (() => void)[] = [];
  private resumeTraining: (() => void) | undefined;
  private queue: Promise<void> = Promise.resolve();
  private epochWork: ((trainer: Trainer) => Promise<void>) | undefined;

  /**
   * @param create builds a fresh Trainer (weights initialised from the run's seed): called first and on reset.
   * @param epochs the run's length, for progress.
   */
  constructor(
    private readonly create: () => Promise<Trainer>,
    private readonly epochs: number,
    private readonly emit: (event: SessionEvent) => void,
  ) {}

  get state(): SessionStatus {
    return this.status;
  }

  get progress(): Progress | undefined {
    return this.lastProgress;
  }

  /** The current trainer (for probes: decision grid, histograms, node outputs), once one exists. */
  get current(): Trainer | undefined {
    return this.trainer;
  }

  /**
   * Runs `work` on the trainer between two steps (at once when no step is under way), so a probe never reads
   * weights while an update is writing them. Starts the trainer first if the run has not begun.
   */
  async exclusive<T>(work: (trainer: Trainer) => Promise<T>): Promise<T> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((resolve) => (release = resolve));
    try {
      await previous;
      if (this.status === 'running') await new Promise<void>((resolve) => this.betweenSteps.push(resolve));
      this.trainer ??= await this.create();
      return await work(this.trainer);
    } finally {
      this.resumeTraining?.();
      this.resumeTraining = undefined;
      release();
    }
  }

  /**
   * Work to run at the end of every epoch, before the next one starts (undefined: none): what is recorded there
   * (the page's histograms) gets one snapshot per epoch however fast the epochs go, where a probe asked from outside
   * may find several epochs done between two answers.
   */
  atEpochEnd(work: ((trainer: Trainer) => Promise<void>) | undefined): void {
    this.epochWork = work;
  }

  private setStatus(status: SessionStatus): void {
    this.status = status;
    this.emit({ type: 'status', status });
  }

  /**
   * Starts the run, or continues it after a pause or a stop. Asked while a step or a pause is still finishing, it
   * continues once that is done (a "continue" clicked right after "pause" is not lost).
   */
  async start(): Promise<void> {
    if (this.status === 'running') await this.running;
    if (this.status === 'running' || this.status === 'finished' || this.status === 'failed') return this.running;
    return this.run(() => this.stopRequested);
  }

  /** One training iteration, then paused again (from ready, paused or stopped). */
  step(): Promise<void> {
    if (this.status === 'running' || this.status === 'finished' || this.status === 'failed') return this.running ?? Promise.resolve();
    return this.run(() => true);
  }

  /** Pauses after the current step; `start` continues exactly where it stopped. */
  pause(): Promise<void> {
    if (this.status === 'running') this.stopRequested = true;
    return this.running ?? Promise.resolve();
  }

  /** Ends the run after the current step; the weights stay, and `start` may still continue training. */
  async stop(): Promise<void> {
    await this.pause();
    if (this.status === 'paused' || this.status === 'ready') this.setStatus('stopped');
  }

  /** Stops, then starts over from freshly initialised weights (same seed, so the same initial weights). */
  async reset(): Promise<void> {
    await this.pause();
    this.trainer?.dispose();
    this.trainer = undefined;
    this.samples = 0;
    this.activeMs = 0;
    this.lastProgress = undefined;
    this.setStatus('ready');
  }

  dispose(): void {
    this.stopRequested = true;
    this.trainer?.dispose();
    this.trainer = undefined;
  }

  private progressOf(epoch: number, iteration: number, iterations: number): Progress {
    const done = Math.min(1, (epoch - 1 + iteration / iterations) / this.epochs);
    const rate = this.activeMs > 0 ? (1000 * this.samples) / this.activeMs : 0;
    const perEpochSamples = this.trainer!.trainingData.features.shape[0]!;
    const samplesLeft = (1 - done) * this.epochs * perEpochSamples;
    return {
      epoch, epochs: this.epochs, iteration, iterations, fraction: done,
      samplesPerSecond: rate, secondsLeft: rate > 0 ? samplesLeft / rate : undefined,
    };
  }

  /** Lets one piece of exclusive work that is waiting run now, and waits until it is done. */
  private async yieldToExclusiveWork(): Promise<void> {
    const waiting = this.betweenSteps.shift();
    if (!waiting) return;
    const done = new Promise<void>((resolve) => (this.resumeTraining = resolve));
    waiting();
    await done;
  }

  private run(shouldStop: () => boolean): Promise<void> {
    this.stopRequested = false;
    this.setStatus('running');
    this.running = (async () => {
      try {
        this.trainer ??= await this.create();
        const trainer = this.trainer;
        let stepStarted = performance.now(), lastYield = stepStarted, samplesBefore = 0;
        const result = await trainer.fit({
          shouldStop,
          onStep: async (report) => {
            const now = performance.now();
            // Samples of this step: the epoch's running count restarts at each epoch.
            const stepSamples = report.iteration === 1 ? report.samples : report.samples - samplesBefore;
            samplesBefore = report.samples;
            this.samples += stepSamples;
            this.activeMs += now - stepStarted;
            this.lastProgress = this.progressOf(report.epoch, report.iteration, report.iterations);
            this.emit({ type: 'step', report, progress: this.lastProgress });
            await this.yieldToExclusiveWork();
            if (now - lastYield >= YIELD_EVERY_MS) {
              await macrotask();
              lastYield = performance.now();
            }
            stepStarted = performance.now();
          },
          onEpoch: async (report) => {
            // The epoch's last step: its iteration count as the steps reported it ("step 13/13", not "1/1").
            const iterations = this.lastProgress?.iterations ?? 1;
            this.lastProgress = this.progressOf(report.epoch, iterations, iterations);
            this.emit({ type: 'epoch', report, progress: this.lastProgress });
            await this.epochWork?.(trainer);
            stepStarted = performance.now();
          },
        });
        if (result.stopReason === 'stopped') this.setStatus('paused');
        else {
          this.setStatus('finished');
          this.emit({ type: 'finished', stopReason: result.stopReason });
        }
      } catch (error) {
        this.setStatus('failed');
        const message = error instanceof Error ? error.message : String(error);
        this.emit(error instanceof NonFiniteError && error.report ? { type: 'failed', message, report: error.report } : { type: 'failed', message });
      } finally {
        // Work that was waiting for a step boundary runs now: no more steps are coming.
        for (const waiting of this.betweenSteps.splice(0)) waiting();
      }
    })();
    return this.running;
  }
}
