/**
 * What the editor shows besides the document: the open dialog, the summary drawer, the pointer and this tab's clipboard. Not document state, so not
 * history and not saved; a store of its own keeps document subscribers from re-rendering when a dialog opens.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { XYPosition } from '@xyflow/react';
import type { GraphIssue } from '../../engine/graph/errors.ts';
import type { LinkContext } from '../search/kind-search.ts';

export type Dialog =
  | { readonly type: 'none' }
  /** Quick-add search: `screen` is where the popup opens, `flow` where the node goes; `link` when a dropped link asks for a node. */
  | { readonly type: 'quick-add'; readonly screen: XYPosition; readonly flow: XYPosition; readonly link?: LinkContext }
  | { readonly type: 'connect'; readonly node: string }
  | { readonly type: 'shortcuts' }
  | { readonly type: 'templates' }
  | { readonly type: 'group'; readonly nodes: readonly string[] }
  | { readonly type: 'file-error'; readonly file: string; readonly errors: readonly GraphIssue[] }
  /** The data picker; `node` is the data node it was opened for (else the selected one, or a new one). */
  | { readonly type: 'data'; readonly node?: string };

export interface UiState {
  readonly dialog: Dialog;
  readonly summaryOpen: boolean;
  /** The code panel (JSON, TypeScript, PyTorch, IR); its Monaco editor loads the first time it opens. */
  readonly codeOpen: boolean;
  /** The training drawer (run panel and the views of the model learning). */
  readonly trainOpen: boolean;
  /** The pointer's last position over the canvas (screen coordinates), where `/` opens the quick-add search. */
  readonly pointer: XYPosition | undefined;
  /** The text of this tab's last copy, for pasting when the system clipboard is unavailable. */
  readonly clipboard: string | undefined;
  /** Opens the file picker; set by the file input while it is mounted. */
  readonly filePicker: (() => void) | undefined;
  open(dialog: Dialog): void;
  close(): void;
  toggleSummary(): void;
  toggleCode(): void;
  toggleTrain(): void;
  remember(clipboard: string): void;
}

export type UiStore = StoreApi<UiState>;

export function createUiStore(): UiStore {
  return createStore<UiState>()((set) => ({
    dialog: { type: 'none' },
    summaryOpen: false,
    codeOpen: false,
    trainOpen: false,
    pointer: undefined,
    clipboard: undefined,
    filePicker: undefined,
    open: (dialog) => set({ dialog }),
    close: () => set({ dialog: { type: 'none' } }),
    toggleSummary: () => set((s) => ({ summaryOpen: !s.summaryOpen, trainOpen: s.summaryOpen ? s.trainOpen : false })),
    toggleCode: () => set((s) => ({ codeOpen: !s.codeOpen })),
    // The drawer takes the summary table's place under the canvas: one of the two at a time.
    toggleTrain: () => set((s) => ({ trainOpen: !s.trainOpen, summaryOpen: s.trainOpen ? s.summaryOpen : false })),
    remember: (clipboard) => set({ clipboard }),
  }));
}
