/** Small user datasets as the Data dialog would keep them, for the local-data tests. */
import type { LocalDataset } from '../../app/data/local-dataset.ts';

/** A CSV's worth of classification: 3 rows of 2 features, classes a, b, c. */
export const table: LocalDataset = {
  name: 'table.csv',
  description: '3 rows of table.csv',
  task: 'classification',
  data: {
    train: {
      features: { shape: [3, 2], dtype: 'f32', data: Float32Array.from([0.5, 1, 1.5, 2, 2.5, 3]) },
      labels: { shape: [3], dtype: 'i32', data: Int32Array.from([0, 2, 1]) },
    },
  },
  classNames: ['a', 'b', 'c'],
};
