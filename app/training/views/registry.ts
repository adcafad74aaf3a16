/** The training drawer's views, in tab order. Each is a component with no props that reads the training store. */
import type { ComponentType } from 'react';
import { EpochTableView } from './EpochTableView.tsx';

export interface TrainingView {
  readonly id: string;
  readonly label: string;
  /** The tab's tooltip. */
  readonly doc: string;
  readonly component: ComponentType;
}

export const TRAINING_VIEWS: readonly TrainingView[] = [
  { id: 'epochs', label: 'Epochs', doc: 'Every finished epoch as numbers', component: EpochTableView },
];
