/**
 * The supervisor board's contract: what a desk reports of its agent, how each queue is
 * judged, and the figures the hub sends to a board. Definitions (which calls count)
 * live next to the fields so the UI, the hub and docs/supervisor-board.md agree.
 */
import { z } from 'zod';
import { localisedLabelSchema } from './i18n/localised-label.js';
import { PbxEventSchema } from './pbx.js';
import { singleLineText } from './text-rules.js';

const IsoTime = z.iso.datetime({ offset: true });

export const AgentStateSchema = z.enum(['available', 'ringing', 'on_call', 'wrap_up', 'break', 'offline']);
export type AgentState = z.infer<typeof AgentStateSchema>;

/** What a desk reports when its agent's state changes. */
export const AgentStateReportSchema = z.strictObject({
  state: AgentStateSchema,
  /** Only with `break`: lunch, training… */
  breakReason: singleLineText('breakReason').trim().min(1).optional(),
  /** The call the agent is ringing with, on, or wrapping up. */
  call: z.strictObject({ customer: singleLineText('displayName').nullable(), queue: singleLineText('pbxName').nullable() }).optional(),
  at: IsoTime,
}).refine((r) => r.state === 'break' || r.breakReason === undefined, { message: 'a break reason goes only with the break state', path: ['breakReason'] });
export type AgentStateReport = z.infer<typeof AgentStateReportSchema>;

export const AgentStatusSchema = z.object({
  agentId: z.string(),
  name: z.string(),
  state: AgentStateSchema,
  /** When the agent entered this state: the board counts time in state from here. */
  since: IsoTime,
  breakReason: z.string().nullable(),
  call: z.object({ customer: z.string().nullable(), queue: z.string().nullable() }).nullable(),
});
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

const Level = z.object({ amber: z.number().min(0), red: z.number().min(0) });

/** How a queue is judged: T for its service level, and where its tiles turn amber and red. */
export const QueueSettingsSchema = z.strictObject({
  /** The queue as the PBX names it. */
  name: singleLineText('pbxName').min(1),
  /** What the board shows for it, one string or one per language; the name when none. */
  label: localisedLabelSchema(singleLineText('pbxName')).optional(),
  serviceLevelSeconds: z.number().int().min(1).max(3_600).default(20),
  /** Calls waiting at or above. */
  waiting: Level.default({ amber: 3, red: 6 }),
  /** Longest current wait, in seconds, at or above. */
  longestWaitSeconds: Level.default({ amber: 30, red: 60 }),
  /** Service level, in percent, at or below. */
  serviceLevelPercent: Level.default({ amber: 80, red: 70 }),
});
export type QueueSettings = z.output<typeof QueueSettingsSchema>;

/** One 15-minute interval of today (the board's day, in its time zone). */
const IntervalFiguresSchema = z.object({ start: IsoTime, offered: z.number().int(), answered: z.number().int(), abandoned: z.number().int() });

export const QueueFiguresSchema = z.object({
  settings: QueueSettingsSchema,
  /** Callers in the queue now, with when each joined: the board ticks the longest wait itself. */
  waitingSince: z.array(IsoTime),
  /** Calls that entered the queue today. */
  offered: z.number().int(),
  /** Calls an agent took from the queue today. */
  answered: z.number().int(),
  /** Calls whose caller hung up while waiting today. */
  abandoned: z.number().int(),
  /** Answered calls that waited at most T seconds. */
  answeredWithinT: z.number().int(),
  /** answeredWithinT ÷ offered, in percent: abandoned calls and calls still waiting count against it; null before any call today. */
  serviceLevelPercent: z.number().nullable(),
  /** Average wait of answered calls, in seconds. */
  averageSpeedOfAnswerSeconds: z.number().nullable(),
  /** Average talk time of completed calls, in seconds. */
  averageHandleSeconds: z.number().nullable(),
  intervals: z.array(IntervalFiguresSchema),
});
export type QueueFigures = z.infer<typeof QueueFiguresSchema>;

export const BoardSnapshotSchema = z.object({
  queues: z.array(QueueFiguresSchema),
  agents: z.array(AgentStatusSchema),
  at: IsoTime,
  /** The IANA time zone whose midnight starts the board's day (the hub's board.timeZone). */
  timeZone: z.string(),
});
export type BoardSnapshot = z.infer<typeof BoardSnapshotSchema>;

/** What the hub sends a board after the first snapshot: only what changed. */
export const BoardUpdateSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), snapshot: BoardSnapshotSchema }),
  z.object({ type: z.literal('queue'), queue: QueueFiguresSchema }),
  z.object({ type: z.literal('agent'), agent: AgentStatusSchema }),
]);
export type BoardUpdate = z.infer<typeof BoardUpdateSchema>;

/** One thing the board learns: a PBX queue event, or an agent's state as their desk reported it. */
export const BoardInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pbx'), event: PbxEventSchema }),
  z.strictObject({ kind: z.literal('agent'), agentId: singleLineText('id').min(1), name: singleLineText('personName').min(1), report: AgentStateReportSchema }),
]);
export type BoardInput = z.infer<typeof BoardInputSchema>;

/** A PBX bridge (or a load generator) posts events in batches. */
export const BoardEventsRequestSchema = z.strictObject({ inputs: z.array(BoardInputSchema).min(1).max(1_000) });

/** The WebSocket subprotocol a browser board offers with its token, since a browser cannot set headers on a WebSocket. */
export const BOARD_PROTOCOL = 'agent-desk-board.v1';
const BEARER_PREFIX = 'bearer.';
export const bearerProtocol = (token: string) => `${BEARER_PREFIX}${token}`;

/** The token a board offered among its subprotocols, if any. */
export function tokenFromProtocols(header: string | string[] | undefined): string | null {
  const offered = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((p) => p.trim());
  return offered.find((p) => p.startsWith(BEARER_PREFIX))?.slice(BEARER_PREFIX.length) ?? null;
}
