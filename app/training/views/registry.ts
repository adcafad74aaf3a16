/** The training drawer's views, in tab order. Each is a component with no props that reads the training store. */
import type { ComponentType } from 'react';
import { BoundaryView } from './BoundaryView.tsx';
import { ChartsView } from './ChartsView.tsx';
import { ConfusionView } from './ConfusionView.tsx';
import { EpochTableView } from './EpochTableView.tsx';
import { HistogramsView } from './HistogramsView.tsx';
import { ImagesView } from './ImagesView.tsx';
import { NodeOutputView } from './NodeOutputView.tsx';

export interface TrainingView {
  readonly id: string;
  readonly label: string;
  /** The tab's tooltip. */
  readonly doc: string;
  readonly component: ComponentType;
  /**
   * Stays mounted (hidden) once opened, so what it records goes on while another tab is shown. Only for views that
   * cost nothing until asked (the histograms probe only while recording is switched on).
   */
  readonly keepMounted?: boolean;
}

export const TRAINING_VIEWS: readonly TrainingView[] = [
  { id: 'charts', label: 'Charts', doc: 'Loss per step and per epoch, and the metric per epoch; earlier runs stay for comparison', component: ChartsView },
  { id: 'boundary', label: 'Boundary', doc: 'The decision boundary over 2-D points, or the fitted curve over 1-D data', component: BoundaryView },
  { id: 'confusion', label: 'Confusion', doc: 'The confusion matrix and per-class accuracy of a split', component: ConfusionView },
  { id: 'images', label: 'Images', doc: 'Images of a split with the predicted and the true label', component: ImagesView },
  { id: 'histograms', label: 'Histograms', doc: 'Weights, activations and gradient norms per layer over time', component: HistogramsView, keepMounted: true },
  { id: 'node-output', label: 'Node output', doc: 'The selected node’s output for one sample', component: NodeOutputView },
  { id: 'epochs', label: 'Epochs', doc: 'Every finished epoch as numbers', component: EpochTableView },
];
