/**
 * The result of an async load that depends on `key`: pending while it runs, then its value or its error's message.
 * A newer key supersedes an older one still running (its result is dropped), so fast clicking shows the last choice.
 */
import { useEffect, useState } from 'react';

export type AsyncState<T> =
  | { readonly status: 'idle' }
  | { readonly status: 'pending' }
  | { readonly status: 'done'; readonly value: T }
  | { readonly status: 'failed'; readonly message: string };

export function useAsync<T>(key: string | undefined, load: () => Promise<T>): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'idle' });
  useEffect(() => {
    if (key === undefined) {
      setState({ status: 'idle' });
      return;
    }
    let current = true;
    setState({ status: 'pending' });
    load().then(
      (value) => { if (current) setState({ status: 'done', value }); },
      (error: unknown) => { if (current) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }); },
    );
    return () => { current = false; };
    // `load` is a fresh closure each render; the key says when it loads something else.
  }, [key]);
  return state;
}
