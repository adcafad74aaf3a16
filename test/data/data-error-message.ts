/** The message of the DataError that `load` throws; fails the test when it throws nothing or something else. */
import { expect } from 'vitest';
import { DataError } from '../../engine/data/data-error.ts';

export function dataErrorMessage(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as Error).message;
  }
  throw new Error('expected a DataError');
}
