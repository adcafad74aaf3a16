/** The graph opened at start: the bundled sample, checked by the engine's importer like any other file. */
import { GRAPH_FORMAT, GRAPH_VERSION, type GraphDocument } from '../../engine/graph/types.ts';
import { parseGraph } from '../../engine/graph/parse.ts';
import sample from './digits-cnn.json';

export interface Opened {
  readonly doc: GraphDocument;
  /** Why the sample could not be opened (an empty graph opens instead, so the editor still works). */
  readonly notice?: string;
}

export function openSample(): Opened {
  const parsed = parseGraph(sample);
  if (parsed.ok) return { doc: parsed.graph };
  return {
    doc: { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes: [], edges: [] },
    notice: `The sample graph did not open: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
  };
}
