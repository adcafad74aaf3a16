/** Loss-head checks shared by the losses (not a node kind): which producer feeds `input`, and a fix that bypasses it. */
import type { LowerContext, Producer, ProblemOptions } from '../../engine/compile/node-kind.ts';
import type { ParamSchema } from '../../engine/compile/params.ts';

/** The producer of `input` when it is one of `kinds`. */
export function headOfKind(ctx: LowerContext<ParamSchema>, kinds: readonly string[]): Producer | undefined {
  const head = ctx.producer('input');
  return head && kinds.includes(head.kind) ? head : undefined;
}

/** Options for a loss-head warning whose fix connects the head's own input straight to this loss's `input`. */
export function bypassHead(ctx: LowerContext<ParamSchema>, head: Producer): ProblemOptions {
  return head.input
    ? { port: 'input', fix: { label: `Bypass ${head.node}`, edits: [{ type: 'connect', from: head.input, to: { node: ctx.node.id, port: 'input' } }] } }
    : { port: 'input' };
}
