/**
 * Tensor files on disk for the command line: safetensors weights and .npy arrays. Writes go to a temporary file
 * that is renamed into place, so a failed or interrupted write never leaves a half-written file under the name.
 */
import { readFile } from 'node:fs/promises';
import type { HostTensor } from '../backends/backend.ts';
import { readNpy, writeNpy } from '../io/npy.ts';
import { readSafetensors, writeSafetensors } from '../io/safetensors.ts';
import { TensorFileError } from '../io/tensor-file-error.ts';
import { fileErrorReason } from './read-graph-file.ts';
import { writeAtomically } from './write-atomically.ts';

async function readBytes(path: string, format: 'safetensors' | 'npy'): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new TensorFileError(format, path, `cannot read the file: ${fileErrorReason(error)}`);
  }
}


export async function loadTensors(path: string): Promise<Map<string, HostTensor>> {
  return readSafetensors(await readBytes(path, 'safetensors'), path).tensors;
}

export async function saveTensors(path: string, tensors: ReadonlyMap<string, HostTensor>): Promise<void> {
  await writeAtomically(path, writeSafetensors(tensors, [['format', 'pt']]));
}

export async function loadNpy(path: string): Promise<HostTensor> {
  return readNpy(await readBytes(path, 'npy'), path);
}

export async function saveNpy(path: string, tensor: HostTensor): Promise<void> {
  await writeAtomically(path, writeNpy(tensor));
}
