/**
 * The image files of a class-per-folder dataset, as paths and bytes: from a picked folder (each File's
 * webkitRelativePath) or from a zip (fflate). Other files, hidden files and macOS's __MACOSX copies are left out.
 */
import { unzipSync } from 'fflate';
import { DataError } from '../../../engine/data/data-error.ts';

export interface ImageEntry {
  /** `class/file.png`, possibly under a common top folder. */
  readonly path: string;
  readonly bytes: () => Promise<Uint8Array>;
}

const IMAGE_FILE = /\.(png|jpe?g|gif|bmp|webp)$/i;

export function isImagePath(path: string): boolean {
  const parts = path.split('/');
  return IMAGE_FILE.test(path) && !parts.includes('__MACOSX') && !parts.some((p) => p.startsWith('.'));
}

export function imageEntriesFromZip(zip: Uint8Array, name: string): ImageEntry[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, { filter: (file) => isImagePath(file.name) });
  } catch (error) {
    throw new DataError(`not a readable zip file (${(error as Error).message})`, { file: name });
  }
  return Object.entries(files).map(([path, bytes]) => ({ path, bytes: () => Promise.resolve(bytes) }));
}

/** Files from `<input type=file webkitdirectory>`: their relative paths start with the picked folder's name. */
export function imageEntriesFromFolder(files: readonly File[]): ImageEntry[] {
  return files
    .map((file) => ({ file, path: file.webkitRelativePath || file.name }))
    .filter(({ path }) => isImagePath(path))
    .map(({ file, path }) => ({ path, bytes: async () => new Uint8Array(await file.arrayBuffer()) }));
}
