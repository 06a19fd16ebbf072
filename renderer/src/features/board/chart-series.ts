/** The three lines of a queue's chart, in the order the legend lists them; colours are the theme's (board.css). */
export const CHART_SERIES = ['offered', 'answered', 'abandoned'] as const;
export type ChartSeries = (typeof CHART_SERIES)[number];

/** The CSS variable that holds each line's colour, light or dark. */
const COLOUR_VARIABLES: Record<ChartSeries, string> = { offered: '--series-offered', answered: '--series-answered', abandoned: '--series-abandoned' };

export const seriesColourVariable = (series: ChartSeries) => COLOUR_VARIABLES[series];
