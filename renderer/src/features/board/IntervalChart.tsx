import { memo, useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { QueueFigures } from '../../../../shared/board.js';

const SERIES = [
  { key: 'offered', colour: '#3b6fd4' },
  { key: 'answered', colour: '#1f8a4c' },
  { key: 'abandoned', colour: '#c0392b' },
] as const;

function toData(intervals: QueueFigures['intervals']): uPlot.AlignedData {
  return [intervals.map((i) => Date.parse(i.start) / 1_000), ...SERIES.map(({ key }) => intervals.map((i) => i[key]))];
}

interface Props {
  intervals: QueueFigures['intervals'];
  label: string;
  /** An instant as the board's language and zone write the time of day. */
  formatTime(iso: string): string;
}

/** Offered, answered and abandoned per 15 minutes today; drawn once, then only given new data. */
export const IntervalChart = memo(function IntervalChart({ intervals, label, formatTime }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  // The chart is built once; its axis reads the formatter of the latest render.
  const timeLabel = useRef(formatTime);
  useEffect(() => {
    timeLabel.current = formatTime;
  });

  useEffect(() => {
    const element = box.current!;
    chart.current = new uPlot(
      {
        width: element.clientWidth || 300,
        height: 110,
        legend: { show: false },
        cursor: { show: false },
        // The whole day so far, so one interval is a step on today's axis rather than a lone point.
        scales: {
          x: {
            time: true,
            range: (_u, min) => {
              const midnight = Date.parse(new Date().toISOString().slice(0, 10)) / 1_000;
              const end = Math.ceil(Date.now() / 900_000) * 900;
              return [Math.min(min ?? midnight, midnight), end];
            },
          },
        },
        axes: [
          // uPlot's own time labels are English ("10am"): the board's language writes them instead.
          { stroke: '#9aa5b1', size: 24, font: '11px sans-serif', values: (_u, splits) => splits.map((s) => timeLabel.current(new Date(s * 1_000).toISOString())) },
          { stroke: '#9aa5b1', size: 30, font: '11px sans-serif' },
        ],
        series: [{}, ...SERIES.map(({ key, colour }) => ({ label: key, stroke: colour, width: 2, paths: uPlot.paths.stepped!({ align: 1 }) }))],
      },
      toData([]),
      element,
    );
    return () => chart.current?.destroy();
  }, []);

  useEffect(() => {
    chart.current?.setData(toData(intervals));
  }, [intervals]);

  return <div ref={box} className="interval-chart" role="img" aria-label={label} />;
});
