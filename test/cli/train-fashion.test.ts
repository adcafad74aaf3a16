/**
 * The engine issue's bar for a CNN: conv-pool-conv-pool-linear on the shipped Fashion-MNIST subset (10,000 training
 * images) reaches ≥ 82% accuracy on its 2,000 test images in 3 epochs, trained from the command line on the CPU
 * backend. The slowest test in the suite (about a minute of training).
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { netloom, repositoryRoot } from '../helpers/cli.ts';

it('trains the small CNN on Fashion-MNIST to ≥ 82% test accuracy in 3 epochs', async () => {
  const r = await netloom('train', join(repositoryRoot, 'test/fixtures/train/fashion-cnn.json'), '--epochs', '3', '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const final = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { epochs: number; final: { test: Record<string, { metrics: { accuracy: number; samples: number } }> } };
  expect(final.epochs).toBe(3);
  expect(final.final.test['loss']!.metrics.samples).toBe(2000);
  expect(final.final.test['loss']!.metrics.accuracy).toBeGreaterThanOrEqual(0.82);
}, 900_000);
