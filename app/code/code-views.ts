/**
 * The code panel's tabs and what each shows for a document: its canonical JSON, the TypeScript module, the PyTorch
 * project's Python files, or the printed IR of the lowered program. A graph an exporter cannot express (errors, no
 * result) shows the exporter's reason as a comment instead.
 */
import { lowerGraph } from '../../engine/compile/lower-graph.ts';
import type { Catalog } from '../../engine/compile/node-kind.ts';
import { ExportError, exportJson, exportPytorch, exportTypeScript } from '../../engine/export/index.ts';
import type { GraphDocument } from '../../engine/graph/types.ts';
import { printProgram } from '../../engine/ir/print.ts';

export const CODE_TABS = ['json', 'typescript', 'pytorch', 'ir'] as const;
export type CodeTab = (typeof CODE_TABS)[number];

export const CODE_TAB_INFO: Record<CodeTab, { readonly title: string; readonly language: string; readonly fileName: string; readonly comment: string }> = {
  json: { title: 'JSON', language: 'json', fileName: 'graph.netloom.json', comment: '//' },
  typescript: { title: 'TypeScript', language: 'typescript', fileName: 'model.ts', comment: '//' },
  pytorch: { title: 'PyTorch', language: 'python', fileName: 'model.py', comment: '#' },
  ir: { title: 'IR', language: 'plaintext', fileName: 'graph.ir.txt', comment: '#' },
};

export function codeText(tab: CodeTab, doc: GraphDocument, catalog: Catalog): string {
  try {
    return render(tab, doc, catalog);
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    return `${CODE_TAB_INFO[tab].comment} Cannot export this graph: ${error.message.replaceAll('\n', ' ')}\n`;
  }
}

function render(tab: CodeTab, doc: GraphDocument, catalog: Catalog): string {
  switch (tab) {
    case 'json':
      return exportJson(doc);
    case 'typescript':
      return exportTypeScript(doc);
    case 'pytorch':
      // model.py first, then train.py when there is one, each under its file name.
      return [...exportPytorch(doc, catalog).files].map(([name, text]) => `# ---- ${name} ----\n${text}`).join('\n');
    case 'ir': {
      const lowered = lowerGraph(doc, catalog);
      if (lowered.ok) return printProgram(lowered.program);
      throw new ExportError(lowered.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message).join('; '));
    }
  }
}
