import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFigures } from '../../../../shared/board.js';
import { IntervalChart } from './IntervalChart.js';
import { longestWaitSeconds, queueLevels } from './levels.js';

const seconds = (value: number | null) => (value === null ? '—' : `${Math.round(value)} s`);
const clock = (total: number) => `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;

export const QueueTile = memo(function QueueTile({ queue, now }: { queue: QueueFigures; now: number }) {
  const { t } = useTranslation();
  const levels = queueLevels(queue, now);
  const { name, serviceLevelSeconds } = queue.settings;
  const figure = (key: string, value: string | number, level: string = 'ok') => (
    <div className={`figure ${level}`} data-figure={key}>
      <dt>{t(`board.${key}`, { seconds: serviceLevelSeconds })}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <section className={`queue-tile ${levels.tile}`} aria-label={t('board.queueLabel', { name })} data-level={levels.tile}>
      <h2>{name}</h2>
      <dl>
        {figure('waiting', queue.waitingSince.length, levels.waiting)}
        {figure('longestWait', clock(longestWaitSeconds(queue, now)), levels.longestWait)}
        {figure('serviceLevel', queue.serviceLevelPercent === null ? '—' : `${Math.round(queue.serviceLevelPercent)} %`, levels.serviceLevel)}
        {figure('offered', queue.offered)}
        {figure('answered', queue.answered)}
        {figure('abandoned', queue.abandoned)}
        {figure('asa', seconds(queue.averageSpeedOfAnswerSeconds))}
        {figure('aht', seconds(queue.averageHandleSeconds))}
      </dl>
      <IntervalChart intervals={queue.intervals} label={t('board.chartLabel', { name })} />
    </section>
  );
});
