import { describe, expect, it } from 'vitest';
import { optimizerLearningRates } from '../../app/training/learning-rates.ts';
import { CATALOG } from '../../nodes/index.ts';
import { graph } from '../helpers/doc.ts';

describe('the learning rates the run panel shows', () => {
  it('lists each optimizer node with its lr, or its kind’s default, and nothing else', () => {
    const doc = graph(['fc', 'linear', { in_features: 2, out_features: 2 }], ['g', 'adam', { lr: 0.003 }], ['d', 'sgd']).doc;
    const sgdDefault = (CATALOG.get('sgd')!.params as Record<string, { default: unknown }>)['lr']!.default;
    expect(optimizerLearningRates(doc)).toEqual([{ node: 'g', lr: 0.003 }, { node: 'd', lr: sgdDefault }]);
  });
});
