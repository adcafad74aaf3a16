/** The templates gallery: every template loads; all but the broken CNN analyse clean; its one error has a working fix. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine/compile/analyze.ts';
import { applyEdits } from '../../engine/graph/edit.ts';
import { CATALOG } from '../../nodes/index.ts';
import { openTemplate, TEMPLATES } from '../../app/templates/templates.ts';

describe('templates', () => {
  it.each(TEMPLATES.filter((t) => t.id !== 'broken-cnn').map((t) => [t.id, t] as const))('%s loads and analyses without a diagnostic', (_id, template) => {
    const parsed = openTemplate(template);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const analysis = analyze(parsed.graph, CATALOG);
    expect(analysis.diagnostics).toEqual([]);
    // Each trains: a dataset feeds a loss that an optimizer minimises.
    expect(parsed.graph.nodes.map((n) => CATALOG.get(n.kind)!.category)).toEqual(expect.arrayContaining(['data', 'losses', 'optimizers']));
  });

  it('the broken CNN has exactly one error, a conv channel mismatch, whose fix leaves no diagnostic', () => {
    const parsed = openTemplate(TEMPLATES.find((t) => t.id === 'broken-cnn')!);
    if (!parsed.ok) throw new Error('did not load');
    const [error, ...rest] = analyze(parsed.graph, CATALOG).diagnostics;
    expect(rest).toEqual([]);
    expect(error).toMatchObject({ severity: 'error', code: 'channels-mismatch', node: 'conv2', fix: { label: 'Set in_channels to 8' } });
    expect(analyze(applyEdits(parsed.graph, error!.fix!.edits), CATALOG).diagnostics).toEqual([]);
  });

  it('LeNet has PyTorch’s 61,706 parameters', () => {
    const parsed = openTemplate(TEMPLATES.find((t) => t.id === 'lenet-fashion')!);
    if (!parsed.ok) throw new Error('did not load');
    // conv1 6·1·25+6, conv2 16·6·25+16, fc1 400·120+120, fc2 120·84+84, fc3 84·10+10
    expect(analyze(parsed.graph, CATALOG).totals.params).toBe(156 + 2416 + 48120 + 10164 + 850);
  });
});
