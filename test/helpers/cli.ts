/** Runs the `netloom` command as a real child process, through the same bin/netloom.js that `npx netloom` runs. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const repositoryRoot = join(import.meta.dirname, '../..');

export function netloom(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(repositoryRoot, 'bin/netloom.js'), ...args], { cwd: repositoryRoot, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}
