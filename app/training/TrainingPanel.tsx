/**
 * The training drawer under the canvas (toolbar **Train**): the run panel on the left, and the views of the model
 * learning on the right, one tab each (views/registry.ts lists them).
 */
import { useEffect, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { RunPanel } from './RunPanel.tsx';
import { TRAINING_VIEWS } from './views/registry.ts';

export function TrainingPanel() {
  const flow = useReactFlow();
  // The drawer takes half of the canvas's height: fit the graph into what is left once the canvas has resized.
  useEffect(() => {
    const frame = requestAnimationFrame(() => requestAnimationFrame(() => void flow.fitView({ duration: 200 })));
    return () => cancelAnimationFrame(frame);
  }, [flow]);
  const [tab, setTab] = useState(TRAINING_VIEWS[0]!.id);
  const [opened, setOpened] = useState<ReadonlySet<string>>(() => new Set([tab]));
  const show = (id: string): void => {
    setTab(id);
    setOpened((s) => (s.has(id) ? s : new Set([...s, id])));
  };
  return (
    <section className="nl-train" data-testid="training-panel" aria-label="Training">
      <RunPanel />
      <div className="nl-train__views">
        <div className="nl-train__tabs" role="tablist" aria-label="Training views">
          {TRAINING_VIEWS.map((v) => (
            <button
              key={v.id} type="button" role="tab" className="nl-code__tab" aria-selected={v.id === tab} data-testid={`train-tab-${v.id}`}
              title={v.doc} onClick={() => show(v.id)}
            >
              {v.label}
            </button>
          ))}
        </div>
        {TRAINING_VIEWS.filter((v) => v.id === tab || (v.keepMounted && opened.has(v.id))).map((v) => (
          <div key={v.id} className="nl-train__view" role="tabpanel" hidden={v.id !== tab}>
            <v.component />
          </div>
        ))}
      </div>
    </section>
  );
}
