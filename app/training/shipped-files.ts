/**
 * The browser's reader of the dataset files shipped in engine/data/files (the Node one is engine/data/node-files.ts):
 * Vite turns each file into a hashed asset URL in the build, and `readFile` fetches it from the app's own origin.
 * The page (dataset previews) and the training worker both use it.
 */
import { DataError } from '../../engine/data/data-error.ts';
import type { ReadDatasetFile } from '../../engine/data/loaded-dataset.ts';

const URLS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(import.meta.glob('../../engine/data/files/*.{gz,csv}', { query: '?url', import: 'default', eager: true }) as Record<string, string>)
    .map(([path, url]) => [path.slice(path.lastIndexOf('/') + 1), url]),
);

export const readShippedFile: ReadDatasetFile = async (name) => {
  const url = URLS[name];
  if (!url) throw new DataError('not one of the shipped dataset files', { file: name });
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new DataError(`cannot fetch the shipped file (${(error as Error).message})`, { file: name });
  }
  if (!response.ok) throw new DataError(`cannot fetch the shipped file (HTTP ${response.status})`, { file: name });
  return new Uint8Array(await response.arrayBuffer());
};
