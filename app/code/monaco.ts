/**
 * Monaco from the bundle (no CDN): the editor core, its features, JSON with its language worker, and TypeScript and
 * Python highlighting. Only the code panel imports this file, and the panel is loaded lazily, so the editor's
 * first paint does not wait for Monaco. Its workers are Vite worker chunks from the app's own origin, which the
 * Content-Security-Policy allows (worker-src 'self').
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/languages/definitions/typescript/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import graphSchema from '../../engine/graph/netloom.graph.schema.json';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};

/** The JSON tab's model; the schema applies to it alone. */
export const GRAPH_MODEL_URI = monaco.Uri.parse('netloom://graph/graph.netloom.json');

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  // The schema is bundled; nothing is fetched.
  enableSchemaRequest: false,
  schemas: [{ uri: 'netloom://schema/netloom.graph.schema.json', fileMatch: [GRAPH_MODEL_URI.toString()], schema: graphSchema }],
});

export { monaco };
