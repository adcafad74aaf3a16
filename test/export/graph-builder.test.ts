/** The graph builder that exported TypeScript modules use (engine/graph/builder.ts). */
import { describe, expect, it } from 'vitest';
import { graph, GraphBuildError, portRef } from '../../engine/graph/builder.ts';

describe('graph builder', () => {
  it('builds the document it is told, with edge ids e1, e2, … by default', () => {
    const doc = graph({ name: 'tiny', training: { epochs: 2 } })
      .add('x', 'input', { shape: ['N', 3] }, { x: 10, y: 20, label: 'features' })
      .add('fc', 'linear', { out_features: 2, in_features: 3 })
      .add('out', 'output')
      .connect('x:y', 'fc:x')
      .connect({ node: 'fc', port: 'y' }, 'out:x', 'last')
      .group('all', ['x', 'fc'], { label: 'everything' })
      .build();
    expect(doc).toEqual({
      format: 'netloom.graph', version: 2, name: 'tiny',
      nodes: [
        { id: 'x', kind: 'input', label: 'features', params: { shape: ['N', 3] }, position: { x: 10, y: 20 } },
        { id: 'fc', kind: 'linear', params: { in_features: 3, out_features: 2 }, position: { x: 0, y: 0 } },
        { id: 'out', kind: 'output', params: {}, position: { x: 0, y: 0 } },
      ],
      edges: [
        { id: 'e1', from: { node: 'x', port: 'y' }, to: { node: 'fc', port: 'x' } },
        { id: 'last', from: { node: 'fc', port: 'y' }, to: { node: 'out', port: 'x' } },
      ],
      groups: [{ id: 'all', label: 'everything', nodes: ['x', 'fc'] }],
      training: { epochs: 2 },
    });
  });

  it('skips default edge ids that are taken', () => {
    const doc = graph().add('a', 'input').add('b', 'relu').add('c', 'relu')
      .connect('a:y', 'b:x', 'e2').connect('b:y', 'c:x').build();
    expect(doc.edges.map((e) => e.id)).toEqual(['e2', 'e3']);
  });

  it('splits a port address at its last colon', () => {
    expect(portRef('a:b:y')).toEqual({ node: 'a:b', port: 'y' });
    expect(() => portRef('fc1')).toThrow(GraphBuildError);
    expect(() => portRef(':y')).toThrow(/not a port address/);
  });

  it('refuses an invalid document with every problem', () => {
    const build = () => graph().add('a', 'input').add('a', 'relu').connect('a:y', 'ghost:x').build();
    expect(build).toThrow(GraphBuildError);
    expect(build).toThrow(/duplicate node id "a"[\s\S]*unknown node "ghost"/);
  });
});
