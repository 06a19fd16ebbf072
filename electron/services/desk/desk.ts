/**
 * The desk orchestrator: call event → normalised number → local store → PopCard →
 * every attached UI, and the handlers behind the typed desk API. Electron-free, so the
 * Electron shell and the browser host bind the very same desk.
 */
import type { CallEvent, PopCard } from '../../../shared/call.js';
import { customerDisplayName } from '../../../shared/customer-name.js';
import type { DeskEvent, DeskHandlers, DeskLanguage, DeskState, SimulatedScenario } from '../../../shared/desk-api.js';
import type { SyncStatus } from '../../../shared/sync.js';
import type { AgentStateReport } from '../../../shared/board.js';
import { type DeskErrorKey, DeskRequestError } from '../../../shared/desk-wire.js';
import type { Locale } from '../../../shared/i18n/locales.js';
import type { DeskConfig } from '../config/desk-config.js';
import { SettingsNotSavedError } from '../config/user-settings.js';
import type { Logger } from '../log.js';
import type { DeskStore } from '../store/desk-store.js';
import { callLogEntryOf, popCardFor } from './call-card.js';
import { CallTracker, type UnheardCall } from './call-tracker.js';
import { identifyCaller } from './identify-caller.js';
import { createAgentState } from './agent-state.js';
import { sayStoreFailures } from './said-store-failures.js';
import { createDeskDrafts } from './desk-drafts.js';
import { resolveLanguage, systemLanguage } from './desk-language.js';
import { SignInRefused } from '../sync/hub-session.js';
import type { RingingBounds } from '../telephony/adapter.js';

export interface DeskDeps {
  config: DeskConfig;
  store: DeskStore;
  log: Logger;
  /** Present when the simulator adapter runs: the developer menu rings through it. */
  ringSimulated?: (scenario: SimulatedScenario) => string;
  /** Locked settings and skipped files, from loading the configuration. */
  configuration?: DeskState['configuration'];
  /** The damaged store this start set aside, if it did. */
  storeSetAside?: DeskState['storeSetAside'];
  /** Writes the diagnostics archive; returns its path. */
  exportDiagnostics?: () => Promise<string>;
  /** The link to the hub, when one is configured: told about every local write, asked for its state. */
  sync?: { kick(): void; status(): SyncStatus; reportAgentState(report: AgentStateReport): void; signIn(password: string): Promise<SyncStatus> };
  /** The language the desk starts in; by default as the configuration and this OS say. */
  language?: DeskLanguage;
  /** Keeps the agent's language for the next start (their settings file); throws SettingsNotSavedError. */
  saveLocale?: (locale: Locale) => void;
  now?: () => Date;
}

/** What a desk with no hub shows: nothing to sync, nothing waiting. */
const SYNC_OFF: SyncStatus = { state: 'off', pending: 0, rejected: 0, lastRefusal: null, offlineSince: null, lastSyncAt: null, lastError: null };

export interface Desk {
  handlers: DeskHandlers;
  /** The sink every telephony adapter feeds; `source` is the adapter's name, bound by whoever starts it. */
  onCallEvent(event: CallEvent, source: string): void;
  subscribe(listener: (event: DeskEvent) => void): () => void;
  /** The sync client pulled changes to these customers: cards showing them are read again. */
  onCustomersChanged(customerIds: Set<string>): void;
  onSyncStatus(status: SyncStatus): void;
  /** The agent's language now, for the shell's tray and notifications. */
  language(): DeskLanguage;
  stop(): void;
}

const CALL_LOG_ON_ATTACH = 50;

/** The configuration's bounds on live calls, in the units the tracker and the SIP endpoint keep. */
export function ringingBounds(config: DeskConfig): RingingBounds {
  return { ringTimeoutMs: config.calls.ringTimeoutSeconds * 1000, maxLiveCalls: config.calls.maxLiveCalls };
}

const SIGN_IN_FAILURES = { wrong_password: 'wrongPassword', unreachable: 'hubUnreachable', hub_failed: 'hubFailed', refused: 'hubRefused' } as const satisfies Record<
  SignInRefused['why'],
  DeskErrorKey
>;

export function createDesk({
  config,
  store,
  log,
  ringSimulated,
  configuration = { locked: [], problems: [] },
  storeSetAside = null,
  exportDiagnostics,
  sync,
  language: startLanguage = resolveLanguage(config, systemLanguage()),
  saveLocale,
  now = () => new Date(),
}: DeskDeps): Desk {
  const tracker = new CallTracker({ bounds: ringingBounds(config), now, onRingTimeout: letGo });
  let language = startLanguage;
  const listeners = new Set<(event: DeskEvent) => void>();

  function emit(event: DeskEvent): void {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        log.error({ err, event: event.name }, 'a desk listener failed');
      }
    }
  }

  const drafts = createDeskDrafts(store, emit);
  const agentState = createAgentState({
    wrapUpSeconds: config.wrapUpSeconds,
    now,
    onChange(state, report) {
      emit({ name: 'agentState', payload: state });
      sync?.reportAgentState(report);
    },
  });
  // A desk that opens is on the board at once, as available, not only after its first change.
  sync?.reportAgentState(agentState.report());

  function logCall(card: PopCard): void {
    const entry = callLogEntryOf(card, now());
    store.recordCall(entry);
    emit({ name: 'callLogged', payload: entry });
  }

  function dismissExcessCards(): void {
    for (const callId of tracker.pruneFinished()) emit({ name: 'cardDismissed', payload: { callId } });
  }

  /** After a write, the cards that show this customer (or this number) are re-read so every UI sees the change. */
  function refreshCards(affects: (card: PopCard) => boolean): void {
    for (const card of tracker.all()) {
      if (!affects(card)) continue;
      const { match, candidates } = identifyCaller(store, card.phone);
      const refreshed = { ...card, match, candidates };
      tracker.replace(refreshed);
      emit({ name: 'pop', payload: refreshed });
    }
  }

  /** A live call the bridge never ended goes as if it had said "missed": into the call log, never dropped unseen. */
  function letGo({ card, source, why }: UnheardCall): void {
    log.info({ callId: card.callId, state: card.state, source, why }, 'call closed: no bridge ended it');
    onCallEvent({ callId: card.callId, state: 'missed', remote: card.remote.raw, direction: card.direction, at: now().toISOString() }, source);
  }

  function onCallEvent(event: CallEvent, source: string): void {
    const previous = tracker.get(event.callId);
    const change = tracker.classify(event, source);
    switch (change.kind) {
      case 'repeat':
        log.debug({ callId: event.callId, state: event.state, source }, 'repeated call event ignored');
        return;
      case 'foreign':
        log.warn({ callId: event.callId, state: event.state, source, owner: change.owner }, 'call event refused: the call is another bridge’s');
        return;
      case 'new': {
        const card = popCardFor(event, store, config.region, now());
        const unheard = tracker.add(card, source);
        log.info({ callId: card.callId, match: card.match, candidates: card.candidates.length, source }, 'call popped');
        emit({ name: 'pop', payload: card });
        agentState.onCard(card, undefined);
        for (const call of unheard) letGo(call);
        return;
      }
      case 'finished-elsewhere':
        tracker.markFinished(event.callId, source);
        logCall(popCardFor(event, store, config.region, now()));
        return;
      case 'changed':
        emit({ name: 'pop', payload: change.card });
        agentState.onCard(change.card, previous);
        if (change.finished) {
          logCall(change.card);
          dismissExcessCards();
        }
    }
  }

  const handlers: DeskHandlers = {
    ...drafts.handlers,
    async getDeskState() {
      return {
        agent: config.agent,
        region: config.region,
        dispositions: config.dispositions,
        historyDays: config.hub.historyDays,
        simulator: ringSimulated !== undefined,
        cards: tracker.all(),
        drafts: store.listDrafts(),
        callLog: store.listCallLog(CALL_LOG_ON_ATTACH),
        configuration,
        sync: sync?.status() ?? SYNC_OFF,
        agentState: agentState.current(),
        language,
        storeSetAside,
      };
    },
    async searchCustomers({ query, limit }) {
      return store.searchCustomers(query, limit);
    },
    async getCustomerCard({ customerId }) {
      const card = store.getCustomerCard(customerId);
      if (!card) throw new DeskRequestError('not_found', 'customerNotFound', { customerId });
      return card;
    },
    async createCustomer(input) {
      const card = store.createCustomer(input, now());
      sync?.kick();
      const phones = new Set(card.phones.map((p) => p.e164));
      refreshCards((c) => c.phone.kind === 'e164' && phones.has(c.phone.e164));
      return card;
    },
    async updateCustomer(update) {
      const current = store.getCustomerCard(update.customerId);
      if (!current) throw new DeskRequestError('not_found', 'customerNotFound', { customerId: update.customerId });
      if (customerDisplayName({ ...current.customer, ...update.fields }) === '') throw new DeskRequestError('bad_request', 'namelessCustomer');
      const card = store.updateCustomer(update, now())!;
      sync?.kick();
      refreshCards((c) => c.candidates.some((cand) => cand.customer.id === update.customerId));
      return card;
    },
    async saveAnnotation(annotation) {
      if (!config.dispositions.some((d) => d.code === annotation.disposition)) {
        throw new DeskRequestError('bad_request', 'dispositionUnknown', { disposition: annotation.disposition });
      }
      const interaction = drafts.recordAnnotation(annotation, () => store.recordAnnotation(annotation, config.agent, now()));
      sync?.kick();
      if (interaction.customerId !== null) {
        const id = interaction.customerId;
        refreshCards((c) => c.candidates.some((cand) => cand.customer.id === id));
      }
      return interaction;
    },
    async signIn({ password }) {
      if (!sync) throw new DeskRequestError('bad_request', 'noHub');
      try {
        return await sync.signIn(password);
      } catch (err) {
        // The hub's own words are for IT, in the log; the agent reads what happened and what to do.
        log.warn({ reason: (err as Error).message }, 'sign-in to the hub failed');
        throw new DeskRequestError('refused', SIGN_IN_FAILURES[err instanceof SignInRefused ? err.why : 'refused']);
      }
    },
    async setAgentState(input) {
      agentState.set(input.state, input.state === 'break' ? input.breakReason : null);
      return agentState.current();
    },
    async dismissCard({ callId }) {
      if (tracker.dismiss(callId)) emit({ name: 'cardDismissed', payload: { callId } });
      return {};
    },
    async listCallLog({ limit }) {
      return store.listCallLog(limit);
    },
    async simulateCall({ scenario }) {
      if (!ringSimulated) throw new DeskRequestError('bad_request', 'simulatorOff');
      return { callId: ringSimulated(scenario) };
    },
    async exportDiagnostics() {
      if (!exportDiagnostics) throw new DeskRequestError('bad_request', 'noDiagnostics');
      const file = await exportDiagnostics();
      log.info({ file }, 'diagnostics exported');
      return { file };
    },
    async setLocale({ locale }) {
      const lock = configuration.locked.find((l) => l.path === 'locale');
      if (lock) throw new DeskRequestError('refused', 'localeLocked', { file: lock.origin });
      try {
        saveLocale?.(locale);
      } catch (err) {
        if (!(err instanceof SettingsNotSavedError)) throw err;
        log.error({ file: err.file, reason: err.reason }, 'the agent’s language was not saved');
        throw new DeskRequestError('internal', 'settingsNotSaved', { file: err.file, reason: err.reason });
      }
      language = { ...language, locale };
      log.info({ locale }, 'the agent chose a language');
      emit({ name: 'language', payload: language });
      return language;
    },
    async reportProblem({ action, code, key, message }) {
      log.warn({ action, code, key, reason: message }, `the agent’s screen could not do what they asked (${action})`);
      return {};
    },
  };

  return {
    handlers: sayStoreFailures(handlers, log),
    onCallEvent,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onCustomersChanged(customerIds) {
      refreshCards((c) => c.candidates.some((cand) => customerIds.has(cand.customer.id)) || c.match === 'none');
    },
    onSyncStatus(status) {
      emit({ name: 'syncStatus', payload: status });
    },
    language: () => language,
    stop() {
      agentState.stop();
      tracker.stop();
    },
  };
}
