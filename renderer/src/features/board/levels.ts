/** How a queue's figures compare with its thresholds: what turns a tile amber or red. */
import type { QueueFigures } from '../../../../shared/board.js';

export type Level = 'ok' | 'amber' | 'red';

const worst = (levels: Level[]): Level => (levels.includes('red') ? 'red' : levels.includes('amber') ? 'amber' : 'ok');
const atOrAbove = (value: number, { amber, red }: { amber: number; red: number }): Level => (value >= red ? 'red' : value >= amber ? 'amber' : 'ok');
const atOrBelow = (value: number | null, { amber, red }: { amber: number; red: number }): Level =>
  value === null ? 'ok' : value <= red ? 'red' : value <= amber ? 'amber' : 'ok';

export function longestWaitSeconds(queue: QueueFigures, now: number): number {
  const oldest = queue.waitingSince[0];
  return oldest === undefined ? 0 : Math.max(0, Math.floor((now - Date.parse(oldest)) / 1_000));
}

export function queueLevels(queue: QueueFigures, now: number) {
  const { settings } = queue;
  const levels = {
    waiting: atOrAbove(queue.waitingSince.length, settings.waiting),
    longestWait: atOrAbove(longestWaitSeconds(queue, now), settings.longestWaitSeconds),
    serviceLevel: atOrBelow(queue.serviceLevelPercent, settings.serviceLevelPercent),
  };
  return { ...levels, tile: worst(Object.values(levels)) };
}
