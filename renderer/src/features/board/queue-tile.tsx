import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFigures } from '../../../../shared/board.js';
import { labelIn } from '../../../../shared/i18n/localised-label.js';
import { useBoardFormats, useBoardLocale } from './board-language.js';
import { chartWindow } from './chart-window.js';
import { IntervalChart } from './interval-chart.js';
import { longestWaitSeconds, queueLevels } from './levels.js';

type FigureKey = 'waiting' | 'longestWait' | 'serviceLevel' | 'offered' | 'answered' | 'abandoned' | 'asa' | 'aht';

/** A figure not known yet (no call today): a dash, in every language. */
const NONE = '—';
const clock = (total: number) => `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;

export const QueueTile = memo(function QueueTile({ queue, now }: { queue: QueueFigures; now: number }) {
  const { t } = useTranslation();
  const format = useBoardFormats();
  const levels = queueLevels(queue, now);
  const span = chartWindow(now);
  const { serviceLevelSeconds } = queue.settings;
  const name = labelIn(queue.settings.label ?? queue.settings.name, useBoardLocale());
  const seconds = (value: number | null) => (value === null ? NONE : format.seconds(Math.round(value)));
  const figure = (key: FigureKey, value: string, level: string = 'ok') => (
    <div className={`figure ${level}`} data-figure={key}>
      <dt>{t(`board.${key}`, { seconds: serviceLevelSeconds })}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <section className={`queue-tile ${levels.tile}`} aria-label={t('board.queueLabel', { name })} data-level={levels.tile}>
      <h2>{name}</h2>
      <dl>
        {figure('waiting', format.count(queue.waitingSince.length), levels.waiting)}
        {figure('longestWait', clock(longestWaitSeconds(queue, now)), levels.longestWait)}
        {figure('serviceLevel', queue.serviceLevelPercent === null ? NONE : format.percent(Math.round(queue.serviceLevelPercent)), levels.serviceLevel)}
        {figure('offered', format.count(queue.offered))}
        {figure('answered', format.count(queue.answered))}
        {figure('abandoned', format.count(queue.abandoned))}
        {figure('asa', seconds(queue.averageSpeedOfAnswerSeconds))}
        {figure('aht', seconds(queue.averageHandleSeconds))}
      </dl>
      <IntervalChart
        intervals={queue.intervals}
        span={span}
        label={t('board.chartLabel', { name, from: format.time(new Date(span.from).toISOString()), to: format.time(new Date(span.to).toISOString()) })}
        formatTime={format.time}
      />
    </section>
  );
});
