/** Edits as data: what the UI's one-click fixes, undo history and the CLI exchange. Applied by edit.ts. */
import type { CreateBlockRequest, PlaceBlockRequest } from './block-edit.ts';
import type { GraphGroup, GraphNode, ParamValue, Position, PortRef, TrainingSettings } from './types.ts';

export type Edit =
  | { readonly type: 'addNode'; readonly node: GraphNode }
  | { readonly type: 'removeNode'; readonly node: string }
  /** Connects `from` to `to`, replacing any edge already feeding `to` (an input port takes one edge). */
  | { readonly type: 'connect'; readonly from: PortRef; readonly to: PortRef; readonly id?: string }
  | { readonly type: 'disconnect'; readonly edge: string }
  | { readonly type: 'setParam'; readonly node: string; readonly param: string; readonly value: ParamValue }
  /** Removes a param so its default applies again. */
  | { readonly type: 'resetParam'; readonly node: string; readonly param: string }
  | { readonly type: 'moveNode'; readonly node: string; readonly position: Position }
  /** Changes a node's id; edges and groups follow. */
  | { readonly type: 'renameNode'; readonly node: string; readonly newId: string }
  | { readonly type: 'setLabel'; readonly node: string; readonly label: string | undefined }
  /** Sets the node's notes; `undefined` or an empty string removes them. */
  | { readonly type: 'setNotes'; readonly node: string; readonly notes: string | undefined }
  | { readonly type: 'setGroup'; readonly group: GraphGroup }
  /** Removes a group (not its nodes); a block instance's nodes become ordinary nodes. */
  | { readonly type: 'removeGroup'; readonly group: string }
  /** Turns nodes into a reusable block and its first instance (block-edit.ts). */
  | ({ readonly type: 'createBlock' } & CreateBlockRequest)
  /** Places a new instance of a block. */
  | ({ readonly type: 'placeBlock' } & PlaceBlockRequest)
  /** Removes a block definition; its instances are unpacked. */
  | { readonly type: 'removeBlock'; readonly block: string }
  | { readonly type: 'setBlockLabel'; readonly block: string; readonly label: string }
  | { readonly type: 'setCollapsed'; readonly group: string; readonly collapsed: boolean }
  /** Replaces the run settings saved with the graph (epochs, batch size, seed, …); `undefined` removes them. */
  | { readonly type: 'setTraining'; readonly training: TrainingSettings | undefined };
