/**
 * What the model does over its input space, live while it trains: for 2-D classification data the decision
 * boundary (class colours mixed by probability over a grid, the training points on top), for 1-D regression the
 * fitted curve over the data points. Drawn on one canvas each, redrawn whole per probe answer, as big as the
 * drawer's view leaves room for (plot-size.ts).
 */
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import type { DecisionGrid, FittedCurve } from '../../../engine/train/probes.ts';
import type { PointsResult } from '../protocol.ts';
import { useTraining } from '../training-context.tsx';
import { useProbe } from '../use-probe.ts';
import { boundaryMode, NO_CURVE_REASON, NO_GRID_REASON } from './boundary-mode.ts';
import { categoryColour } from './category-colours.ts';
import { classLabel } from './class-label.ts';
import { decisionGridRgba, gridCellAt } from './decision-colours.ts';
import { drawAxes, drawHeatMap, drawLine, drawPoints, plotFrame, prepareCanvas } from './draw-plot.ts';
import { column, paddedRange, toDataX, toDataY, type PlotFrame } from './plot-scale.ts';
import { readThemeColours, useThemeName } from '../../theme/theme-colours.ts';
import { usePlotSize, type PlotSize } from './plot-size.ts';
import { useRunProbe } from './use-run-probe.ts';

/** Cells per side of the decision grid: 3,600 model evaluations, a smooth map once stretched. */
const RESOLUTION = 60;
/** Refresh period while training: often enough to watch the boundary move, rare enough to leave the steps alone. */
const LIVE_MS = 300;
/** Points drawn over the map: enough to show the data's shape. */
const MAX_POINTS = 1000;

export function BoundaryView() {
  const data = useTraining((s) => s.data);
  const hasRun = useTraining((s) => s.runs.length > 0);
  const mode = data && hasRun ? boundaryMode(data) : undefined;
  const grid = useProbe(mode?.kind === 'decision-grid' ? { kind: 'decision-grid', resolution: RESOLUTION } : undefined, LIVE_MS);
  const curve = useProbe(mode?.kind === 'fitted-curve' ? { kind: 'fitted-curve' } : undefined, LIVE_MS);
  const points = useRunProbe(mode && mode.kind !== 'none' ? { kind: 'points', max: MAX_POINTS } : undefined);
  const [container, size] = usePlotSize(mode?.kind === 'fitted-curve' ? 'wide' : 'square');

  if (!mode) return <p className="nl-training-view__empty">Start training to see the decision boundary (2-D points) or the fitted curve (1-D regression).</p>;
  if (mode.kind === 'none') return <p className="nl-training-view__empty" data-testid="boundary-view">{mode.reason}</p>;
  const error = (mode.kind === 'decision-grid' ? grid.error : curve.error) ?? points.error;
  return (
    <div className="nl-boundary" data-testid="boundary-view" ref={container}>
      {error && <p className="nl-training-view__error" role="alert">{error}</p>}
      {mode.kind === 'decision-grid' ? (
        grid.result && !grid.result.grid ? <p className="nl-training-view__empty">{NO_GRID_REASON}</p> : <BoundaryCanvas grid={grid.result?.grid} points={points.result?.points} size={size} />
      ) : curve.result && !curve.result.curve ? (
        <p className="nl-training-view__empty">{NO_CURVE_REASON}</p>
      ) : (
        <CurveCanvas curve={curve.result?.curve} points={points.result?.points} size={size} />
      )}
    </div>
  );
}

function BoundaryCanvas({ grid, points, size }: { grid: DecisionGrid | undefined; points: PointsResult | undefined; size: PlotSize }) {
  const data = useTraining((s) => s.data);
  const theme = useThemeName();
  const canvas = useRef<HTMLCanvasElement>(null);
  const scratch = useRef<HTMLCanvasElement | null>(null);
  const frame = useRef<PlotFrame | undefined>(undefined);
  const drawn = useRef<{ grid: DecisionGrid | undefined; count: number }>({ grid: undefined, count: 0 });
  const [hover, setHover] = useState<string | undefined>(undefined);

  useEffect(() => {
    const element = canvas.current!;
    if (!grid) return;
    const colours = readThemeColours(element);
    const ctx = prepareCanvas(element, size.width, size.height);
    const f = plotFrame(size.width, size.height, grid.x, grid.y);
    frame.current = f;
    scratch.current ??= document.createElement('canvas');
    drawHeatMap(ctx, f, new ImageData(decisionGridRgba(grid), grid.resolution, grid.resolution), scratch.current);
    if (points) {
      const xy = points.features.data, labels = points.labels.data;
      drawPoints(ctx, f, column(xy, 0, 2), column(xy, 1, 2), (i) => categoryColour(labels[i]!), colours.panel);
    }
    drawAxes(ctx, f, colours);
    if (drawn.current.grid !== grid) drawn.current = { grid, count: drawn.current.count + 1 };
    // Set here, not rendered: a drawn grid is not React state, and e2e waits on the count.
    element.dataset['updates'] = String(drawn.current.count);
  }, [grid, points, theme, size]);

  const onMove = (event: MouseEvent<HTMLCanvasElement>) => {
    const f = frame.current;
    if (!grid || !f) return;
    const box = event.currentTarget.getBoundingClientRect();
    const x = toDataX(f, event.clientX - box.left), y = toDataY(f, event.clientY - box.top);
    const cell = gridCellAt(grid, x, y);
    setHover(cell ? `(${x.toFixed(2)}, ${y.toFixed(2)}): ${classLabel(data, cell.predicted)} ${(cell.probability * 100).toFixed(0)}%` : undefined);
  };

  return (
    <figure className="nl-boundary__figure">
      <canvas ref={canvas} className="nl-boundary__canvas" data-testid="boundary-canvas" data-updates="0" style={{ width: size.width, height: size.height }}
        onMouseMove={onMove} onMouseLeave={() => setHover(undefined)} aria-label="Decision boundary: predicted class over the input plane, with the training points" role="img" />
      <figcaption className="nl-boundary__caption">
        {grid ? (
          <>
            <ClassKey classes={grid.classes} />
            <span className="nl-boundary__hover">{hover ?? 'Hover the map for the predicted class and its probability.'}</span>
          </>
        ) : (
          'Asking the model for its decision boundary…'
        )}
      </figcaption>
    </figure>
  );
}

function ClassKey({ classes }: { classes: number }) {
  const data = useTraining((s) => s.data);
  return (
    <span className="nl-boundary__key">
      {Array.from({ length: classes }, (_, k) => (
        <span key={k} className="nl-boundary__key-item">
          <span className="nl-swatch" style={{ background: categoryColour(k) }} />
          {classLabel(data, k)}
        </span>
      ))}
    </span>
  );
}

function CurveCanvas({ curve, points, size }: { curve: FittedCurve | undefined; points: PointsResult | undefined; size: PlotSize }) {
  const theme = useThemeName();
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const element = canvas.current!;
    if (!curve) return;
    const colours = readThemeColours(element);
    const ctx = prepareCanvas(element, size.width, size.height);
    const x = { min: curve.x[0]!, max: curve.x[curve.x.length - 1]! };
    const y = paddedRange([...curve.y, ...(points ? points.labels.data : [])], 0.08) ?? { min: -1, max: 1 };
    const f = plotFrame(size.width, size.height, x, y);
    if (points) drawPoints(ctx, f, points.features.data, points.labels.data, () => colours.accent, colours.panel);
    drawLine(ctx, f, curve.x, curve.y, categoryColour(1));
    drawAxes(ctx, f, colours);
  }, [curve, points, theme, size]);

  return (
    <figure className="nl-boundary__figure">
      <canvas ref={canvas} className="nl-boundary__canvas" data-testid="curve-canvas" data-curve-points={curve?.x.length ?? 0} style={{ width: size.width, height: size.height }}
        aria-label="Fitted curve: the model's output over the input range, with the training points" role="img" />
      <figcaption className="nl-boundary__caption">
        {curve ? (
          <span className="nl-boundary__key">
            <span className="nl-boundary__key-item"><span className="nl-swatch nl-swatch--line" style={{ background: categoryColour(1) }} />model</span>
            <span className="nl-boundary__key-item"><span className="nl-swatch nl-swatch--accent" />training data</span>
          </span>
        ) : (
          'Asking the model for its curve…'
        )}
      </figcaption>
    </figure>
  );
}
