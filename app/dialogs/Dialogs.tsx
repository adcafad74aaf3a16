/** The open dialog, if any (one at a time, from the UI store). */
import { DataDialog } from '../data/DataDialog.tsx';
import { useUi } from '../state/editor-context.tsx';
import { ConnectDialog } from './ConnectDialog.tsx';
import { FileErrorDialog } from './FileErrorDialog.tsx';
import { GroupDialog } from './GroupDialog.tsx';
import { QuickAdd } from './QuickAdd.tsx';
import { ShortcutSheet } from './ShortcutSheet.tsx';
import { TemplateGallery } from './TemplateGallery.tsx';

export function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  switch (dialog.type) {
    case 'none': return null;
    case 'quick-add': return <QuickAdd key={`${dialog.screen.x},${dialog.screen.y}`} dialog={dialog} />;
    case 'connect': return <ConnectDialog dialog={dialog} />;
    case 'shortcuts': return <ShortcutSheet />;
    case 'templates': return <TemplateGallery />;
    case 'group': return <GroupDialog dialog={dialog} />;
    case 'file-error': return <FileErrorDialog dialog={dialog} />;
    case 'data': return <DataDialog node={dialog.node} />;
  }
}
