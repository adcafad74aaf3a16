/** The Python-literal parser behind .npy headers, against what Python's ast.literal_eval gives for the same text. */
import { describe, expect, it } from 'vitest';
import { parsePythonLiteral, PythonLiteralError } from '../../engine/io/python-literal.ts';

describe('parsePythonLiteral', () => {
  it('reads a numpy header dict, trailing comma and padding included', () => {
    const header = parsePythonLiteral("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }          \n");
    expect(header).toEqual(new Map<unknown, unknown>([['descr', '<f4'], ['fortran_order', false], ['shape', [2, 3]]]));
  });

  it('tells tuples from parenthesised values', () => {
    expect(parsePythonLiteral('()')).toEqual([]);
    expect(parsePythonLiteral('(5,)')).toEqual([5]);
    expect(parsePythonLiteral('(5)')).toBe(5);
    expect(parsePythonLiteral('((1, 2),)')).toEqual([[1, 2]]);
  });

  it('reads strings with either quote and escapes, keywords, signs, lists and Python 2 longs', () => {
    expect(parsePythonLiteral(`"it's"`)).toBe("it's");
    expect(parsePythonLiteral(String.raw`'a\'b\\c\n'`)).toBe("a'b\\c\n");
    expect(parsePythonLiteral('[True, None, -4, +2]')).toEqual([true, null, -4, 2]);
    expect(parsePythonLiteral('(3L, 4L)')).toEqual([3, 4]);
    expect(parsePythonLiteral("[('x', '<f4'), ('y', '<i4')]")).toEqual([['x', '<f4'], ['y', '<i4']]);
  });

  it('keeps a __proto__ key as a key', () => {
    const dict = parsePythonLiteral("{'__proto__': {'polluted': True}}") as Map<unknown, unknown>;
    expect(dict.get('__proto__')).toEqual(new Map([['polluted', true]]));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['', /unexpected end of text at character 1/],
    ["'open", /unterminated string/],
    ['(1 2)', /expected "," or "\)" at character 4/],
    ["{'a' 1}", /expected ":"/],
    ['os.system', /unexpected name os/],
    ['1.5', /unexpected text after the value at character 2/],
    ['99999999999999999999', /integer 99999999999999999999 is too large/],
    [String.raw`'\x41'`, /unsupported escape/],
    ['('.repeat(100), /nesting deeper than 32/],
  ])('refuses %j', (text, message) => {
    expect(() => parsePythonLiteral(text)).toThrow(PythonLiteralError);
    expect(() => parsePythonLiteral(text)).toThrow(message);
  });
});
