/**
 * The failed run's message for one node (the NaN guard's, or a graph that could not train), for the canvas to pin
 * on that node. Outside a TrainingProvider (the editor benchmark, tests) there is no run and so no message.
 */
import { useContext, useSyncExternalStore } from 'react';
import { TrainingContext } from './training-context.tsx';
import type { RunError } from './training-store.ts';

const NO_STORE = { subscribe: () => () => {}, getState: () => undefined };

export function useRunError(node: string): RunError | undefined {
  const store = useContext(TrainingContext);
  const source = store ?? NO_STORE;
  return useSyncExternalStore(source.subscribe, () => {
    const error = source.getState()?.error;
    return error?.node === node ? error : undefined;
  });
}
