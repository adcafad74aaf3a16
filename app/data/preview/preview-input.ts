/** What a data preview draws, and which view suits it: points for 2-D data or a 1-D curve, images, else rows. */
import type { HostTensor } from '../../../engine/backends/backend.ts';
import type { Task } from '../../../engine/data/registry.ts';

export interface PreviewInput {
  /** [N, …]; flat images come with `image`. */
  readonly features: HostTensor;
  /** Class indices [N] or values [N, k]. */
  readonly labels: HostTensor;
  readonly task: Task;
  readonly classNames?: readonly string[];
  /** [C, H, W] of flat image features. */
  readonly image?: readonly [number, number, number];
}

export type PreviewView =
  | { readonly kind: 'points' }
  | { readonly kind: 'images'; readonly image: readonly [number, number, number] }
  | { readonly kind: 'rows' };

export function previewView(input: PreviewInput): PreviewView {
  const sample = input.features.shape.slice(1);
  if (input.image) return { kind: 'images', image: input.image };
  if (sample.length === 3 && (sample[0] === 1 || sample[0] === 3)) return { kind: 'images', image: sample as [number, number, number] };
  // 2-D points coloured by their label, or x against a single regression target.
  const oneTarget = input.task === 'regression' && input.labels.shape.length === 2 && input.labels.shape[1] === 1;
  if (sample.length === 1 && (sample[0] === 2 || (sample[0] === 1 && oneTarget))) return { kind: 'points' };
  return { kind: 'rows' };
}

/** `[N, 1, 28, 28]`: the shape a graph sees, batch symbolic. */
export const batchShape = (tensor: HostTensor): string => `[${['N', ...tensor.shape.slice(1)].join(', ')}]`;

/** A colour per class that reads on light and dark backgrounds (Tableau 10). */
export const CLASS_COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'] as const;
export const classColour = (label: number): string => CLASS_COLOURS[label % CLASS_COLOURS.length]!;
