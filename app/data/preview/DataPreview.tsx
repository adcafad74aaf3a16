/** A dataset's preview (points, images or rows, whichever suits it) and the shapes it feeds into the graph. */
import { classesOf } from '../local-dataset.ts';
import { ImageGridPreview } from './ImageGridPreview.tsx';
import { PointsPreview } from './PointsPreview.tsx';
import { batchShape, previewView, type PreviewInput } from './preview-input.ts';
import { RowsPreview } from './RowsPreview.tsx';

export function DataPreview({ input, description }: { input: PreviewInput; description?: string }) {
  const view = previewView(input);
  const samples = input.features.shape[0]!;
  const classes = input.task === 'classification' ? classesOf([input.labels.data], input.classNames) : undefined;
  return (
    <div className="nl-data-preview" data-testid="data-preview" data-view={view.kind}>
      {view.kind === 'points' && <PointsPreview input={input} />}
      {view.kind === 'images' && <ImageGridPreview input={input} image={view.image} />}
      {view.kind === 'rows' && <RowsPreview input={input} />}
      <p className="nl-data-preview__shapes" data-testid="data-shapes">
        features <code>{batchShape(input.features)}</code> {input.features.dtype} · labels <code>{batchShape(input.labels)}</code> {input.labels.dtype}
      </p>
      <p className="nl-data-preview__facts">
        {[`${samples} samples`, input.task, classes === undefined ? undefined : `${classes} classes`, description].filter(Boolean).join(' · ')}
      </p>
    </div>
  );
}
