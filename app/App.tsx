/** The editor's layout: palette | canvas (with the summary above it) | inspector and problems. */
import { ReactFlowProvider } from '@xyflow/react';
import { GraphCanvas } from './canvas/GraphCanvas.tsx';
import { Inspector } from './panels/Inspector.tsx';
import { Palette } from './panels/Palette.tsx';
import { ProblemsPanel } from './panels/ProblemsPanel.tsx';
import { Summary } from './panels/Summary.tsx';
import { EditorProvider, useEditor } from './state/editor-context.tsx';
import type { EditorStore } from './state/editor-store.ts';

function Header() {
  const name = useEditor((s) => s.doc.name);
  return (
    <header className="nl-header">
      <h1 className="nl-header__brand">netloom</h1>
      <span className="nl-header__doc" data-testid="graph-name">{name ?? 'Untitled graph'}</span>
      <Summary />
    </header>
  );
}

export function App({ store }: { store: EditorStore }) {
  return (
    <EditorProvider store={store}>
      {/* One React Flow provider around everything, so panels can centre and place nodes in the canvas's view. */}
      <ReactFlowProvider>
        <div className="nl-app">
          <Header />
          <Palette />
          <main className="nl-main">
            <GraphCanvas />
          </main>
          <aside className="nl-side">
            <Inspector />
            <ProblemsPanel />
          </aside>
        </div>
      </ReactFlowProvider>
    </EditorProvider>
  );
}
