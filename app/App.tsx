/** The editor's layout: header | palette, canvas (with the summary table below it when open), inspector and problems. */
import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense } from 'react';
import { GraphCanvas } from './canvas/GraphCanvas.tsx';
import { useEditorActions } from './commands/use-editor-actions.ts';
import { useShortcuts } from './commands/use-shortcuts.ts';
import { Dialogs } from './dialogs/Dialogs.tsx';
import { Inspector } from './panels/Inspector.tsx';
import { Palette } from './panels/Palette.tsx';
import { ProblemsPanel } from './panels/ProblemsPanel.tsx';
import { SummaryTable } from './panels/SummaryTable.tsx';
import type { Autosave } from './persistence/autosave.ts';
import { EditorProvider, useUi } from './state/editor-context.tsx';
import type { EditorStore } from './state/editor-store.ts';
import type { UiStore } from './state/ui-store.ts';
import { TrainingProvider } from './training/training-context.tsx';
import type { TrainingStore } from './training/training-store.ts';
import { TrainingPanel } from './training/TrainingPanel.tsx';
import { useTheme } from './theme/use-theme.ts';
import { Toolbar } from './Toolbar.tsx';

// Monaco comes with the code panel, in its own chunk, loaded the first time the panel opens.
const CodePanel = lazy(() => import('./code/CodePanel.tsx'));

function Editor() {
  const actions = useEditorActions();
  const dialogOpen = useUi((s) => s.dialog.type !== 'none');
  const summaryOpen = useUi((s) => s.summaryOpen);
  const codeOpen = useUi((s) => s.codeOpen);
  const trainOpen = useUi((s) => s.trainOpen);
  const theme = useTheme();
  useShortcuts(actions, dialogOpen);
  return (
    <div className="nl-app">
      <Toolbar actions={actions} theme={theme.preference} setTheme={theme.setPreference} />
      <Palette />
      <main className={`nl-main${summaryOpen ? ' nl-main--summary' : ''}${codeOpen ? ' nl-main--code' : ''}${trainOpen ? ' nl-main--train' : ''}`}>
        <GraphCanvas colorMode={theme.resolved} />
        {summaryOpen && <SummaryTable />}
        {trainOpen && <TrainingPanel />}
        {codeOpen && (
          <Suspense fallback={<section className="nl-code" data-testid="code-loading">Loading the code editor…</section>}>
            <CodePanel colorMode={theme.resolved} />
          </Suspense>
        )}
      </main>
      <aside className="nl-side">
        <Inspector />
        <ProblemsPanel />
      </aside>
      <Dialogs />
    </div>
  );
}

export function App({ editor, ui, autosave, training }: { editor: EditorStore; ui: UiStore; autosave: Autosave; training: TrainingStore }) {
  return (
    <EditorProvider editor={editor} ui={ui} autosave={autosave}>
      <TrainingProvider store={training}>
        {/* One React Flow provider around everything, so panels can centre and place nodes in the canvas's view. */}
        <ReactFlowProvider>
          <Editor />
        </ReactFlowProvider>
      </TrainingProvider>
    </EditorProvider>
  );
}
