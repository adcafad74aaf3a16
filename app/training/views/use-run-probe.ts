/**
 * A probe asked once per run, for what does not change while the model learns (the training points under the
 * decision boundary): unlike useProbe, it does not ask again after every epoch.
 */
import { useEffect, useState } from 'react';
import type { ProbeRequest, ProbeResult } from '../protocol.ts';
import { useTraining, useTrainingApi } from '../training-context.tsx';
import type { ProbeState } from '../use-probe.ts';

/** @param request compared by its JSON; undefined asks nothing. */
export function useRunProbe<R extends ProbeRequest>(request: R | undefined): ProbeState<R['kind']> {
  const api = useTrainingApi();
  const runId = useTraining((s) => s.runs.at(-1)?.id);
  const [state, setState] = useState<ProbeState<R['kind']>>({ result: undefined, error: undefined });
  const key = request ? JSON.stringify(request) : undefined;

  useEffect(() => {
    if (!key || runId === undefined) return;
    let cancelled = false;
    api.getState().probe(JSON.parse(key) as ProbeRequest).then(
      (result) => !cancelled && setState({ result: result as Extract<ProbeResult, { kind: R['kind'] }>, error: undefined }),
      (error: Error) => !cancelled && setState({ result: undefined, error: error.message }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, key, runId]);

  return state;
}
