/** A builder that appends to an existing program, keeping its value ids: for a backward pass or optimizer updates. */
import { Builder } from './builder.ts';
import type { Program } from './program.ts';

export function continueProgram(program: Program): Builder {
  program.values.forEach((value, i) => {
    // Builders number values by position; appending to a program numbered otherwise would alias ids.
    if (value.id !== i) throw new Error(`value ${i} of the program has id ${value.id}; ids must be positions`);
  });
  const b = new Builder();
  b.values.push(...program.values);
  b.ops.push(...program.ops);
  b.stateUpdates.push(...program.stateUpdates);
  Object.assign(b.outputs, program.outputs);
  return b;
}
