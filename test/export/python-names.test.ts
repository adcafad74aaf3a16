/**
 * Python names for node ids. The sequence below went through torch.fx.graph._Namespace.create_name (torch 1.13) and
 * these are FX's answers, except where netloom's namespace is stricter (module attributes, dunders, underscores).
 */
import { describe, expect, it } from 'vitest';
import { isSafePythonName, PythonNamespace } from '../../engine/export/pytorch/python-names.ts';
import { pythonFloat, pythonNumber, pythonString, pythonTuple } from '../../engine/export/pytorch/python-literal.ts';

describe('PythonNamespace', () => {
  it('names like PyTorch FX', () => {
    const ns = new PythonNamespace();
    const fx: [string, string][] = [
      ['fc1', 'fc1'], ['fc1', 'fc1_1'], ['fc1_1', 'fc1_2'], ['1x', '_1x'], ['a-b.c', 'a_b_c'], ['class', 'class_1'], ['x', 'x'],
      ['x', 'x_1'], ['fc_007', 'fc_7'], ['a b', 'a_b'], ['print', 'print_1'], ['N', 'N'], ['N', 'N_1'], ['x_1', 'x_2'], ['x', 'x_3'],
    ];
    for (const [candidate, expected] of fx) expect(ns.create(candidate), candidate).toBe(expected);
  });

  it('also avoids nn.Module attributes, dunders and names taken up front', () => {
    const ns = new PythonNamespace(['self', 'device']);
    const cases: [string, string][] = [
      ['training', 'training_1'], ['forward', 'forward_1'], ['state_dict', 'state_dict_1'], ['__init__', '_init__'], ['__class__', '_class__'],
      ['self', 'self_1'], ['device', 'device_1'], ['', '_unnamed'], ['é', '_unnamed_1'], ['__', '_unnamed_2'], ['_', '_unnamed_3'], ['😀x', '_x'],
    ];
    for (const [candidate, expected] of cases) expect(ns.create(candidate), candidate).toBe(expected);
  });

  it('hands out safe names only', () => {
    for (const name of ['_1x', 'class_1', 'a_b']) expect(isSafePythonName(name)).toBe(true);
    for (const name of ['class', '1x', 'a-b', '__x', 'training', 'print', '']) expect(isSafePythonName(name)).toBe(false);
  });
});

describe('Python literals', () => {
  it('escapes every character outside printable ASCII', () => {
    expect(pythonString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(pythonString('line\nbreak\ttab\r')).toBe('"line\\nbreak\\ttab\\r"');
    expect(pythonString('é\u2028💥\u0000')).toBe('"\\xe9\\u2028\\U0001f4a5\\x00"');
    expect(pythonString('\ud800')).toBe('"\\ud800"');
  });

  it('writes numbers Python reads back the same', () => {
    expect([pythonNumber(3), pythonNumber(1e-8), pythonNumber(-0.5), pythonNumber(-0)]).toEqual(['3', '1e-8', '-0.5', '-0.0']);
    expect([pythonFloat(1), pythonFloat(0.25), pythonFloat(1e21)]).toEqual(['1.0', '0.25', '1e+21']);
    expect([pythonTuple(['1']), pythonTuple(['1', '2'])]).toEqual(['(1,)', '(1, 2)']);
  });
});
