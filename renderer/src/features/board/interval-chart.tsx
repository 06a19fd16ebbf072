import { memo, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { QueueFigures } from '../../../../shared/board.js';
import { CHART_SERIES, seriesColourVariable } from './chart-series.js';
import { type ChartWindow, hourTicks } from './chart-window.js';

function toData(intervals: QueueFigures['intervals']): uPlot.AlignedData {
  return [intervals.map((i) => Date.parse(i.start) / 1_000), ...CHART_SERIES.map((key) => intervals.map((i) => i[key]))];
}

interface Props {
  intervals: QueueFigures['intervals'];
  /** The hours the axis spans (chart-window.ts). */
  span: ChartWindow;
  label: string;
  /** An instant as the board's language and zone write the time of day. */
  formatTime(iso: string): string;
}

/** Offered, answered and abandoned per 15 minutes around the current hour; drawn once, then only given new data. */
export const IntervalChart = memo(function IntervalChart({ intervals, span, label, formatTime }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  // The chart is built once; its axis reads the formatter and the span of the latest render.
  const latest = useRef({ formatTime, span });
  useEffect(() => {
    latest.current = { formatTime, span };
  });

  useEffect(() => {
    const element = box.current!;
    const style = getComputedStyle(element);
    const axis = { stroke: style.getPropertyValue('--chart-axis'), grid: { stroke: style.getPropertyValue('--chart-grid') }, font: '12px sans-serif' };
    chart.current = new uPlot(
      {
        width: element.clientWidth || 300,
        height: 110,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: true, range: () => [latest.current.span.from / 1_000, latest.current.span.to / 1_000] } },
        axes: [
          // uPlot's own time labels are English ("10am"): the board's language writes them instead, one per hour.
          {
            ...axis,
            size: 26,
            splits: () => hourTicks(latest.current.span).map((ms) => ms / 1_000),
            values: (_u, splits) => splits.map((s) => latest.current.formatTime(new Date(s * 1_000).toISOString())),
          },
          { ...axis, size: 32 },
        ],
        series: [
          {},
          ...CHART_SERIES.map((key) => ({ label: key, stroke: style.getPropertyValue(seriesColourVariable(key)), width: 2, paths: uPlot.paths.stepped!({ align: 1 }) })),
        ],
      },
      toData([]),
      element,
    );
    return () => chart.current?.destroy();
  }, []);

  useEffect(() => {
    chart.current?.setData(toData(intervals));
  }, [intervals, span.from, span.to]);

  return <div ref={box} className="interval-chart" role="img" aria-label={label} />;
});
