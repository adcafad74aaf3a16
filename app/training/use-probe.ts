/**
 * Asks the worker for a probe (protocol.ts) and keeps the answer current: again after every epoch and status change
 * (the store's `revision`), and while training runs every `liveMs` — never more than one request in flight, so a
 * slow probe (a big decision grid) lowers its own rate instead of queueing up behind the training steps.
 */
import { useEffect, useState } from 'react';
import type { ProbeRequest, ProbeResult } from './protocol.ts';
import { useTraining, useTrainingApi } from './training-context.tsx';

export interface ProbeState<K extends ProbeResult['kind']> {
  readonly result: Extract<ProbeResult, { kind: K }> | undefined;
  readonly error: string | undefined;
}

/**
 * @param request what to ask; undefined asks nothing (a view that is not shown). Compared by its JSON, so an
 *   inline object literal is fine.
 * @param liveMs refresh period while training runs; 0 refreshes only on epochs and status changes.
 */
export function useProbe<R extends ProbeRequest>(request: R | undefined, liveMs = 0): ProbeState<R['kind']> {
  const api = useTrainingApi();
  const revision = useTraining((s) => s.revision);
  const running = useTraining((s) => s.status === 'running');
  const [state, setState] = useState<ProbeState<R['kind']>>({ result: undefined, error: undefined });
  const key = request ? JSON.stringify(request) : undefined;

  useEffect(() => {
    if (!key) return;
    let cancelled = false;
    // Per effect: a request of an earlier effect may still be out; its answer is dropped, this one asks anew.
    let inFlight = false, wanted = false;
    const ask = (): void => {
      if (inFlight) {
        wanted = true;
        return;
      }
      inFlight = true;
      api.getState().probe(JSON.parse(key) as ProbeRequest).then(
        (result) => !cancelled && setState({ result: result as Extract<ProbeResult, { kind: R['kind'] }>, error: undefined }),
        (error: Error) => !cancelled && setState((s) => ({ result: s.result, error: error.message })),
      ).finally(() => {
        inFlight = false;
        if (wanted && !cancelled) {
          wanted = false;
          ask();
        }
      });
    };
    ask();
    const timer = running && liveMs > 0 ? setInterval(ask, liveMs) : undefined;
    return () => {
      cancelled = true;
      if (timer) clearInterval(timer);
    };
  }, [api, key, revision, running, liveMs]);

  return state;
}
