/** The templates gallery: opening one replaces the graph as one undoable step (Ctrl/⌘+Z brings the old one back). */
import { useReactFlow } from '@xyflow/react';
import { useEditorApi, useUiApi } from '../state/editor-context.tsx';
import { openTemplate, TEMPLATES } from '../templates/templates.ts';
import { Modal } from './Modal.tsx';

export function TemplateGallery() {
  const api = useEditorApi();
  const ui = useUiApi();
  const flow = useReactFlow();
  const open = (index: number) => {
    const template = TEMPLATES[index]!;
    const parsed = openTemplate(template);
    if (!parsed.ok) {
      ui.getState().open({ type: 'file-error', file: template.title, errors: parsed.errors });
      return;
    }
    api.getState().load(parsed.graph, `Open template ${template.title}`);
    ui.getState().close();
    requestAnimationFrame(() => void flow.fitView({ padding: 0.15, maxZoom: 1 }));
  };
  return (
    <Modal title="Start from a template" testId="templates" wide>
      <ul className="nl-templates">
        {TEMPLATES.map((t, i) => (
          <li key={t.id}>
            <button type="button" className="nl-templates__item" data-testid={`template-${t.id}`} onClick={() => open(i)}>
              <strong>{t.title}</strong>
              <span>{t.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
