/**
 * The built-in datasets (engine/data/registry.ts) with their docs; the selected one is loaded in the page (as the
 * training worker will) for its preview and shapes. "Use this dataset" points the target Dataset node at it.
 */
import { useState } from 'react';
import { loadDataset } from '../../engine/data/load-dataset.ts';
import { DATASETS, findDataset } from '../../engine/data/registry.ts';
import { readShippedFile } from '../training/shipped-files.ts';
import { DataPreview } from './preview/DataPreview.tsx';
import { useAsync } from './use-async.ts';

export type Layout = 'flat' | 'image';

export interface BuiltInChoice {
  readonly dataset: string;
  readonly layout: Layout;
}

export function BuiltInTab({ initial, onUse }: { initial: BuiltInChoice; onUse(choice: BuiltInChoice): void }) {
  const [id, setId] = useState(initial.dataset);
  const [chosenLayout, setLayout] = useState<Layout>(initial.layout);
  const info = findDataset(id) ?? DATASETS[0]!;
  // Only image datasets have a layout to choose.
  const layout: Layout = info.image ? chosenLayout : 'flat';
  const loaded = useAsync(`${info.id}:${layout}`, () => loadDataset(info.id, { readFile: readShippedFile, layout }));

  return (
    <div className="nl-data-tab">
      <ul className="nl-data-list" aria-label="Built-in datasets">
        {DATASETS.map((d) => (
          <li key={d.id}>
            <button type="button" className="nl-data-list__item" aria-pressed={d.id === info.id} data-testid={`data-builtin-${d.id}`} onClick={() => setId(d.id)}>
              <strong>{d.label}</strong>
              <span>{d.doc}</span>
            </button>
          </li>
        ))}
      </ul>
      <section className="nl-data-detail" aria-label={info.label}>
        <h3>{info.label}</h3>
        <p className="nl-data-detail__doc">{info.doc}</p>
        {info.image && (
          <label className="nl-data-option">
            <span>layout</span>
            <select data-testid="data-layout" value={layout} onChange={(e) => setLayout(e.target.value as Layout)}>
              <option value="flat">flat, [N, {info.features.shape.join(', ')}] (for Linear layers)</option>
              <option value="image">images, [N, {info.image.join(', ')}] (for convolutions)</option>
            </select>
          </label>
        )}
        {loaded.status === 'pending' && <p className="nl-data-status">Loading {info.label}…</p>}
        {loaded.status === 'failed' && <p className="nl-data-error" role="alert" data-testid="data-error">{loaded.message}</p>}
        {loaded.status === 'done' && (
          <DataPreview
            input={{ ...loaded.value.train, task: info.task, ...(loaded.value.classNames ? { classNames: loaded.value.classNames } : {}) }}
            {...(loaded.value.test ? { description: `and ${loaded.value.test.features.shape[0]} test samples` } : {})}
          />
        )}
        <button type="button" className="nl-button nl-button--primary" data-testid="data-use" onClick={() => onUse({ dataset: info.id, layout })}>
          Use this dataset
        </button>
      </section>
    </div>
  );
}
