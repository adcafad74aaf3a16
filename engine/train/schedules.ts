/**
 * Learning-rate schedules, evaluated on the host once per step: the result is fed to the optimizer's `lr` input.
 * Each decay matches the closed form of its torch.optim.lr_scheduler class, stepped once per epoch; an optional
 * linear warm-up multiplies the first updates' rate.
 */

export const LR_SCHEDULES = ['constant', 'step', 'exponential', 'cosine'] as const;
export type LrScheduleKind = (typeof LR_SCHEDULES)[number];

/** Field names follow the optimizer node's params (and PyTorch's arguments), so node params are a schedule as they are. */
export type LrSchedule = (
  | { readonly schedule: 'constant' }
  /** StepLR: multiply by gamma every step_size epochs. */
  | { readonly schedule: 'step'; readonly step_size: number; readonly gamma: number }
  /** ExponentialLR: multiply by gamma every epoch. */
  | { readonly schedule: 'exponential'; readonly gamma: number }
  /** CosineAnnealingLR: half a cosine from the base rate down to eta_min over t_max epochs (and back up after). */
  | { readonly schedule: 'cosine'; readonly t_max: number; readonly eta_min: number }
) & {
  /**
   * The first warmup_steps updates use lr·(s+1)/(warmup_steps+1) for update s = 0, 1, …, reaching the full rate at
   * update warmup_steps: torch's LinearLR(start_factor=1/(k+1), total_iters=k) stepped per update. 0 = none.
   */
  readonly warmup_steps: number;
};

function decayedRate(schedule: LrSchedule, baseLr: number, epoch: number): number {
  switch (schedule.schedule) {
    case 'constant':
      return baseLr;
    case 'step':
      return baseLr * schedule.gamma ** Math.floor(epoch / schedule.step_size);
    case 'exponential':
      return baseLr * schedule.gamma ** epoch;
    case 'cosine':
      return schedule.eta_min + ((baseLr - schedule.eta_min) * (1 + Math.cos((Math.PI * epoch) / schedule.t_max))) / 2;
  }
}

/**
 * The learning rate of the update made during `epoch` (0-based count of finished epochs) as update number `step`
 * (0-based count of this optimizer's earlier updates).
 */
export function learningRateAt(schedule: LrSchedule, baseLr: number, epoch: number, step: number): number {
  const rate = decayedRate(schedule, baseLr, epoch);
  const warmup = schedule.warmup_steps;
  return step < warmup ? (rate * (step + 1)) / (warmup + 1) : rate;
}
