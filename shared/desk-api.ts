/**
 * The one contract between a UI and its desk. Every request and every event is
 * declared here once, with its schema; the Electron preload, the IPC handlers, the
 * browser host's WebSocket and the renderer client are all derived from it.
 */
import { z } from 'zod';
import { CallLogEntrySchema, PopCardSchema } from './call.js';
import {
  AnnotationSchema,
  CustomerCardSchema,
  CustomerSearchResultSchema,
  DispositionSchema,
  InteractionSchema,
  NewCustomerSchema,
  RegionSchema,
} from './domain.js';
import { CustomerUpdateSchema, SyncStatusSchema } from './sync.js';
import { AgentStateSchema } from './board.js';
import { LocaleSchema } from './i18n/locales.js';
import { ConfigProblemSchema } from './config-problem.js';
import { DraftSchema, DraftSubjectSchema, MAX_DRAFTS } from './draft.js';
import { singleLineText } from './text-rules.js';

/** The most customers one search answers with; the search box asks for more a page at a time up to this. */
export const SEARCH_LIMIT_MAX = 100;

const CallIdInput = z.strictObject({ callId: singleLineText('callId').min(1) });

export const SimulatedScenarioSchema = z.enum(['known', 'several', 'probable', 'unknown', 'withheld']);
export type SimulatedScenario = z.infer<typeof SimulatedScenarioSchema>;

/** The agent's state as this desk shows it; wrapUpEndsAt counts down the wrap-up after a call. */
export const DeskAgentStateSchema = z.object({
  state: AgentStateSchema,
  since: z.iso.datetime({ offset: true }),
  breakReason: z.string().nullable(),
  wrapUpEndsAt: z.iso.datetime({ offset: true }).nullable(),
});
export type DeskAgentState = z.infer<typeof DeskAgentStateSchema>;

/** The reasons a break can be taken for, offered in the state menu. */
export const BREAK_REASONS = ['lunch', 'coffee', 'training', 'meeting', 'coaching'] as const;

/** The language the agent reads the desk in, and the zone its dates and times are shown in. */
export const DeskLanguageSchema = z.object({ locale: LocaleSchema, timeZone: z.string() });
export type DeskLanguage = z.infer<typeof DeskLanguageSchema>;

/**
 * A store the desk found damaged when it started and set aside, untouched, for IT: the
 * path it now has, and whether a hub will bring the customers back (resync) or the desk runs empty.
 */
const StoreSetAsideSchema = z.object({ file: z.string(), resync: z.boolean() });

/** What a UI needs on attach: who it is, the desk's settings, the calls under way. */
export const DeskStateSchema = z.object({
  agent: z.object({ id: z.string(), name: z.string() }),
  region: RegionSchema,
  dispositions: z.array(DispositionSchema).min(1),
  /** Purchases and notes older than this many days are not brought to the desk: an empty list means none within them. */
  historyDays: z.number().int().min(1),
  /** The developer menu (simulated calls) is offered only where this is true. */
  simulator: z.boolean(),
  cards: z.array(PopCardSchema),
  /** Every unsaved note on this desk, whether or not its call is still on screen. */
  drafts: z.array(DraftSchema).max(MAX_DRAFTS),
  callLog: z.array(CallLogEntrySchema),
  /** What IT's policy locked, and any configuration file the desk had to skip, for the settings screen and a warning. */
  configuration: z.object({
    locked: z.array(z.object({ path: z.string(), origin: z.string() })),
    problems: z.array(ConfigProblemSchema),
  }),
  sync: SyncStatusSchema,
  agentState: DeskAgentStateSchema,
  language: DeskLanguageSchema,
  /** Stays for the whole run: the operator and IT need to know until someone has looked. */
  storeSetAside: StoreSetAsideSchema.nullable(),
});
export type DeskState = z.infer<typeof DeskStateSchema>;

export const deskRequests = {
  getDeskState: { input: z.strictObject({}), output: DeskStateSchema },
  searchCustomers: {
    input: z.strictObject({
      query: singleLineText('searchQuery').trim().min(1),
      limit: z.number().int().min(1).max(SEARCH_LIMIT_MAX).default(20),
    }),
    output: CustomerSearchResultSchema,
  },
  getCustomerCard: { input: z.strictObject({ customerId: singleLineText('id').min(1) }), output: CustomerCardSchema },
  createCustomer: { input: NewCustomerSchema, output: CustomerCardSchema },
  updateCustomer: { input: CustomerUpdateSchema, output: CustomerCardSchema },
  /** Saving also deletes the note's draft, in the same transaction. */
  saveAnnotation: { input: AnnotationSchema, output: InteractionSchema },
  /** Keeps what is typed so far (sent after a pause in typing, and when the field is left); an older copy never overwrites a newer one. */
  saveDraft: { input: DraftSchema, output: z.strictObject({}) },
  /** The operator threw the draft away on purpose. */
  discardDraft: { input: DraftSubjectSchema, output: z.strictObject({}) },
  /** The operator closes a card; a call that is still live keeps ringing elsewhere, only the card goes. */
  dismissCard: { input: CallIdInput, output: z.strictObject({}) },
  listCallLog: {
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    output: z.array(CallLogEntrySchema),
  },
  simulateCall: {
    input: z.strictObject({ scenario: SimulatedScenarioSchema }),
    output: z.strictObject({ callId: z.string() }),
  },
  /** The agent makes themselves available, takes a break (with its reason) or ends their wrap-up early. */
  setAgentState: {
    input: z.discriminatedUnion('state', [
      z.strictObject({ state: z.literal('available') }),
      z.strictObject({ state: z.literal('break'), breakReason: z.enum(BREAK_REASONS) }),
    ]),
    output: DeskAgentStateSchema,
  },
  /** Signs this desk's agent in to the hub; answers with the sync status after the first sync. */
  signIn: { input: z.strictObject({ password: singleLineText('password').min(1) }), output: SyncStatusSchema },
  /** Writes the diagnostics archive on the desk's machine; answers with its path. */
  exportDiagnostics: { input: z.strictObject({}), output: z.strictObject({ file: z.string() }) },
  /** The agent picks their language: every attached UI switches at once, and the desk keeps it in the user's settings. */
  setLocale: { input: z.strictObject({ locale: LocaleSchema }), output: DeskLanguageSchema },
  /** Something the agent asked for failed on their screen: the desk writes it to its log for IT. */
  reportProblem: {
    input: z.strictObject({
      action: singleLineText('problemCode').min(1),
      code: singleLineText('problemCode'),
      key: singleLineText('problemCode').nullable(),
      message: singleLineText('problemMessage'),
    }),
    output: z.strictObject({}),
  },
} as const;

export const deskEvents = {
  /** A card appeared or changed (same callId: same card). */
  pop: PopCardSchema,
  cardDismissed: CallIdInput,
  callLogged: CallLogEntrySchema,
  /** A draft was kept (from any attached UI). */
  draft: DraftSchema,
  /** A draft is gone: its note was saved, or it was discarded. */
  draftRemoved: DraftSubjectSchema,
  syncStatus: SyncStatusSchema,
  agentState: DeskAgentStateSchema,
  /** The agent switched language (from any attached UI). */
  language: DeskLanguageSchema,
} as const;

export type DeskRequestName = keyof typeof deskRequests;
export type DeskEventName = keyof typeof deskEvents;
export type RequestInput<N extends DeskRequestName> = z.input<(typeof deskRequests)[N]['input']>;
/** The input after its schema applied defaults: what an implementation receives. */
export type RequestParams<N extends DeskRequestName> = z.output<(typeof deskRequests)[N]['input']>;
export type RequestOutput<N extends DeskRequestName> = z.output<(typeof deskRequests)[N]['output']>;
export type DeskEventPayload<N extends DeskEventName> = z.output<(typeof deskEvents)[N]>;

/** What a UI calls. */
export type DeskApi = { [N in DeskRequestName]: (input: RequestInput<N>) => Promise<RequestOutput<N>> };

/** What the desk implements: inputs arrive already validated and defaulted. */
export type DeskHandlers = { [N in DeskRequestName]: (params: RequestParams<N>) => Promise<RequestOutput<N>> };

export type DeskEvent = { [N in DeskEventName]: { name: N; payload: DeskEventPayload<N> } }[DeskEventName];

export interface DeskClient extends DeskApi {
  /** Subscribes to one event; returns the unsubscribe function. */
  on<N extends DeskEventName>(name: N, listener: (payload: DeskEventPayload<N>) => void): () => void;
}

export function isDeskRequestName(name: unknown): name is DeskRequestName {
  return typeof name === 'string' && Object.hasOwn(deskRequests, name);
}
