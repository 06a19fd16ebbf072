/**
 * A request the store failed answers with what happened to the store and what to do
 * ("the disk is full …, what you entered is still here"), where the dispatcher would
 * only say that the request failed. The log keeps SQLite's own words for IT.
 */
import type { DeskHandlers } from '../../../shared/desk-api.js';
import { type DeskErrorKey, DeskRequestError } from '../../../shared/desk-wire.js';
import type { Logger } from '../log.js';
import { type StoreFailure, storeFailureOf } from '../store/store-failure.js';

const SENTENCES: Record<StoreFailure, DeskErrorKey> = {
  full: 'storeFull',
  readOnly: 'storeReadOnly',
  ioError: 'storeIoError',
  damaged: 'storeDamaged',
};

export function sayStoreFailures(handlers: DeskHandlers, log: Logger): DeskHandlers {
  const said = Object.entries(handlers).map(([name, handler]) => [
    name,
    async (params: unknown) => {
      try {
        return await (handler as (params: unknown) => Promise<unknown>)(params);
      } catch (err) {
        const failure = storeFailureOf(err);
        if (failure === null) throw err;
        log.error({ err, request: name, failure }, `${name}: the desk store failed: ${(err as Error).message}`);
        throw new DeskRequestError('internal', SENTENCES[failure]);
      }
    },
  ]);
  return Object.fromEntries(said) as DeskHandlers;
}
