/**
 * The user's own data: pick files (a CSV, two .npy or IDX files, a zip of images) or a folder of images, adjust the
 * choices each format leaves open, see the preview and shapes, then "Use this data". Everything is read in the page
 * and stays on this machine; a malformed file shows the loader's message and changes nothing.
 */
import { useState } from 'react';
import { DataError } from '../../engine/data/data-error.ts';
import { CsvColumns } from './CsvColumns.tsx';
import { decodeWithBrowser } from './loaders/browser-image-decoder.ts';
import { loadPicked, pickFiles, pickFolder, type Picked } from './loaders/picked-data.ts';
import type { LocalDataset } from './local-dataset.ts';
import { DataPreview } from './preview/DataPreview.tsx';
import { TaskSelect } from './TaskSelect.tsx';
import { useAsync } from './use-async.ts';
import { HiddenFileInput } from '../files/HiddenFileInput.tsx';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The open choices of a pick, except a CSV's (CsvColumns has those). */
function PickOptions({ picked, onChange }: { picked: Picked; onChange(p: Picked): void }) {
  if (picked.kind === 'npy' || picked.kind === 'idx') {
    return (
      <div className="nl-data-options">
        <label className="nl-data-option">
          <span>labels file</span>
          <select data-testid="data-labels-file" value={picked.labels} onChange={(e) => onChange({ ...picked, labels: Number(e.target.value) as 0 | 1 })}>
            {picked.files.map((f, i) => <option key={i} value={i}>{f.name}</option>)}
          </select>
        </label>
        {picked.kind === 'npy' && <TaskSelect testId="data-task" task={picked.task} onChange={(task) => onChange({ ...picked, task })} />}
      </div>
    );
  }
  if (picked.kind === 'images') {
    return (
      <div className="nl-data-options">
        <label className="nl-data-option">
          <span>resize to (pixels)</span>
          <input
            type="number" min={1} max={256} data-testid="data-image-size" defaultValue={picked.size}
            onBlur={(e) => {
              const size = Number(e.target.value);
              if (Number.isInteger(size) && size >= 1 && size <= 256 && size !== picked.size) onChange({ ...picked, size });
            }}
          />
        </label>
        <label className="nl-data-option">
          <span>colour</span>
          <select data-testid="data-image-channels" value={picked.channels} onChange={(e) => onChange({ ...picked, channels: Number(e.target.value) as 1 | 3 })}>
            <option value={1}>greyscale, 1 channel</option>
            <option value={3}>RGB, 3 channels</option>
          </select>
        </label>
        <span className="nl-data-status">{picked.entries.length} images in {picked.source}</span>
      </div>
    );
  }
  return null;
}

export function LocalDataTab({ onUse }: { onUse(dataset: LocalDataset): void }) {
  const [picked, setPicked] = useState<Picked>();
  const [pickError, setPickError] = useState<string>();
  // Each change of the pick or its choices loads again; the version tells useAsync so.
  const [version, setVersion] = useState(0);
  const change = (next: Picked) => {
    setPicked(next);
    setPickError(undefined);
    setVersion((v) => v + 1);
  };
  const pick = (read: () => Promise<Picked> | Picked) => {
    Promise.resolve().then(read).then(change, (error: unknown) => {
      setPicked(undefined);
      setPickError(messageOf(error));
    });
  };
  const loaded = useAsync(picked ? String(version) : undefined, () => loadPicked(picked!, decodeWithBrowser));
  const error = pickError ?? (loaded.status === 'failed' ? loaded.message : undefined);

  return (
    <div className="nl-data-local">
      <p className="nl-data-detail__doc">
        Your files are read in this page and stay on this machine. A CSV file; two <code>.npy</code> files (features and labels); two IDX
        files (MNIST format, gzipped or not); or images with one sub-folder per class, as a folder or a <code>.zip</code>.
      </p>
      <div className="nl-data-options">
        <label className="nl-button">
          Choose files…
          <HiddenFileInput
            testId="data-file-input" multiple accept=".csv,.tsv,.txt,.npy,.zip,.gz,.idx,application/zip,text/csv"
            onFiles={(files) => pick(() => pickFiles(files))}
          />
        </label>
        <label className="nl-button">
          Choose an image folder…
          <HiddenFileInput
            testId="data-folder-input" directory
            onFiles={(files) => pick(() => {
              if (files.length === 0) throw new DataError('the folder is empty');
              return pickFolder(files);
            })}
          />
        </label>
      </div>
      {picked?.kind === 'csv' && <CsvColumns table={picked.table} choice={picked.choice} onChange={(choice) => change({ ...picked, choice })} />}
      {picked && <PickOptions key={version} picked={picked} onChange={change} />}
      {error !== undefined && <p className="nl-data-error" role="alert" data-testid="data-error">{error}</p>}
      {loaded.status === 'pending' && <p className="nl-data-status">Reading {picked?.kind === 'images' ? `${picked.entries.length} images` : 'the data'}…</p>}
      {pickError === undefined && loaded.status === 'done' && (
        <>
          <DataPreview
            input={{ ...loaded.value.data.train, task: loaded.value.task, ...(loaded.value.classNames ? { classNames: loaded.value.classNames } : {}) }}
            description={loaded.value.description}
          />
          <button type="button" className="nl-button nl-button--primary" data-testid="data-use" onClick={() => onUse(loaded.value)}>
            Use this data
          </button>
        </>
      )}
    </div>
  );
}
