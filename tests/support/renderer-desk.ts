/**
 * The renderer's store attached to a real desk in this process: a store file in a temp dir,
 * the desk's own handlers behind the dispatcher every host uses, the typed client over a
 * bridge transport, and the desk's log kept as parsed lines for the test to read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { parseDeskConfig, type DeskConfigInput } from '../../electron/services/config/desk-config.js';
import { createDesk, type Desk, type DeskDeps } from '../../electron/services/desk/desk.js';
import type { DeskStore } from '../../electron/services/store/desk-store.js';
import { openDeskStore } from '../../electron/services/store/open-store.js';
import { createDeskClient } from '../../renderer/src/api/desk-client.js';
import { bridgeTransport } from '../../renderer/src/api/transport.js';
import { attachDesk } from '../../renderer/src/state/attach-desk.js';
import { useDeskView } from '../../renderer/src/state/desk-state.js';
import { createDeskDispatcher } from '../../shared/desk-wire.js';
import { deskCustomers } from '../fixtures/desk-customers.js';
import { until } from './until.js';

// The draft sender listens for the page going away; a Node test has no page, so it gets a bare event target.
(globalThis as { window?: EventTarget }).window ??= new EventTarget();

const empty = useDeskView.getState();

export interface RendererDesk {
  desk: Desk;
  store: DeskStore;
  /** The desk's log so far, one parsed JSON record a line. */
  log: Record<string, unknown>[];
  stop(): void;
}

export async function attachedRendererDesk(config: Partial<DeskConfigInput> = {}, deps: Partial<DeskDeps> = {}): Promise<RendererDesk> {
  useDeskView.setState(empty, true);
  const dir = mkdtempSync(join(tmpdir(), 'renderer-desk-'));
  const store = openDeskStore(join(dir, 'desk.sqlite'));
  store.insertBatch(deskCustomers);
  const log: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void log.push(JSON.parse(line) as Record<string, unknown>) });
  const desk = createDesk({ config: parseDeskConfig({ region: 'BG', ...config }, 'test'), store, log: logger, ...deps });
  const dispatch = createDeskDispatcher(desk.handlers, (name, err) => logger.error({ err, request: name }, 'desk request failed'));
  const transport = bridgeTransport({ request: dispatch, subscribe: (listener) => desk.subscribe(listener) });
  const detach = attachDesk(createDeskClient(transport), transport);
  await until(() => useDeskView.getState().settings !== null, 'the desk state on attach');
  return {
    desk,
    store,
    log,
    stop() {
      detach();
      desk.stop();
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
