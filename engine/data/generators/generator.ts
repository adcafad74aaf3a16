/** The contract of a dataset generator: a seeded random stream and a sample count in, one split out. */
import type { SeededRandom } from '../../train/seeded-random.ts';
import type { DatasetSplit } from '../loaded-dataset.ts';

/** Must draw every random number from `random`, so that a seed fixes the data exactly. */
export type Generator = (random: SeededRandom, samples: number) => DatasetSplit;
