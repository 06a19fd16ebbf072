/**
 * The roll call a starting hub makes, so that giving every present agent a grace period
 * (desk-presence.ts) does not mark offline the desks connected to another instance all
 * along: every instance hears the call through PostgreSQL NOTIFY and says again the state
 * of each agent whose desk holds a socket on it. That is a newer board event, which the
 * starting hub folds before its grace runs out.
 */
import type { Logger } from 'pino';
import type { HubDb } from '../db/hub-db.js';
import type { BoardFeed } from './board-feed.js';
import type { DeskPresence } from './desk-presence.js';

export interface RollCall {
  close(): Promise<void>;
}

export async function startRollCall({ rollCalls }: Pick<HubDb, 'rollCalls'>, board: BoardFeed, presence: DeskPresence, log: Logger): Promise<RollCall> {
  const answer = () => {
    const inputs = presence.rollCallAnswer();
    if (inputs.length === 0) return;
    board.record(inputs).catch((err: unknown) => log.warn({ err }, 'could not answer a roll call; those desks may show offline until they report again'));
  };
  // (Re)connecting, this instance may have missed a call: answering once more costs one event per connected agent.
  const channel = rollCalls.listen();
  channel.subscribe(answer);
  presence.watchFromStart();
  await rollCalls.call();
  return { close: () => channel.close() };
}
