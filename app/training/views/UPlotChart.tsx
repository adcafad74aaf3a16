/**
 * One uPlot chart, owning the instance: created on mount and again only when its series, scale, format or the theme
 * change; resized with its container (ResizeObserver); destroyed on unmount. New data goes to the existing
 * instance with setData, at most once per animation frame, so a run that reports many times a second redraws at
 * the screen's rate, never faster, and never rebuilds the chart.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { seriesKey, type ChartData } from './chart-series.ts';
import { readThemeColours, useThemeName, type ThemeColours } from '../../theme/theme-colours.ts';

export type ValueFormat = 'number' | 'percent';

export interface UPlotChartProps {
  readonly data: ChartData;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly scale?: 'linear' | 'log';
  readonly format?: ValueFormat;
  /** Plot height in CSS pixels (the legend comes below it). */
  readonly height?: number;
}

/** Steps and epochs are counts: their axis ticks stay on whole numbers (1, 2, 5 × 10ⁿ). */
const WHOLE_NUMBER_STEPS = Array.from({ length: 8 }, (_, power) => [1, 2, 5].map((m) => m * 10 ** power)).flat();

const formatValue = (value: number, format: ValueFormat): string =>
  format === 'percent' ? `${(value * 100).toFixed(1)}%` : Number(value.toPrecision(4)).toString();

function chartOptions(props: Required<Omit<UPlotChartProps, 'data'>>, data: ChartData, colours: ThemeColours, width: number): uPlot.Options {
  const { xLabel, yLabel, scale, format, height } = props;
  const axis = (label: string): uPlot.Axis => ({
    label, stroke: colours.muted, grid: { stroke: colours.border, width: 1 }, ticks: { stroke: colours.border, width: 1 },
  });
  return {
    width, height,
    scales: { x: { time: false }, y: scale === 'log' ? { distr: 3, log: 10 } : {} },
    axes: [
      { ...axis(xLabel), incrs: WHOLE_NUMBER_STEPS },
      { ...axis(yLabel), ...(format === 'percent' ? { values: (_u: uPlot, ticks: number[]) => ticks.map((t) => `${Number((t * 100).toFixed(1))}%`) } : {}) },
    ],
    series: [
      // x values of the step chart are bucket means (fractional): the legend shows the nearest whole number.
      { label: xLabel, value: (_u, v) => (v == null ? '–' : String(Math.round(v))) },
      ...data.series.map((s): uPlot.Series => ({
        label: s.label, stroke: s.colour, width: 1.5, ...(s.dash ? { dash: [...s.dash] } : {}),
        value: (_u, v) => (v == null ? '–' : formatValue(v, format)),
      })),
    ],
    cursor: { drag: { x: true, y: false } },
    legend: { live: true },
  };
}

export function UPlotChart({ data, xLabel, yLabel, scale = 'linear', format = 'number', height = 180 }: UPlotChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef(data);
  const frame = useRef(0);
  const theme = useThemeName();
  const structure = seriesKey(data.series);

  // Declared before the creating effect, so a chart rebuilt in the same commit starts from this data.
  useEffect(() => {
    latest.current = data;
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      chart.current?.setData(latest.current.columns);
    });
  }, [data]);

  useEffect(() => {
    const element = container.current!;
    const width = Math.max(100, Math.floor(element.clientWidth));
    const plot = new uPlot(chartOptions({ xLabel, yLabel, scale, format, height }, latest.current, readThemeColours(element), width), latest.current.columns, element);
    chart.current = plot;
    const observer = new ResizeObserver(([entry]) => {
      const next = Math.floor(entry!.contentRect.width);
      if (next > 0 && next !== plot.width) plot.setSize({ width: next, height });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      plot.destroy();
      chart.current = null;
    };
    // `structure` stands for data.series: the chart is rebuilt when the series change, not when their values do.
  }, [structure, xLabel, yLabel, scale, format, height, theme]);

  useEffect(() => () => {
    cancelAnimationFrame(frame.current);
    frame.current = 0;
  }, []);

  return <div ref={container} className="nl-chart__plot" />;
}
