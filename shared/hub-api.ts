/**
 * The hub's API, declared once: every route with its method, path, the role it needs,
 * the schemas of what it takes and what it answers, and the refusals it may give. The hub
 * registers its handlers from these tables (server/http/hub-routes.ts) and the one hub
 * client is derived from them (shared/hub-client.ts), as the desk's contract is in
 * desk-api.ts: adding a route is one entry here and its handler, which the typecheck asks for.
 */
import { z } from 'zod';
import { AgentStateReportSchema, BoardEventsRequestSchema, BoardSnapshotSchema, BoardUpdateSchema } from './board.js';
import {
  type AgentRole,
  AgentSchema,
  LoginRequestSchema,
  NewAgentSchema,
  NudgeSchema,
  PullPageSchema,
  PullQuerySchema,
  PushRequestSchema,
  PushResultSchema,
  SessionSchema,
} from './sync.js';

/** Who may call a route: anyone, any agent with a session, or only the roles {@link ROLES_ALLOWED} lists. */
export type HubAuth = 'none' | 'agent' | 'supervisor' | 'admin';

/** The roles each level lets in; none listed: any agent with a session. */
export const ROLES_ALLOWED = {
  agent: [],
  supervisor: ['supervisor', 'admin'],
  admin: ['admin'],
} as const satisfies Record<Exclude<HubAuth, 'none'>, readonly AgentRole[]>;

/**
 * Every refusal the hub answers, as `{ error: code, message }`, with its status. The
 * framework's own refusals of a body (too large: 413, not JSON: 415) come as bad_request.
 */
export const HUB_REFUSALS = {
  bad_request: 400,
  unauthenticated: 401,
  bad_credentials: 401,
  forbidden: 403,
  conflict: 409,
  too_many_attempts: 429,
  internal: 500,
  busy: 503,
} as const;
export type HubRefusalCode = keyof typeof HUB_REFUSALS;

/**
 * The body of every refusal; `message` says what to do about it, in English, for a person
 * or a log. The code is read as text: one from a newer hub is still a refusal with a reason.
 */
export const HubRefusalSchema = z.object({ error: z.string(), message: z.string() });

/** The answer of a route that answers 204, with no body. */
const NO_CONTENT = z.undefined();

interface RouteBase {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: `/v1/${string}`;
  readonly auth: HubAuth;
  /** The success status; 204 goes with {@link NO_CONTENT}. */
  readonly status: 200 | 201 | 202 | 204;
  readonly answer: z.ZodType;
  /** What this route refuses beyond every route's (bad_request, internal) and its auth's (unauthenticated, forbidden). */
  readonly refusals?: readonly HubRefusalCode[];
}

/** A route that takes no input, or one that does: then its refusal of a bad one starts with its label ("pull: after: …"). */
export type HubRequestRoute = RouteBase &
  (
    | { readonly label?: undefined; readonly params?: undefined; readonly query?: undefined; readonly body?: undefined }
    | {
        readonly label: string;
        /** The values of the path's `:name` segments. */
        readonly params?: z.ZodType<Record<string, string | number>>;
        /** Sent as a query string, so flat: each value a string, a number or absent. */
        readonly query?: z.ZodType<Record<string, string | number | undefined>>;
        readonly body?: z.ZodType;
      }
  );

/** A WebSocket the hub upgrades to after its auth check, and the frames it then sends, one JSON text each. */
export interface HubSocketRoute {
  readonly path: `/v1/${string}`;
  readonly auth: HubAuth;
  readonly frames: z.ZodType;
}

export type HubRequestTable = Record<string, HubRequestRoute>;
export type HubSocketTable = Record<string, HubSocketRoute>;

export const hubRequests = {
  /** For a load balancer: answers while the hub reaches its database. */
  health: { method: 'GET', path: '/v1/health', auth: 'none', status: 200, answer: z.object({ ok: z.literal(true) }) },
  /** A wrong password and an unknown user get the same answer. */
  login: {
    method: 'POST',
    path: '/v1/sessions',
    auth: 'none',
    label: 'login',
    body: LoginRequestSchema,
    status: 201,
    answer: SessionSchema,
    refusals: ['bad_credentials', 'too_many_attempts', 'busy'],
  },
  /** Ends the session whose token is sent. */
  logout: { method: 'DELETE', path: '/v1/sessions/current', auth: 'agent', status: 204, answer: NO_CONTENT },
  pull: { method: 'GET', path: '/v1/sync/changes', auth: 'agent', label: 'pull', query: PullQuerySchema, status: 200, answer: PullPageSchema },
  push: { method: 'POST', path: '/v1/sync/mutations', auth: 'agent', label: 'push', body: PushRequestSchema, status: 200, answer: PushResultSchema },
  /** The agent's own state, from their desk, for the board. */
  agentState: { method: 'POST', path: '/v1/agents/me/state', auth: 'agent', label: 'agent state', body: AgentStateReportSchema, status: 204, answer: NO_CONTENT },
  /** PBX-wide queue events from a bridge, and agent states relayed for desks: a service account's job. */
  boardEvents: {
    method: 'POST',
    path: '/v1/board/events',
    auth: 'admin',
    label: 'board events',
    body: BoardEventsRequestSchema,
    status: 202,
    answer: z.object({ accepted: z.number().int().min(1) }),
  },
  board: { method: 'GET', path: '/v1/board', auth: 'supervisor', status: 200, answer: BoardSnapshotSchema },
  listAgents: { method: 'GET', path: '/v1/admin/agents', auth: 'admin', status: 200, answer: z.array(AgentSchema) },
  createAgent: {
    method: 'POST',
    path: '/v1/admin/agents',
    auth: 'admin',
    label: 'new agent',
    body: NewAgentSchema,
    status: 201,
    answer: AgentSchema,
    refusals: ['conflict', 'busy'],
  },
} as const satisfies HubRequestTable;

export const hubSockets = {
  /** Every desk holds this open: it carries the nudges, and its closing is how the board learns a desk has gone. */
  nudges: { path: '/v1/sync/nudges', auth: 'agent', frames: NudgeSchema },
  /** A board's live figures: the snapshot first, then what changed. */
  boardLive: { path: '/v1/board/live', auth: 'supervisor', frames: BoardUpdateSchema },
} as const satisfies HubSocketTable;

export type HubRequestName = keyof typeof hubRequests;
export type HubSocketName = keyof typeof hubSockets;

type InputPart = 'params' | 'query' | 'body';
/** What a caller sends: the parts its route declares, as the caller writes them (defaults may be left out). */
export type HubInput<R extends HubRequestRoute> = { [K in InputPart & keyof R]: z.input<NonNullable<R[K]>> };
/** What a handler receives: the same parts parsed, with their defaults. */
export type HubParsedInput<R extends HubRequestRoute> = { [K in InputPart & keyof R]: z.output<NonNullable<R[K]>> };
export type HubAnswerOf<R extends HubRequestRoute> = z.output<R['answer']>;
export type HubFrameOf<S extends HubSocketRoute> = z.output<S['frames']>;

/** The refusals a route may answer with: every route's, its auth's, and its own. */
export type HubRefusalOf<R extends HubRequestRoute> =
  | 'bad_request'
  | 'internal'
  | (R['auth'] extends 'none' ? never : 'unauthenticated')
  | (R['auth'] extends 'supervisor' | 'admin' ? 'forbidden' : never)
  | (R extends { refusals: readonly (infer C extends HubRefusalCode)[] } ? C : never);

/** The same list, at run time, for a client to tell a code of this route from one it cannot name. */
export function refusalsOf(route: HubRequestRoute): readonly HubRefusalCode[] {
  const auth: HubRefusalCode[] = route.auth === 'none' ? [] : route.auth === 'agent' ? ['unauthenticated'] : ['unauthenticated', 'forbidden'];
  return ['bad_request', 'internal', ...auth, ...(route.refusals ?? [])];
}
