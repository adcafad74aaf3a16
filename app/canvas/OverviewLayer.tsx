/**
 * The whole graph seen from far away (use-far-zoom.ts), drawn on one canvas instead of a thousand DOM nodes and SVG
 * edges: Chromium then rasterises one bitmap per frame, not every node at every zoom step. It sits under React
 * Flow's renderer and lets pointer events through to the pane; the DOM nodes stay mounted, unpainted (styles.css),
 * a click on a drawn node selects it (use-overview-hit.ts) and a drag moves it (use-overview-drag.ts). Redrawn once
 * per frame after any change of React Flow's store (viewport, nodes, edges, sizes, the positions of dragged nodes).
 * For the keyboard and screen readers it comes with a hidden list of the nodes (OverviewNodeList.tsx); the node whose
 * button has focus is ringed on the canvas, and the canvas names it in data-focused-node once drawn.
 */
import { useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { TrainingContext } from '../training/training-context.tsx';
import { useThemeName } from '../theme/theme-colours.ts';
import type { FlowEdge, FlowNode } from './flow-model.ts';
import { drawOverview, readOverviewPalette } from './overview-draw.ts';
import { buildScene } from './overview-scene.ts';
import { OverviewNodeList } from './OverviewNodeList.tsx';

const noRun = () => () => {};

/** The node a failed training run is pinned on, if any (outside a TrainingProvider there is no run). */
function useRunErrorNode(): string | undefined {
  const training = useContext(TrainingContext);
  return useSyncExternalStore(training?.subscribe ?? noRun, () => training?.getState().error?.node);
}

const nodeCount = (s: ReactFlowState) => s.nodes.length;

/** `nodes`: the canvas's derived nodes (flow-model.ts), for the node list; the drawing reads React Flow's store. */
export function OverviewLayer({ nodes }: { nodes: readonly FlowNode[] }) {
  const store = useStoreApi<FlowNode, FlowEdge>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const theme = useThemeName();
  const runErrorNode = useRunErrorNode();
  const count = useStore(nodeCount);
  const [focused, setFocused] = useState<string>();

  useEffect(() => {
    const canvas = canvasRef.current!;
    const ctx = canvas.getContext('2d')!;
    // Read once per theme: the effect runs again when the theme changes.
    const palette = readOverviewPalette(canvas);
    let frame = 0;
    const draw = () => {
      frame = 0;
      const { width, height, transform, nodeLookup, edges } = store.getState();
      const pixelRatio = window.devicePixelRatio || 1;
      const w = Math.round(width * pixelRatio), h = Math.round(height * pixelRatio);
      // Resizing clears the bitmap, so only when the pane's size changed.
      if (canvas.width !== w || canvas.height !== h) Object.assign(canvas, { width: w, height: h });
      const ringed = drawOverview(ctx, buildScene(nodeLookup.values(), edges, runErrorNode), { transform, width, height, pixelRatio }, palette, focused);
      // Written here, not rendered: it says what the last frame drew (nothing for a focused node out of view).
      if (ringed === undefined) delete canvas.dataset.focusedNode;
      else canvas.dataset.focusedNode = ringed;
    };
    const schedule = () => { frame ||= requestAnimationFrame(draw); };
    schedule();
    const unsubscribe = store.subscribe(schedule);
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, theme, runErrorNode, focused]);

  return (
    <>
      <canvas ref={canvasRef} className="nl-overview" data-testid="overview" role="img" aria-label={`Overview of ${count} nodes: zoom in to read and edit them`} />
      <OverviewNodeList nodes={nodes} onFocusNode={setFocused} />
    </>
  );
}
