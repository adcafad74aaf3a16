/** serializeGraph: the exact canonical text, so that saved graphs diff well. */
import { describe, expect, it } from 'vitest';
import { parseGraph } from '../../engine/graph/parse.ts';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';

/** Keys deliberately out of order, as a hand-written or older file might have them. */
const shuffled = {
  groups: [{ nodes: ['fc'], label: 'Head', id: 'head' }],
  edges: [{ to: { port: 'x', node: 'fc' }, from: { port: 'y', node: 'x' }, id: 'e1' }],
  nodes: [
    { notes: 'n', position: { y: 2, x: 1 }, params: { stride: 2, bias: false, kernel_size: [3, 3] }, label: 'FC', kind: 'linear', id: 'fc' },
    { position: { y: 0, x: 0 }, params: {}, kind: 'input', id: 'x' },
  ],
  name: 'demo',
  version: 2,
  format: 'netloom.graph',
} as unknown as GraphDocument;

const expected = `{
  "format": "netloom.graph",
  "version": 2,
  "name": "demo",
  "nodes": [
    {
      "id": "fc",
      "kind": "linear",
      "label": "FC",
      "params": {
        "bias": false,
        "kernel_size": [
          3,
          3
        ],
        "stride": 2
      },
      "position": {
        "x": 1,
        "y": 2
      },
      "notes": "n"
    },
    {
      "id": "x",
      "kind": "input",
      "params": {},
      "position": {
        "x": 0,
        "y": 0
      }
    }
  ],
  "edges": [
    {
      "id": "e1",
      "from": {
        "node": "x",
        "port": "y"
      },
      "to": {
        "node": "fc",
        "port": "x"
      }
    }
  ],
  "groups": [
    {
      "id": "head",
      "label": "Head",
      "nodes": [
        "fc"
      ]
    }
  ]
}
`;

describe('serializeGraph', () => {
  it('writes keys in canonical order, params sorted, 2-space indent and a trailing newline', () => {
    expect(serializeGraph(shuffled)).toBe(expected);
  });

  it('leaves out absent optional fields and keeps node and edge order', () => {
    const g: GraphDocument = { format: 'netloom.graph', version: 2, nodes: [], edges: [] };
    expect(serializeGraph(g)).toBe('{\n  "format": "netloom.graph",\n  "version": 2,\n  "nodes": [],\n  "edges": []\n}\n');
  });

  it('gives text that loads back to the same graph and prints the same again', () => {
    const loaded = parseGraph(expected);
    expect(loaded.ok && serializeGraph(loaded.graph)).toBe(expected);
  });

  it('does not modify the document', () => {
    const before = JSON.stringify(shuffled);
    serializeGraph(shuffled);
    expect(JSON.stringify(shuffled)).toBe(before);
  });
});
