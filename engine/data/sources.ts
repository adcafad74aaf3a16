/**
 * Where each built-in dataset's samples come from: a seeded generator or files shipped in engine/data/files. One
 * entry per registry id (test/data/load-dataset.test.ts holds the two lists equal).
 */
import { blobs } from './generators/blobs.ts';
import { circles } from './generators/circles.ts';
import { copy } from './generators/copy.ts';
import type { Generator } from './generators/generator.ts';
import { moons } from './generators/moons.ts';
import { parity } from './generators/parity.ts';
import { sineForecast } from './generators/sine-forecast.ts';
import { sine } from './generators/sine.ts';
import { spirals } from './generators/spirals.ts';
import { xor } from './generators/xor.ts';
import { digitsLoader } from './shipped/digits.ts';
import { fashionMnistLoader } from './shipped/fashion-mnist.ts';
import { irisLoader } from './shipped/iris.ts';
import type { ShippedLoader } from './shipped/shipped-loader.ts';

export type DatasetSource =
  | { readonly kind: 'generated'; readonly generate: Generator }
  | { readonly kind: 'shipped'; readonly loader: ShippedLoader };

const generated = (generate: Generator): DatasetSource => ({ kind: 'generated', generate });
const shipped = (loader: ShippedLoader): DatasetSource => ({ kind: 'shipped', loader });

export const DATASET_SOURCES: ReadonlyMap<string, DatasetSource> = new Map([
  ['xor', generated(xor)],
  ['circles', generated(circles)],
  ['moons', generated(moons)],
  ['spirals', generated(spirals)],
  ['blobs', generated(blobs)],
  ['sine', generated(sine)],
  ['sine-forecast', generated(sineForecast)],
  ['parity', generated(parity)],
  ['copy', generated(copy)],
  ['digits', shipped(digitsLoader)],
  ['iris', shipped(irisLoader)],
  ['fashion-mnist', shipped(fashionMnistLoader)],
]);

/** The shipped files a dataset reads (none for generated ones), for hosts that fetch or bundle them. */
export function datasetFiles(id: string): readonly string[] {
  const source = DATASET_SOURCES.get(id);
  return source?.kind === 'shipped' ? source.loader.files : [];
}
