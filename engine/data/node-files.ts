/**
 * Node only (imports node:fs): reads the dataset files shipped in engine/data/files, for the command line and the
 * tests. The engine itself never imports this file, so it still runs in the browser, where the host passes a
 * fetch-based reader to loadDataset instead.
 */
import { readFile } from 'node:fs/promises';
import { DataError } from './data-error.ts';
import type { ReadDatasetFile } from './loaded-dataset.ts';

const FILES = new URL('./files/', import.meta.url);

/** A reader of the shipped files for loadDataset's `readFile`. */
export function nodeFileReader(): ReadDatasetFile {
  return async (name) => {
    // Plain file names only: nothing outside engine/data/files can be reached through this reader.
    if (!/^[\w-][\w.-]*$/.test(name)) throw new DataError('not the name of a shipped dataset file', { file: name });
    try {
      return new Uint8Array(await readFile(new URL(name, FILES)));
    } catch (error) {
      throw new DataError(`cannot read the shipped file (${(error as Error).message})`, { file: name });
    }
  };
}
