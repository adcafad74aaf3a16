/** Reading graph files: good ones open, bad ones report a JSON path and reason, big ones are refused unread. */
import { describe, expect, it } from 'vitest';
import { serializeGraph } from '../../engine/graph/serialize.ts';
import { LIMITS } from '../../engine/graph/types.ts';
import { graphFileName, readGraphFile } from '../../app/files/graph-file.ts';
import { templateDoc } from './test-editor.ts';

describe('graph files', () => {
  it('opens a saved graph exactly', async () => {
    const doc = templateDoc('lenet-fashion');
    expect(await readGraphFile(new Blob([serializeGraph(doc)]))).toEqual({ ok: true, doc });
    expect(graphFileName(doc)).toBe('lenet-on-fashion-mnist.netloom.json');
    expect(graphFileName({ ...doc, name: '<img src=x>' })).toBe('img-src-x.netloom.json');
  });

  it('reports syntax errors with line and column, schema errors with their path', async () => {
    const bad = await readGraphFile(new Blob(['{"format": "netloom.graph",\n "version": 2,,}']));
    expect(bad).toEqual({ ok: false, errors: [{ path: '$', message: expect.stringMatching(/^invalid JSON at line 2, column 15/) }] });
    const text = serializeGraph(templateDoc('logreg-iris')).replace('"in_features": 4', '"in_features": {"n": 4}');
    const invalid = await readGraphFile(new Blob([text]));
    expect(!invalid.ok && invalid.errors[0]!.path).toBe('$.nodes[1].params.in_features');
  });

  it('refuses a file over the size limit without reading it', async () => {
    const huge = new Blob([new Uint8Array(LIMITS.maxBytes + 1)]);
    const result = await readGraphFile(huge);
    expect(!result.ok && result.errors[0]!.message).toMatch(/^the file is 5\.0 MiB; netloom reads graphs up to 5 MiB/);
  });
});
