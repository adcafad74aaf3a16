/**
 * `netloom train`'s progress line (what a terminal shows while an epoch runs), through trainCommand in-process: the
 * optimizer's loss, and each loss node it adds up where it adds up several.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../../engine/cli/args.ts';
import { TRAIN_VALUED_FLAGS, trainCommand } from '../../engine/cli/train.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { CATALOG } from '../../nodes/index.ts';
import { repositoryRoot } from '../helpers/cli.ts';
import { twoHeads } from '../helpers/two-heads.ts';

const work = mkdtempSync(join(tmpdir(), 'netloom-progress-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The progress lines of one epoch of training `doc` (the clearing '' lines left out). */
async function progressLines(doc: GraphDocument | string): Promise<string[]> {
  const path = typeof doc === 'string' ? doc : join(work, 'graph.json');
  if (typeof doc !== 'string') writeFileSync(path, JSON.stringify(doc));
  const lines: string[] = [];
  const args = parseArgs(['--epochs', '1', '--batch-size', '100', '--validation-split', '0'], new Set(TRAIN_VALUED_FLAGS));
  const code = await trainCommand(path, args, CATALOG, { out: () => {}, err: (text) => lines.push(`error: ${text}`), progress: (text) => text && lines.push(text) });
  expect(code).toBe(0);
  return lines;
}

describe('netloom train progress line', () => {
  it('shows each loss node of a summed loss beside the total', async () => {
    const lines = await progressLines(twoHeads({ secondLoss: 'summed', training: {} }));
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      const match = /loss (\d+\.\d{4}) \(loss (\d+\.\d{4}), loss_b (\d+\.\d{4})\)$/.exec(line);
      expect(match, line).not.toBeNull();
      const [total, loss, lossB] = match!.slice(1).map(Number);
      // Each is rounded to 4 decimals.
      expect(Math.abs(total! - (loss! + lossB!))).toBeLessThanOrEqual(1.5e-4);
    }
  });

  it('shows the loss alone where the optimizer minimises one loss node', async () => {
    const lines = await progressLines(join(repositoryRoot, 'test/fixtures/train/spirals-mlp.json'));
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/ loss \d+\.\d{4}$/);
  });
});
