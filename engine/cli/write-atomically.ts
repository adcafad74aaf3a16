/**
 * Writes a file so that it is never seen half-written: into a temporary file beside it, then renamed over the name
 * (a rename within a folder replaces the file whole). On failure the temporary file is removed and nothing changes.
 */
import { rename, rm, writeFile } from 'node:fs/promises';

export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.partial`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
