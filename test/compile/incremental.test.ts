/**
 * The incremental analysis must agree exactly with a fresh one after any sequence of edits: random param edits
 * (valid and invalid), moves and relinks, checked with fast-check.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, AnalysisCache, type Analysis } from '../../engine/compile/analyze.ts';
import type { GraphDocument, ParamValue } from '../../engine/graph/types.ts';
import { CATALOG } from '../../nodes/index.ts';
import { graph } from '../helpers/doc.ts';

const base = graph(
  ['data', 'dataset', { dataset: 'digits', layout: 'image' }],
  ['c1', 'conv2d', { in_channels: 1, out_channels: 4, kernel_size: 3, padding: 1 }],
  ['r1', 'relu'],
  ['c2', 'conv2d', { in_channels: 4, out_channels: 4, kernel_size: 3 }],
  ['fc', 'linear', { in_features: 144, out_features: 10 }],
  ['loss', 'cross_entropy'],
  ['opt', 'sgd'],
).link('data.features', 'c1.x').chain('c1', 'r1', 'c2').link('loss.loss', 'opt.loss').link('fc.y', 'loss.input').link('data.labels', 'loss.target').doc;

const plain = (a: Analysis) => ({
  nodes: [...a.nodes.entries()], edges: [...a.edges.entries()], diagnostics: a.diagnostics, totals: a.totals, order: a.order, hasErrors: a.hasErrors,
});

const edit: fc.Arbitrary<any> = fc.oneof(
  fc.record({
    type: fc.constant('param' as const),
    node: fc.constantFrom('c1', 'c2', 'fc', 'opt'),
    param: fc.constantFrom('out_channels', 'kernel_size', 'padding', 'in_features', 'in_channels', 'stride', 'bias', 'lr'),
    value: fc.oneof(fc.integer({ min: -1, max: 12 }), fc.constantFrom<ParamValue>('same', true, false, [2, 3], 0.5)),
  }),
  fc.record({ type: fc.constant('move' as const), node: fc.constantFrom('c1', 'fc'), x: fc.integer() }),
  fc.record({ type: fc.constant('relink' as const), from: fc.constantFrom('r1', 'c2', 'c1') }),
);

function apply(doc: GraphDocument, e: any): GraphDocument {
  if (e.type === 'param') {
    return { ...doc, nodes: doc.nodes.map((n) => (n.id === e.node ? { ...n, params: { ...n.params, [e.param]: e.value } } : n)) };
  }
  if (e.type === 'move') return { ...doc, nodes: doc.nodes.map((n) => (n.id === e.node ? { ...n, position: { x: e.x, y: 0 } } : n)) };
  const edges = doc.edges.filter((x) => !(x.to.node === 'fc' && x.to.port === 'x'));
  return { ...doc, edges: [...edges, { id: `e${e.from}`, from: { node: e.from, port: 'y' }, to: { node: 'fc', port: 'x' } }] };
}

describe('incremental analysis', () => {
  it('equals a fresh analysis after every edit of any sequence', () => {
    fc.assert(fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
      const cache = new AnalysisCache();
      let doc = base;
      analyze(doc, CATALOG, { cache });
      for (const e of edits) {
        doc = apply(doc, e);
        expect(plain(analyze(doc, CATALOG, { cache }))).toEqual(plain(analyze(doc, CATALOG)));
      }
    }), { numRuns: 300 });
  });
});
