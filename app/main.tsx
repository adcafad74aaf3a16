/** Entry point: opens the sample graph in a fresh editor store and mounts the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { CATALOG } from '../nodes/index.ts';
import { App } from './App.tsx';
import { openSample } from './samples/open-sample.ts';
import { createEditorStore } from './state/editor-store.ts';

const opened = openSample();
const store = createEditorStore(opened.doc, CATALOG, opened.notice);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
