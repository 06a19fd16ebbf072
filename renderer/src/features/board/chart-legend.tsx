import { useTranslation } from 'react-i18next';
import { CHART_SERIES, seriesColourVariable } from './chart-series.js';

/** What the chart's lines are: one legend for every tile, above them. */
export function ChartLegend() {
  const { t } = useTranslation();
  return (
    <ul className="chart-legend" aria-label={t('board.legend')}>
      {CHART_SERIES.map((series) => (
        <li key={series}>
          <span className="swatch" style={{ background: `var(${seriesColourVariable(series)})` }} aria-hidden="true" />
          {t(`board.${series}`)}
        </li>
      ))}
    </ul>
  );
}
