/** How the tensor file readers and writers (safetensors, .npy) report a file they cannot read or a tensor they cannot write. */

export type TensorFileFormat = 'safetensors' | 'npy';

/**
 * Thrown for malformed or unsupported tensor files and for tensors that cannot be written. The message starts with
 * the file's name (or the format when no name was given), so it can be shown to the user as it is.
 */
export class TensorFileError extends Error {
  override readonly name = 'TensorFileError';

  constructor(readonly format: TensorFileFormat, readonly file: string, readonly detail: string) {
    super(`${file}: ${detail}`);
  }
}
