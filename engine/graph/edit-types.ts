/** Edits as data: what the UI's one-click fixes, undo history and the CLI exchange. Applied by edit.ts. */
import type { GraphGroup, GraphNode, ParamValue, Position, PortRef } from './types.ts';

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
  | { readonly type: 'setGroup'; readonly group: GraphGroup }
  | { readonly type: 'removeGroup'; readonly group: string };
