/**
 * The training worker: a thin shell around TrainingHost (training-host.ts), so training never blocks the page.
 * The page creates it with `new Worker(new URL('./training-worker.ts', import.meta.url), { type: 'module' })`.
 */
import type { ToWorker } from './protocol.ts';
import { readShippedFile } from './shipped-files.ts';
import { TrainingHost } from './training-host.ts';

const scope = self as unknown as { postMessage(message: unknown, transfer?: Transferable[]): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };

const host = new TrainingHost((message, transfer) => scope.postMessage(message, transfer ?? []), { readFile: readShippedFile });

scope.onmessage = (event) => {
  void host.handle(event.data);
};
