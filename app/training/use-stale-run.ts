/**
 * Whether the document changed, in what training depends on (training-key.ts), since the worker's session was built
 * from it. The session is kept on purpose — the views and the weight downloads still show the model as trained, so
 * a click on a node after an edit does not throw the training away — and the run panel says so, since the next
 * Train starts a new run from the edited graph instead of continuing.
 */
import { useMemo } from 'react';
import { useEditor } from '../state/editor-context.tsx';
import { useTraining } from './training-context.tsx';
import { trainingKey } from './training-key.ts';

export function useStaleRun(): boolean {
  const sessionKey = useTraining((s) => s.sessionKey);
  const doc = useEditor((s) => s.doc);
  // The key is only worth computing while there is a session to compare with.
  return useMemo(() => sessionKey !== undefined && trainingKey(doc) !== sessionKey, [doc, sessionKey]);
}
