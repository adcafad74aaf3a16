/**
 * The copy task: a sequence of COPY_LENGTH tokens drawn uniformly from a vocabulary of COPY_VOCABULARY, and the
 * target is the same sequence. Tokens are i32 ids, features [N, T] as an Embedding layer takes them ([N, T] →
 * [N, T, D] → a recurrent layer → [N, T, V] logits); labels [N, T] are one class index per step, so the loss
 * reshapes logits to [N·T, V] and labels to [N·T] for CrossEntropyLoss.
 */
import type { Generator } from './generator.ts';

export const COPY_LENGTH = 8;
export const COPY_VOCABULARY = 10;

export const copy: Generator = (random, samples) => {
  const tokens = new Int32Array(samples * COPY_LENGTH);
  for (let i = 0; i < tokens.length; i++) tokens[i] = random.below(COPY_VOCABULARY);
  return {
    features: { shape: [samples, COPY_LENGTH], dtype: 'i32', data: tokens },
    labels: { shape: [samples, COPY_LENGTH], dtype: 'i32', data: tokens.slice() },
  };
};
