/** Provides the training store to the panel and its views (one per editor, like the editor's own stores). */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { TrainingState, TrainingStore } from './training-store.ts';

export const TrainingContext = createContext<TrainingStore | null>(null);

export function TrainingProvider({ store, children }: { store: TrainingStore; children: ReactNode }) {
  return <TrainingContext.Provider value={store}>{children}</TrainingContext.Provider>;
}

export function useTrainingApi(): TrainingStore {
  const store = useContext(TrainingContext);
  if (!store) throw new Error('training hooks must be used inside <TrainingProvider>');
  return store;
}

/** Subscribes to a slice of the training state; return stable values (state fields, not new objects). */
export function useTraining<T>(selector: (state: TrainingState) => T): T {
  return useStore(useTrainingApi(), selector);
}
