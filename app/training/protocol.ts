/**
 * The messages between the page and the training worker (training-worker.ts). The worker owns the run — the
 * engine's TrainingSession and its Trainer, on the CPU or WebGPU backend — and the page only sends commands and
 * probe requests and draws what comes back. Everything here is structured-clone safe (typed arrays, plain objects).
 */
import type { HostTensor } from '../../engine/backends/backend.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import type { Histogram } from '../../engine/train/histogram.ts';
import type { ClassificationMetrics } from '../../engine/train/metrics.ts';
import type { NonFiniteReport } from '../../engine/train/nan-guard.ts';
import type { DecisionGrid, FittedCurve } from '../../engine/train/probes.ts';
import type { GraphSourceData } from '../../engine/train/load-graph-data.ts';
import type { ResolvedTrainingSettings } from '../../engine/train/settings.ts';
import type { StepReport } from '../../engine/train/trainer.ts';
import type { Progress, SessionEvent } from '../../engine/train/training-session.ts';

export const STEP_FLUSH_MS = 100;

/** 'auto': WebGPU where the browser has it, else the CPU backend (with the reason shown). */
export type BackendChoice = 'auto' | 'cpu' | 'webgpu';

export interface RunConfig {
  readonly doc: GraphDocument;
  readonly settings: ResolvedTrainingSettings;
  readonly backend: BackendChoice;
  /** Data the user loaded into the page, by the id of the node that feeds it (built-in datasets load in the worker). */
  readonly localData: Readonly<Record<string, GraphSourceData>>;
}

export interface BackendInfo {
  readonly name: 'cpu' | 'webgpu';
  /** One line for the user: which backend, on what. */
  readonly description: string;
  /** Why the CPU backend runs although WebGPU was asked for or auto-chosen. */
  readonly fallbackReason?: string;
}

/** What the worker's data looks like, for the page's views (sizes, what kind of task, images or points). */
export interface DataSummary {
  /** The primary source's node id. */
  readonly node: string;
  readonly trainSamples: number;
  readonly validationSamples: number;
  readonly testSamples: number;
  /** Per-sample feature shape. */
  readonly featureShape: readonly number[];
  readonly classes?: number;
  readonly classNames?: readonly string[];
  /** [C, H, W] when the features are images (drawn in grids), else absent. */
  readonly image?: readonly [number, number, number];
}

export type ProbeRequest =
  /** Class probabilities over a grid covering 2-D points (undefined result unless the data and loss fit). */
  | { readonly kind: 'decision-grid'; readonly resolution: number }
  /** The model's curve over 1-D regression data. */
  | { readonly kind: 'fitted-curve' }
  /** Up to `max` training points (2-D or 1-D data) to draw under/over the probe views. */
  | { readonly kind: 'points'; readonly max: number }
  /** Confusion matrix and per-class metrics of the first classification loss on a split. */
  | { readonly kind: 'confusion'; readonly split: 'train' | 'validation' | 'test' }
  /** The first `count` rows of a split, with the model's predicted and the true class. */
  | { readonly kind: 'predictions'; readonly split: 'train' | 'validation' | 'test'; readonly count: number }
  /** Histograms of every weight, of every node output over `rows` training rows, and the latest gradient norms. */
  | { readonly kind: 'histograms'; readonly rows: number; readonly bins: number }
  /** Every output of one node for one sample of a split. */
  | { readonly kind: 'node-output'; readonly node: string; readonly split: 'train' | 'validation' | 'test'; readonly sample: number };

export interface PointsResult {
  readonly features: HostTensor;
  readonly labels: HostTensor;
}

export interface ConfusionResult {
  readonly split: 'train' | 'validation' | 'test';
  readonly loss: string;
  readonly accuracy: number;
  readonly classification: ClassificationMetrics;
}

export interface PredictionsResult {
  readonly split: 'train' | 'validation' | 'test';
  /** The rows' features as the data has them ([count, …featureShape]). */
  readonly features: HostTensor;
  readonly predicted: Int32Array;
  readonly truth: Int32Array;
  /** The predicted class's probability per row. */
  readonly confidence: Float32Array;
}

export interface HistogramsResult {
  /** After this many updates of the first optimizer (the x axis of "over time"). */
  readonly step: number;
  readonly epoch: number;
  /** By state_dict name. */
  readonly weights: Readonly<Record<string, Histogram>>;
  /** By `node:port`. */
  readonly activations: Readonly<Record<string, Histogram>>;
  /** 2-norm of each weight's gradient at the latest update, by state_dict name. */
  readonly gradientNorms: Readonly<Record<string, number>>;
}

export interface NodeOutputResult {
  readonly node: string;
  readonly sample: number;
  readonly split: 'train' | 'validation' | 'test';
  /** By port name; each without the batch dimension (one sample). */
  readonly outputs: Readonly<Record<string, HostTensor>>;
  /** The sample's input features and label, to show beside the output. */
  readonly input: HostTensor;
  readonly label: HostTensor;
}

export type ProbeResult =
  | { readonly kind: 'decision-grid'; readonly grid: DecisionGrid | undefined }
  | { readonly kind: 'fitted-curve'; readonly curve: FittedCurve | undefined }
  | { readonly kind: 'points'; readonly points: PointsResult }
  | { readonly kind: 'confusion'; readonly confusion: ConfusionResult | undefined }
  | { readonly kind: 'predictions'; readonly predictions: PredictionsResult | undefined }
  | { readonly kind: 'histograms'; readonly histograms: HistogramsResult }
  | { readonly kind: 'node-output'; readonly output: NodeOutputResult };

/** A weight file checked against the model: `problems` lists every missing, unexpected or mis-shaped tensor. */
export interface LoadWeightsResult {
  readonly ok: boolean;
  readonly problems: readonly string[];
  readonly loaded: number;
}

export type ToWorker =
  /** Builds a fresh session for this graph, data and settings (replacing any earlier one). */
  | { readonly type: 'configure'; readonly config: RunConfig }
  | { readonly type: 'command'; readonly command: 'start' | 'pause' | 'step' | 'stop' | 'reset' }
  | { readonly type: 'probe'; readonly id: number; readonly request: ProbeRequest }
  /** Probes to run at the end of every epoch, in this session and the ones after it (empty: none), posted as 'recorded'. */
  | { readonly type: 'record'; readonly requests: readonly ProbeRequest[] }
  /** The current weights as safetensors bytes. */
  | { readonly type: 'save-weights'; readonly id: number }
  | { readonly type: 'load-weights'; readonly id: number; readonly bytes: Uint8Array };

export type FromWorker =
  /** The session exists: its backend and data. */
  | {
    readonly type: 'configured';
    readonly backend: BackendInfo;
    readonly data: DataSummary;
    /** Per optimizer whose loss adds up several loss nodes, those nodes (whose values come as StepReport.terms). */
    readonly sums: Readonly<Record<string, readonly string[]>>;
  }
  /** Configuring failed: the graph does not compile, data failed to load, … (`node` when one node is to blame). */
  | { readonly type: 'configure-failed'; readonly message: string; readonly node?: string }
  /** Session events, except steps. */
  | { readonly type: 'session'; readonly event: SessionEvent }
  /**
   * Step reports batched (a small model takes thousands of steps a second; one message each would flood the page),
   * flushed at least every STEP_FLUSH_MS and before any other session event; `progress` is the latest.
   */
  | { readonly type: 'steps'; readonly reports: readonly StepReport[]; readonly progress: Progress }
  | { readonly type: 'probe-result'; readonly id: number; readonly result: ProbeResult }
  /** The 'record' probes' answers at the end of one epoch, in the order they were asked. */
  | { readonly type: 'recorded'; readonly results: readonly ProbeResult[] }
  /** A 'record' probe failed; recording stops for this session and the run itself goes on. */
  | { readonly type: 'record-failed'; readonly message: string }
  | { readonly type: 'weights'; readonly id: number; readonly bytes: Uint8Array }
  | { readonly type: 'weights-loaded'; readonly id: number; readonly result: LoadWeightsResult }
  /** A probe or weights request failed; the run itself goes on. */
  | { readonly type: 'request-failed'; readonly id: number; readonly message: string };

export type { NonFiniteReport };
