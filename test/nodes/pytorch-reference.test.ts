/**
 * Shapes, parameter counts and state_dict entries of each layer, compared with PyTorch's own numbers
 * (test/fixtures/pytorch/layer-reference.json, made by make_layer_reference.py with Debian's python3-torch).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/compile/analyze.ts';
import { bindShape } from '../../engine/ir/shape.ts';
import { CATALOG } from '../../nodes/index.ts';
import reference from '../fixtures/pytorch/layer-reference.json' with { type: 'json' };
import { graph } from '../helpers/doc.ts';

interface Case {
  kind: string;
  params: Record<string, number | string | boolean | number[]>;
  input: number[];
  inputDtype: 'f32' | 'i32';
  output: number[];
  trainable: number;
  stateDict: Record<string, number[]>;
}

describe(`layers against PyTorch ${reference.torch}`, () => {
  for (const c of reference.cases as Case[]) {
    it(`${c.kind} ${JSON.stringify(c.params)} on [${c.input}]`, () => {
      const shape = ['N', ...c.input.slice(1)];
      const doc = graph(['x', 'input', { shape, dtype: c.inputDtype }], ['layer', c.kind, c.params]).chain('x', 'layer').doc;
      const a = analyze(doc, CATALOG);
      expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const layer = a.nodes.get('layer')!;
      expect(bindShape(layer.outputs.y!.shape, { N: reference.batch })).toEqual(c.output);
      expect(layer.params).toBe(c.trainable);
      const weights = Object.fromEntries(layer.weights.map((w) => [w.name.replace(/^layer\./, ''), [...w.shape]]));
      expect(weights).toEqual(c.stateDict);
    });
  }
});
