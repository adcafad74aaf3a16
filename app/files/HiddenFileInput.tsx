/**
 * A hidden file input that hands over the files picked and then clears itself, so picking the same file again
 * (after fixing it on disk) fires again. Opened by a button's `ref.current.click()` or by wrapping it in a label.
 */
import type { Ref } from 'react';

interface HiddenFileInputProps {
  readonly testId: string;
  readonly accept?: string;
  readonly multiple?: boolean;
  /** Pick a folder (every file under it) instead of files. */
  readonly directory?: boolean;
  readonly inputRef?: Ref<HTMLInputElement>;
  onFiles(files: File[]): void;
}

export function HiddenFileInput({ testId, accept, multiple, directory, inputRef, onFiles }: HiddenFileInputProps) {
  return (
    <input
      ref={inputRef} type="file" hidden data-testid={testId} accept={accept} multiple={multiple}
      // Not in React's typings, and only meaningful as an empty attribute.
      {...(directory ? { webkitdirectory: '' } : {})}
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = '';
        onFiles(files);
      }}
    />
  );
}
