/** Entry point: restores the autosaved graph (or opens the sample), starts autosave, and mounts the app. */
// First: it configures zod before any schema is built (see the file).
import './zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { CATALOG } from '../nodes/index.ts';
import { App } from './App.tsx';
import { Autosave, CHANNEL_NAME } from './persistence/autosave.ts';
import { GraphStorage } from './persistence/graph-storage.ts';
import { openInitial } from './persistence/open-initial.ts';
import { createEditorStore } from './state/editor-store.ts';
import { createUiStore } from './state/ui-store.ts';
import { localDataFor, localDataStore } from './data/local-data-store.ts';
import { createTrainingStore } from './training/training-store.ts';

async function start(): Promise<void> {
  const storage = new GraphStorage();
  const initial = await openInitial(storage);
  const editor = createEditorStore(initial.doc, CATALOG, initial.notice === undefined ? {} : { notice: initial.notice });
  const autosave = new Autosave(editor, storage, {
    tab: crypto.randomUUID(),
    revision: initial.revision,
    ...(initial.savedAt !== undefined && { savedAt: initial.savedAt }),
    ...(initial.unreadable !== undefined && { unreadable: initial.unreadable }),
    ...(typeof BroadcastChannel === 'function' && { channel: new BroadcastChannel(CHANNEL_NAME) }),
  });
  // pagehide fires on reload, close and navigation (also where unload does not); hiding the tab may be the last chance.
  addEventListener('pagehide', () => void autosave.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void autosave.flush();
  });
  const training = createTrainingStore({
    document: () => editor.getState().doc,
    localData: async (doc) => {
      await localDataStore().getState().loaded;
      return localDataFor(doc);
    },
    createWorker: () => new Worker(new URL('./training/training-worker.ts', import.meta.url), { type: 'module', name: 'netloom training' }),
  });
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App editor={editor} ui={createUiStore()} autosave={autosave} training={training} />
    </StrictMode>,
  );
}

void start();
