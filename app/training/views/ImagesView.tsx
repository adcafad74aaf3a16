/**
 * The first images of a split with the model's prediction under each, refreshed after every epoch: wrong ones get
 * a red border and their true label; hovering shows the confidence. Each image is its own small canvas (48 of
 * them), scaled up without smoothing so the pixels stay visible.
 */
import { useEffect, useRef } from 'react';
import type { DataSummary, PredictionsResult } from '../protocol.ts';
import { useTraining } from '../training-context.tsx';
import { useProbe } from '../use-probe.ts';
import { classLabel } from './class-label.ts';
import { imageToRgba } from './image-rgba.ts';
import { SplitSelect } from './SplitSelect.tsx';
import { useChosenSplit } from './use-chosen-split.ts';

const COUNT = 48;
/** Shown size of each image, whatever its pixel size (28×28 digits and 32×32 colour images alike). */
const CELL_PX = 64;

export function ImagesView() {
  const data = useTraining((s) => s.data);
  const hasRun = useTraining((s) => s.runs.length > 0);
  const [split, setSplit] = useChosenSplit(data);
  const { result, error } = useProbe(data?.image && hasRun && split ? { kind: 'predictions', split, count: COUNT } : undefined);

  if (!data || !hasRun || !split) return <p className="nl-training-view__empty">Start training to see images with the model’s predictions.</p>;
  if (!data.image) {
    return (
      <p className="nl-training-view__empty" data-testid="images-view">
        {`The image grid needs image data ([channels, height, width] per sample); this data’s samples have the shape [${data.featureShape.join(', ')}].`}
      </p>
    );
  }
  const predictions = result?.predictions;
  const wrong = predictions ? predictions.predicted.filter((p, i) => p !== predictions.truth[i]).length : 0;
  return (
    <div className="nl-images" data-testid="images-view">
      <div className="nl-training-view__bar">
        <SplitSelect data={data} value={split} onChange={setSplit} testId="images-split" />
        {predictions && <span>{`${wrong} of ${predictions.predicted.length} wrong (red border, true label in red)`}</span>}
      </div>
      {error && <p className="nl-training-view__error" role="alert">{error}</p>}
      {result && !predictions && <p className="nl-training-view__empty">The predictions need a classification loss that reads class scores (cross-entropy or NLL).</p>}
      {!result && !error && <p className="nl-training-view__empty">Asking the model about the first {COUNT} {split} images…</p>}
      {predictions && (
        <ol className="nl-images__grid">
          {Array.from(predictions.predicted, (_, i) => <ImageCell key={i} index={i} predictions={predictions} data={data} image={data.image!} />)}
        </ol>
      )}
    </div>
  );
}

function ImageCell({ index, predictions, data, image }: { index: number; predictions: PredictionsResult; data: DataSummary; image: readonly [number, number, number] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [, height, width] = image;
  const predicted = predictions.predicted[index]!, truth = predictions.truth[index]!;
  const correct = predicted === truth;
  const confidence = `${(predictions.confidence[index]! * 100).toFixed(1)}%`;

  useEffect(() => {
    const size = image[0] * height * width;
    canvas.current!.getContext('2d')!.putImageData(new ImageData(imageToRgba(predictions.features.data, index * size, image), width, height), 0, 0);
  }, [predictions, index, image, height, width]);

  return (
    <li className={`nl-images__cell${correct ? '' : ' nl-images__cell--wrong'}`} data-testid={`image-cell-${index}`} data-correct={String(correct)}
      title={`Predicted ${classLabel(data, predicted)} with ${confidence} confidence; true class ${classLabel(data, truth)}`}>
      <canvas ref={canvas} width={width} height={height} className="nl-images__canvas" style={{ width: CELL_PX, height: (CELL_PX * height) / width }} />
      <span className="nl-images__predicted">{classLabel(data, predicted)}</span>
      {!correct && <span className="nl-images__truth">true: {classLabel(data, truth)}</span>}
    </li>
  );
}
