/**
 * The stretch of the day each queue's chart shows: the hours just gone and the current
 * one, so the interval being counted now sits at the right of the axis and a supervisor
 * reads "how is this hour going" at a glance, rather than the whole day squeezed into a tile.
 */
const CHART_HOURS_BEFORE = 3;
const HOUR_MS = 3_600_000;

export interface ChartWindow {
  /** Epoch ms of the first hour shown. */
  from: number;
  /** Epoch ms of the end of the current hour. */
  to: number;
}

export function chartWindow(now: number): ChartWindow {
  const hour = Math.floor(now / HOUR_MS) * HOUR_MS;
  return { from: hour - CHART_HOURS_BEFORE * HOUR_MS, to: hour + HOUR_MS };
}

/** A tick at every hour of the window, its ends included. */
export function hourTicks({ from, to }: ChartWindow): number[] {
  const ticks: number[] = [];
  for (let at = from; at <= to; at += HOUR_MS) ticks.push(at);
  return ticks;
}
