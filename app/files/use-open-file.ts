/**
 * Opening a graph file (picked, dropped or passed by a shortcut): a good file replaces the graph as one undoable
 * step and the view fits it; a bad one leaves the graph untouched and shows every problem with its JSON path.
 */
import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useEditorApi, useUiApi } from '../state/editor-context.tsx';
import { readGraphFile } from './graph-file.ts';

export function useOpenFile(): (file: File) => Promise<void> {
  const api = useEditorApi();
  const ui = useUiApi();
  const flow = useReactFlow();
  return useCallback(async (file) => {
    const read = await readGraphFile(file);
    if (!read.ok) {
      ui.getState().open({ type: 'file-error', file: file.name, errors: read.errors });
      return;
    }
    api.getState().load(read.doc, `Open ${file.name}`);
    // After React has drawn the new nodes, so fitView measures them.
    requestAnimationFrame(() => void flow.fitView({ padding: 0.15, maxZoom: 1 }));
  }, [api, ui, flow]);
}
