/**
 * The training drawer under the canvas (toolbar **Train**): the run panel on the left, and the views of the model
 * learning on the right, one tab each (views/registry.ts lists them).
 */
import { useState } from 'react';
import { RunPanel } from './RunPanel.tsx';
import { TRAINING_VIEWS } from './views/registry.ts';

export function TrainingPanel() {
  const [tab, setTab] = useState(TRAINING_VIEWS[0]!.id);
  const View = TRAINING_VIEWS.find((v) => v.id === tab)!.component;
  return (
    <section className="nl-train" data-testid="training-panel" aria-label="Training">
      <RunPanel />
      <div className="nl-train__views">
        <div className="nl-train__tabs" role="tablist" aria-label="Training views">
          {TRAINING_VIEWS.map((v) => (
            <button
              key={v.id} type="button" role="tab" className="nl-code__tab" aria-selected={v.id === tab} data-testid={`train-tab-${v.id}`}
              title={v.doc} onClick={() => setTab(v.id)}
            >
              {v.label}
            </button>
          ))}
        </div>
        <div className="nl-train__view" role="tabpanel">
          <View />
        </div>
      </div>
    </section>
  );
}
