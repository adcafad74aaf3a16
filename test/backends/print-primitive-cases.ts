/** Prints the primitive case table and the MLP case as JSON, for make_primitive_reference.py to compute references. */
import { MLP_CASE } from './mlp-case.ts';
import { PRIMITIVE_CASES } from './primitive-cases.ts';

process.stdout.write(JSON.stringify({ cases: PRIMITIVE_CASES, mlp: MLP_CASE }));
