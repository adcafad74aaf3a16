/**
 * "Stored in this browser": every dataset the user loaded and the browser still keeps (they outlive their nodes, as a
 * saved graph file or an undo may need them again), with its size and the current graph's nodes that use it, and a
 * Remove button. Removing data a node uses first asks, naming the nodes left without data; the graph is not changed.
 * Below, the browser's estimate of this site's storage where the browser has one.
 */
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { formatBytes, formatCount } from '../format.ts';
import { useEditor } from '../state/editor-context.tsx';
import { localDataStore } from './local-data-store.ts';
import { storedDatasetRows, type StoredDatasetRow } from './stored-data-list.ts';
import { useAsync } from './use-async.ts';

const listNodes = (ids: readonly string[]): string => `${ids.length === 1 ? 'node' : 'nodes'} ${ids.join(', ')}`;

async function readEstimate(): Promise<StorageEstimate | undefined> {
  return typeof navigator.storage?.estimate === 'function' ? navigator.storage.estimate() : undefined;
}

/** `refresh` changes when what is stored did, to estimate again. A browser without the API, or one that fails, shows nothing. */
function StorageUse({ refresh }: { refresh: string }) {
  const estimate = useAsync(refresh, readEstimate);
  if (estimate.status !== 'done' || estimate.value?.usage === undefined || estimate.value.quota === undefined) return null;
  return (
    <p className="nl-data-status" data-testid="stored-data-estimate">
      This site uses {formatBytes(estimate.value.usage)} of the {formatBytes(estimate.value.quota)} this browser allows it (the browser’s estimate).
    </p>
  );
}

interface RowProps {
  readonly row: StoredDatasetRow;
  readonly removing: boolean;
  readonly problem: string | undefined;
  onRemove(): void;
}

function StoredDataset({ row, removing, problem, onRemove }: RowProps) {
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="nl-stored" data-testid={`stored-dataset-${row.key}`}>
      <div className="nl-stored__head">
        <strong data-testid="stored-data-name">{row.name}</strong>
        <span data-testid="stored-data-size" data-bytes={row.bytes}>{formatBytes(row.bytes)}</span>
      </div>
      <span className="nl-data-status" data-testid="stored-data-facts">
        {row.task}, {formatCount(row.samples)} samples, features [{row.features.join(', ')}] per sample
      </span>
      <span className="nl-data-status" data-testid="stored-data-users">
        {row.users.length > 0 ? `used by ${listNodes(row.users)}` : 'not used by this graph'}
      </span>
      {confirming ? (
        <div className="nl-stored__confirm" data-testid="stored-data-confirm">
          <span>Remove {row.name}? Then {listNodes(row.orphans)} will have no data to train on (the graph keeps {row.orphans.length === 1 ? 'it' : 'them'}).</span>
          <button type="button" className="nl-button nl-button--danger" data-testid="stored-data-confirm-remove" onClick={() => { setConfirming(false); onRemove(); }}>
            Remove
          </button>
          <button type="button" className="nl-button" data-testid="stored-data-confirm-cancel" onClick={() => setConfirming(false)}>Keep</button>
        </div>
      ) : (
        <button
          type="button" className="nl-button nl-button--danger" data-testid="stored-data-remove" disabled={removing}
          // Data only this browser holds may be the last copy a node has: ask first. Data nobody here uses goes at once.
          onClick={() => (row.orphans.length > 0 ? setConfirming(true) : onRemove())}
        >
          {removing ? 'Removing…' : 'Remove'}
        </button>
      )}
      {problem !== undefined && <p className="nl-data-error" role="alert" data-testid="stored-data-error">Not removed: {problem}</p>}
    </li>
  );
}

export function StoredDataTab() {
  const store = localDataStore();
  const datasets = useStore(store, (s) => s.datasets);
  const loading = useStore(store, (s) => s.status === 'loading');
  const doc = useEditor((s) => s.doc);
  const rows = useMemo(() => storedDatasetRows(doc, datasets), [doc, datasets]);
  const [removing, setRemoving] = useState<ReadonlySet<string>>(new Set());
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());

  const remove = async (key: string) => {
    setRemoving((keys) => new Set(keys).add(key));
    setProblems((all) => { const next = new Map(all); next.delete(key); return next; });
    const problem = await store.getState().forget(key);
    setRemoving((keys) => { const next = new Set(keys); next.delete(key); return next; });
    if (problem !== undefined) setProblems((all) => new Map(all).set(key, problem));
  };

  return (
    <div className="nl-data-local">
      <p className="nl-data-detail__doc">
        Data you loaded stays in this browser until you remove it here, also after its node is deleted: a saved graph file or an undo may need it again.
      </p>
      {loading && <p className="nl-data-status">Reading what this browser keeps…</p>}
      {!loading && rows.length === 0 && <p className="nl-data-status" data-testid="stored-data-empty">This browser keeps no data of yours.</p>}
      {/* Not before the stored data is read: a removal then would come back with what the read returns. */}
      {!loading && rows.length > 0 && (
        <ul className="nl-stored-list" aria-label="Data stored in this browser" data-testid="stored-data-list">
          {rows.map((row) => (
            <StoredDataset key={row.key} row={row} removing={removing.has(row.key)} problem={problems.get(row.key)} onRemove={() => void remove(row.key)} />
          ))}
        </ul>
      )}
      <StorageUse refresh={String(datasets.size)} />
    </div>
  );
}
