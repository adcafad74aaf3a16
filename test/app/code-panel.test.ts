/**
 * The code panel's logic without the browser: JSON text checked and every problem placed where it is, the tabs'
 * texts, the PyTorch zip, and a JSON edit as one undoable step of the real store.
 */
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkJsonText, type TextProblem } from '../../app/code/check-json-text.ts';
import { codeText } from '../../app/code/code-views.ts';
import { jsonLocations, locatePath } from '../../app/code/json-locations.ts';
import { pytorchProjectZip } from '../../app/code/pytorch-zip.ts';
import { openSample } from '../../app/samples/open-sample.ts';
import { nodeFileReader } from '../../engine/data/node-files.ts';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import { CATALOG } from '../../nodes/index.ts';
import { testEditor } from './test-editor.ts';

const sampleText = () => serializeGraph(openSample().doc);
const marked = (text: string, p: TextProblem) => text.slice(p.start, p.end);

describe('jsonLocations', () => {
  it('anchors scalars on their text, members on their key, array elements on their bracket', () => {
    const text = '{ "a": [ {"b": 12.5e1}, "x\\"y" ], "c": { "d e": null } }';
    const at = jsonLocations(text);
    const slice = (path: string) => {
      const r = locatePath(at, path)!;
      return text.slice(r.start, r.end);
    };
    expect(slice('$.a[0].b')).toBe('12.5e1');
    expect(slice('$.a[1]')).toBe('"x\\"y"');
    expect(slice('$.a')).toBe('"a"');
    expect(slice('$.a[0]')).toBe('{');
    expect(slice('$.c["d e"]')).toBe('null');
    // A path into something missing marks its nearest ancestor, never a sibling with a longer name.
    expect(slice('$.c.missing')).toBe('"c"');
    expect(slice('$.a[0].bb')).toBe('{');
  });
});

describe('checkJsonText', () => {
  it('accepts the canonical text as the same document', () => {
    const check = checkJsonText(sampleText(), CATALOG);
    expect(check.ok).toBe(true);
    if (check.ok) expect(serializeGraph(check.doc)).toBe(sampleText());
  });

  it('marks a syntax error at its line and column and gives no document', () => {
    const text = sampleText().replace('"name": "Digits CNN",', '"name": "Digits CNN",,');
    const check = checkJsonText(text, CATALOG);
    expect(check.ok).toBe(false);
    const line = text.slice(0, check.problems[0]!.start).split('\n').at(-1)!;
    expect(line).toBe('  "name": "Digits CNN",');
  });

  it('marks a schema problem on the offending value', () => {
    const text = sampleText().replace('"x": 340', '"x": "zero"');
    const check = checkJsonText(text, CATALOG);
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => [p.message, marked(text, p)])).toEqual([['$.nodes[1].position.x: Invalid input: expected number, received string', '"zero"']]);
  });

  it('gives the document and marks the analysis’ errors on the node’s param', () => {
    const text = sampleText().replace('"in_features": 128', '"in_features": 127');
    const check = checkJsonText(text, CATALOG);
    expect(check.ok).toBe(true);
    const error = check.problems.find((p) => p.severity === 'error');
    expect(error).toBeDefined();
    expect(marked(text, error!)).toMatch(/127|"fc1"|"in_features"/);
  });
});

describe('code views', () => {
  it('shows each tab’s text for the sample', () => {
    const doc = openSample().doc;
    expect(codeText('json', doc, CATALOG)).toBe(serializeGraph(doc));
    expect(codeText('typescript', doc, CATALOG)).toContain('.add("conv1", "conv2d"');
    const python = codeText('pytorch', doc, CATALOG);
    expect(python).toContain('# ---- model.py ----');
    expect(python).toContain('nn.Conv2d(');
    expect(python).toContain('# ---- train.py ----');
    expect(codeText('ir', doc, CATALOG)).toMatch(/= conv\(%0, %2\).*@"conv1"/);
  });

  it('says why a graph with errors cannot be exported', () => {
    const e = testEditor();
    e.store.getState().apply([{ type: 'setParam', node: 'fc1', param: 'in_features', value: 3 }]);
    expect(codeText('pytorch', e.doc(), CATALOG)).toMatch(/^# Cannot export this graph: the graph has errors/);
    expect(codeText('ir', e.doc(), CATALOG)).toMatch(/^# Cannot export this graph: /);
  });
});

describe('PyTorch project zip', () => {
  it('holds model.py, train.py, the dataset files and a README that says where the data comes from', async () => {
    const doc = openSample().doc;
    const files = unzipSync(await pytorchProjectZip(doc, CATALOG, { readFile: nodeFileReader() }));
    expect(Object.keys(files).sort()).toEqual(['README.md', 'data/digits/train_features.npy', 'data/digits/train_labels.npy', 'model.py', 'train.py']);
    expect(strFromU8(files['model.py']!)).toContain('class Model(nn.Module)');
    expect(strFromU8(files['README.md']!)).toContain('It reads the datasets (digits) from `data/<dataset>/`');
  });
});

describe('a JSON edit in the store', () => {
  it('is one undoable step; a typing burst coalesces', () => {
    const e = testEditor();
    const start = e.doc();
    for (const value of [1, 16]) {
      const check = checkJsonText(sampleText().replace('"out_channels": 8', `"out_channels": ${value}`), CATALOG);
      if (!check.ok) throw new Error('expected a valid document');
      e.store.getState().load(check.doc, 'Edit JSON', { coalesce: 'code-json' });
      e.tick(300);
    }
    expect(e.shape('conv1')).toMatch(/^\[N,16,/);
    expect(e.store.getState().history.past).toHaveLength(1);
    expect(e.store.getState().undo()).toBe(true);
    expect(e.doc()).toBe(start);
  });
});
