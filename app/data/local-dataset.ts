/**
 * Data the user loaded in the page, ready for training, and how it maps to the params of a "Your data" node
 * (nodes/data/local-data.ts): the node describes the data's shapes so the graph analyses with no data present.
 */
import type { ParamsOf } from '../../engine/compile/params.ts';
import type { Task } from '../../engine/data/registry.ts';
import type { GraphNode } from '../../engine/graph/types.ts';
import type { SourceData } from '../../engine/train/data-streams.ts';
import type { localData } from '../../nodes/data/local-data.ts';

export interface LocalDataset {
  /** The file or folder it came from; the node shows it. */
  readonly name: string;
  /** One line for the user: what was read, e.g. `150 rows of iris.csv, 4 feature columns`. */
  readonly description: string;
  readonly task: Task;
  /** Features f32 [N, …]; labels i32 class indices [N] or f32 values [N, k]. */
  readonly data: SourceData;
  /** Classification: class i is named classNames[i] where the data names its classes. */
  readonly classNames?: readonly string[];
}

export type LocalDataParams = ParamsOf<typeof localData.params>;

/** How many classes class-index labels span: the named classes, or the largest label + 1. */
export function classesOf(labels: readonly ArrayLike<number>[], classNames?: readonly string[]): number {
  if (classNames) return classNames.length;
  let classes = 0;
  for (const array of labels) for (let i = 0; i < array.length; i++) classes = Math.max(classes, array[i]! + 1);
  return classes;
}

/** Classes the node must declare for this data (at least 2, as the node asks). */
export function classCount(dataset: LocalDataset): number {
  const splits = [dataset.data.train, ...(dataset.data.test ? [dataset.data.test] : [])];
  return Math.max(2, classesOf(splits.map((s) => s.labels.data), dataset.classNames));
}

/** The "Your data" params that describe this data exactly. */
export function localDataParams(dataset: LocalDataset): GraphNode['params'] {
  const features = dataset.data.train.features.shape.slice(1);
  return dataset.task === 'classification'
    ? { name: dataset.name, features, task: 'classification', classes: classCount(dataset) }
    : { name: dataset.name, features, task: 'regression', targets: dataset.data.train.labels.shape[1] ?? 1 };
}

const formatDims = (dims: readonly (number | string)[]): string => `[${dims.join(', ')}]`;

/** Why a node's params no longer describe this data (the user edited them, or loaded other data), or undefined. */
export function describeMismatch(params: LocalDataParams, dataset: LocalDataset): string | undefined {
  const features = dataset.data.train.features.shape.slice(1);
  if (formatDims(params.features) !== formatDims(features)) {
    return `the node says features ${formatDims(params.features)} per sample, but ${dataset.name} has ${formatDims(features)}`;
  }
  if (params.task !== dataset.task) return `the node says ${params.task}, but ${dataset.name} was loaded for ${dataset.task}`;
  if (dataset.task === 'classification') {
    const needed = classCount(dataset);
    if (params.classes < needed) return `the node says ${params.classes} classes, but ${dataset.name} has ${needed}`;
    return undefined;
  }
  const targets = dataset.data.train.labels.shape[1] ?? 1;
  return params.targets === targets ? undefined : `the node says ${params.targets} target values per sample, but ${dataset.name} has ${targets}`;
}
