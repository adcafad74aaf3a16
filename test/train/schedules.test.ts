/**
 * Learning-rate schedules against torch.optim.lr_scheduler (test/fixtures/pytorch/optimizer-reference.json): the
 * rate of every update over 20+ epochs, PyTorch's schedulers stepped once per epoch and its LinearLR warm-up once
 * per update.
 */
import { describe, expect, it } from 'vitest';
import { resolveParams } from '../../engine/compile/params.ts';
import { learningRateAt, LR_SCHEDULES, type LrSchedule } from '../../engine/train/schedules.ts';
import { OPTIMIZER_KINDS } from '../../nodes/optimizers/index.ts';
import reference from '../fixtures/pytorch/optimizer-reference.json' with { type: 'json' };

interface Case {
  schedule: LrSchedule;
  baseLr: number;
  updatesPerEpoch: number;
  lrs: number[];
}

describe(`learning-rate schedules against torch.optim.lr_scheduler ${reference.torch}`, () => {
  for (const c of reference.schedules as Case[]) {
    const epochs = c.lrs.length / c.updatesPerEpoch;
    it(`${JSON.stringify(c.schedule)} from ${c.baseLr} over ${epochs} epochs of ${c.updatesPerEpoch} updates`, () => {
      c.lrs.forEach((expected, update) => {
        const epoch = Math.floor(update / c.updatesPerEpoch);
        const lr = learningRateAt(c.schedule, c.baseLr, epoch, update);
        if (!(Math.abs(lr - expected) <= 1e-12 * Math.abs(expected))) {
          expect.fail(`update ${update} (epoch ${epoch}): ${lr}, PyTorch ${expected}`);
        }
      });
    });
  }

  it('covers every schedule, with and without warm-up, past the cosine period', () => {
    const cases = reference.schedules as Case[];
    expect(new Set(cases.map((c) => c.schedule.schedule))).toEqual(new Set(LR_SCHEDULES));
    expect(cases.some((c) => c.schedule.warmup_steps > c.updatesPerEpoch)).toBe(true);
    expect(cases.every((c) => c.lrs.length / c.updatesPerEpoch >= 20 || c.schedule.schedule === 'constant')).toBe(true);
  });
});

describe('learningRateAt', () => {
  it('reaches the full rate on update warmup_steps, whatever the epoch', () => {
    const schedule: LrSchedule = { schedule: 'constant', warmup_steps: 4 };
    expect([0, 1, 2, 3, 4, 5].map((s) => learningRateAt(schedule, 1, 0, s))).toEqual([0.2, 0.4, 0.6, 0.8, 1, 1]);
  });

  it('accepts an optimizer node’s params as the schedule, and their defaults keep the rate constant', () => {
    for (const kind of OPTIMIZER_KINDS) {
      const params = resolveParams(kind.params, {}).params;
      const schedule: LrSchedule = params;
      expect(learningRateAt(schedule, 0.5, 99, 12345)).toBe(0.5);
    }
  });
});
