/**
 * The selected node's output for one sample, with the current weights: click a node on the canvas during or after
 * training, pick a split and a sample, and see each output port drawn by its shape (node-output-presentation.ts) —
 * a conv layer's feature maps, a vector's values, the class probabilities at the model's end. Asks the worker's
 * `node-output` probe again after every epoch, every second while training, and when the node or sample changes.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { HostTensor } from '../../../engine/backends/backend.ts';
import { formatShape } from '../../../engine/ir/shape.ts';
import { useEditor } from '../../state/editor-context.tsx';
import type { DataSummary } from '../protocol.ts';
import { useTraining } from '../training-context.tsx';
import { useProbe } from '../use-probe.ts';
import { classLabel } from './class-label.ts';
import { availableSplits, defaultSplit, splitSamples, type Split } from './default-split.ts';
import { formatAxisValue } from './histogram-draw.ts';
import { imageToRgba } from './image-rgba.ts';
import { drawBars, drawImage, drawProbabilities } from './node-output-draw.ts';
import { classScorePorts, finiteRange, presentationOf, softmax, type OutputPresentation } from './node-output-presentation.ts';
import { tileFeatureMaps, tileLayout } from './node-output-tiles.ts';
import { readThemeColours, useThemeName } from '../../theme/theme-colours.ts';

const LIVE_MS = 1000;
/** Canvases are laid out for this width; CSS shrinks them (keeping their pixels square) in a narrower drawer. */
const MAX_WIDTH = 560;
const BARS_HEIGHT = 90;
/** Input numbers listed for non-image data; a longer row ends in "…". */
const SHOWN_INPUT_VALUES = 16;

export function NodeOutputView() {
  const node = useEditor((s) => s.selection.nodes[0]);
  const analysis = useEditor((s) => s.analysis);
  const data = useTraining((s) => s.data);
  // Kept here, above the node's part, so the chosen sample stays while the user clicks from node to node.
  const [choice, setChoice] = useState<SampleChoice>({ split: undefined, sample: 0 });

  if (node === undefined) {
    return <p className="nl-train__empty" data-testid="node-output-empty">Select a node on the canvas to see its output for one sample.</p>;
  }
  const outputs = analysis.nodes.get(node)?.outputs ?? {};
  if (Object.keys(outputs).length === 0) {
    return (
      <p className="nl-train__empty" data-testid="node-output-empty">
        {node} computes no tensor to show (an optimizer updates weights; a node with errors has no output). Select a layer.
      </p>
    );
  }
  if (!data) {
    return <p className="nl-train__empty" data-testid="node-output-idle">Start training (or take a step) to see the output of {node} for a sample.</p>;
  }
  return <NodeOutput node={node} data={data} choice={choice} onChoose={setChoice} />;
}

interface SampleChoice {
  /** Undefined: the data's default split (held-out data first). */
  readonly split: Split | undefined;
  readonly sample: number;
}

function NodeOutput({ node, data, choice, onChoose }: { node: string; data: DataSummary; choice: SampleChoice; onChoose(choice: SampleChoice): void }) {
  const doc = useEditor((s) => s.doc);
  const catalog = useEditor((s) => s.catalog);
  // The data may change under a kept choice (a new run on other data): fall back to what this data has.
  const split = choice.split && availableSplits(data).includes(choice.split) ? choice.split : defaultSplit(data);
  const samples = splitSamples(data, split);
  const sample = Math.min(choice.sample, samples - 1);
  const { result, error } = useProbe({ kind: 'node-output', node, split, sample }, LIVE_MS);
  // Until the answer for this node and sample arrives, the previous one would be mislabelled: it is not shown.
  const output = result?.output.node === node && result.output.split === split && result.output.sample === sample ? result.output : undefined;
  const scorePorts = useMemo(() => classScorePorts(doc, catalog, node), [doc, catalog, node]);
  const kind = catalog.get(doc.nodes.find((n) => n.id === node)?.kind ?? '')?.label;

  return (
    <div className="nl-node-output" data-testid="node-output-view" data-node={node}>
      <div className="nl-node-output__bar">
        <strong className="nl-mono">{node}</strong>{kind && <span className="nl-node-output__kind"> {kind}</span>}
        <label>
          Split{' '}
          <select data-testid="node-output-split" value={split} onChange={(e) => onChoose({ split: e.target.value as Split, sample })}>
            {availableSplits(data).map((s) => <option key={s} value={s}>{s} ({splitSamples(data, s)})</option>)}
          </select>
        </label>
        <label>
          Sample{' '}
          <input
            type="number" data-testid="node-output-sample" min={0} max={samples - 1} step={1} value={sample}
            onChange={(e) => {
              const value = Math.round(Number(e.target.value));
              if (Number.isFinite(value)) onChoose({ split, sample: Math.max(0, Math.min(samples - 1, value)) });
            }}
          />
        </label>
        <span className="nl-node-output__kind">of {samples}</span>
      </div>
      {error && !output && <p className="nl-node-output__error" role="alert" data-testid="node-output-error">{error}</p>}
      {!output ? (
        !error && <p className="nl-train__empty">Computing the output of {node}…</p>
      ) : (
        <div className="nl-node-output__body">
          <SampleInput input={output.input} label={output.label} data={data} />
          {Object.entries(output.outputs).map(([port, tensor]) => (
            <PortOutput key={port} port={port} tensor={tensor} presentation={presentationOf(tensor.shape, scorePorts.has(port))} data={data} truth={classOf(output.label, data)} />
          ))}
        </div>
      )}
    </div>
  );
}

/** The label as a class index, when the data is classification with one class per sample. */
function classOf(label: HostTensor, data: DataSummary): number | undefined {
  return data.classes !== undefined && label.data.length === 1 ? label.data[0] : undefined;
}

function SampleInput({ input, label, data }: { input: HostTensor; label: HostTensor; data: DataSummary }) {
  const truth = classOf(label, data);
  const labelText = truth !== undefined ? classLabel(data, truth) : Array.from(label.data, (v) => formatAxisValue(v)).join(', ');
  return (
    <figure className="nl-node-output__input" data-testid="node-output-input">
      <figcaption>Input · label <strong data-testid="node-output-label">{labelText}</strong></figcaption>
      {data.image && input.data.length === data.image[0] * data.image[1] * data.image[2] ? (
        <InputImage input={input} image={data.image} />
      ) : (
        <p className="nl-mono nl-node-output__numbers">
          {Array.from(input.data.subarray(0, SHOWN_INPUT_VALUES), (v) => formatAxisValue(v)).join(', ')}
          {input.data.length > SHOWN_INPUT_VALUES && ', …'}
        </p>
      )}
    </figure>
  );
}

function InputImage({ input, image }: { input: HostTensor; image: readonly [number, number, number] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const [, height, width] = image;
    if (canvas.current) drawImage(canvas.current, imageToRgba(input.data, 0, image), width, height, tileLayout(1, height, width, MAX_WIDTH).scale);
  }, [input, image]);
  return <canvas ref={canvas} className="nl-node-output__pixels" role="img" aria-label={`input image ${image.join('×')}`} />;
}

interface PortProps {
  readonly port: string;
  readonly tensor: HostTensor;
  readonly presentation: OutputPresentation;
  readonly data: DataSummary;
  readonly truth: number | undefined;
}

function PortOutput(props: PortProps) {
  const { port, tensor, presentation } = props;
  const { min, max } = finiteRange(tensor.data);
  return (
    <figure className="nl-node-output__port">
      <figcaption>
        <span className="nl-mono">{port} {formatShape(tensor.shape)}</span>
        {presentation.kind !== 'scalar' && <span className="nl-node-output__kind"> · {formatAxisValue(min)} to {formatAxisValue(max)}</span>}
        {presentation.kind === 'feature-maps' && <span className="nl-node-output__kind"> · {presentation.channels} maps, each on its own scale</span>}
        {presentation.kind === 'probabilities' && <span className="nl-node-output__kind"> · softmax of the scores</span>}
      </figcaption>
      {presentation.kind === 'scalar' || presentation.kind === 'summary' ? (
        <output className="nl-mono" data-testid={`node-output-port-${port}`} data-shape={formatShape(tensor.shape)}>
          {presentation.kind === 'scalar' ? formatAxisValue(tensor.data[0]!) : `${tensor.data.length} values (not drawn for rank ${tensor.shape.length})`}
        </output>
      ) : (
        <PortCanvas {...props} />
      )}
    </figure>
  );
}

function PortCanvas({ port, tensor, presentation, data, truth }: PortProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const theme = useThemeName();
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    switch (presentation.kind) {
      case 'feature-maps':
      case 'heat-map': {
        // A heat map is the one-map grid of a matrix, scaled over its whole range.
        const [channels, height, width] = presentation.kind === 'feature-maps'
          ? [presentation.channels, presentation.height, presentation.width]
          : [1, presentation.rows, presentation.columns];
        const layout = tileLayout(channels, height, width, MAX_WIDTH);
        drawImage(element, tileFeatureMaps(tensor.data, channels, height, width, layout), layout.width, layout.height, layout.scale);
        return;
      }
      case 'probabilities':
        drawProbabilities(element, softmax(tensor.data), (k) => classLabel(data, k), truth, readThemeColours(element), Math.min(MAX_WIDTH, 420));
        return;
      case 'bars':
        drawBars(element, tensor.data, readThemeColours(element), MAX_WIDTH, BARS_HEIGHT);
        return;
    }
  }, [tensor, presentation, data, truth, theme]);
  const pixelated = presentation.kind === 'feature-maps' || presentation.kind === 'heat-map';
  return (
    <canvas
      ref={canvas} className={pixelated ? 'nl-node-output__pixels' : 'nl-node-output__chart'}
      data-testid={`node-output-port-${port}`} data-shape={formatShape(tensor.shape)} data-presentation={presentation.kind}
      role="img" aria-label={`${port} ${formatShape(tensor.shape)} as ${presentation.kind.replace('-', ' ')}`}
    />
  );
}
