/**
 * The one client of the hub's API, derived from the tables in hub-api.ts: a call is typed
 * by its route, and every answer is checked against the route's schema before anyone reads
 * it, so a hub and a desk (or a board) that disagree fail with a clear error, never with a
 * half-read page. Over fetch, so the desk (Node) and a wallboard (browser) share it.
 */
import type { z } from 'zod';
import {
  type HubAnswerOf,
  type HubFrameOf,
  type HubInput,
  type HubRefusalCode,
  type HubRefusalOf,
  HubRefusalSchema,
  type HubRequestRoute,
  type HubRequestTable,
  hubRequests,
  type HubSocketName,
  hubSockets,
  refusalsOf,
} from './hub-api.js';
import { parseJson } from './json.js';
import { describeIssues } from './zod-issues.js';

export interface HubClientOptions {
  /** The hub's address, `https://hub.example:8443`; a board served by the hub gives its own origin. */
  url: string;
  /** The session token to send, asked for at each call (a desk signs in again); null: none. */
  token?: () => string | null;
  /** A call not answered by then fails as the hub being unreachable does. */
  timeoutMs?: number;
}

/** The hub said no. `error` is null when the answer is not one of this route's refusals: a proxy's error page, a code from a newer hub. */
export interface HubRefusal<C extends HubRefusalCode = HubRefusalCode> {
  ok: false;
  status: number;
  error: C | null;
  message: string | null;
}

export type HubAnswer<R extends HubRequestRoute> = { ok: true; status: number; value: HubAnswerOf<R> } | HubRefusal<HubRefusalOf<R>>;

/** The hub answered yes with something its route does not declare: a hub and a client of different versions, or not a hub at all. */
export class HubAnswerMalformed extends Error {
  override name = 'HubAnswerMalformed';
}

/** The call's input, when its route takes any. */
type InputArgs<R extends HubRequestRoute> = keyof HubInput<R> extends never ? [] : [input: HubInput<R>];

export interface HubClient<T extends HubRequestTable> {
  /**
   * Answers with the hub's answer or its refusal; rejects only when no answer came (the
   * hub unreachable, the time-out passed) or the answer is malformed ({@link HubAnswerMalformed}).
   */
  call<N extends keyof T & string>(name: N, ...input: InputArgs<T[N]>): Promise<HubAnswer<T[N]>>;
}

/** A route's path with its `:name` segments filled in, and its query string. */
function target(route: HubRequestRoute, input: { params?: Record<string, string | number>; query?: Record<string, string | number | undefined> }): string {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(String(input.params?.[name] ?? '')));
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(input.query ?? {})) if (value !== undefined) query.set(key, String(value));
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** `routes` is the hub's unless a test declares its own. */
export function createHubClient<T extends HubRequestTable = typeof hubRequests>(options: HubClientOptions, routes: T = hubRequests as unknown as T): HubClient<T> {
  const base = options.url.replace(/\/+$/, '');
  return {
    async call(name, ...[input]) {
      const route = routes[name]!;
      const parts = (input ?? {}) as { params?: Record<string, string | number>; query?: Record<string, string | number | undefined>; body?: unknown };
      const token = options.token?.() ?? null;
      const response = await fetch(`${base}${target(route, parts)}`, {
        method: route.method,
        headers: { ...(parts.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token !== null ? { authorization: `Bearer ${token}` } : {}) },
        body: parts.body === undefined ? null : JSON.stringify(parts.body),
        ...(options.timeoutMs !== undefined ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
      });
      const text = await response.text();
      const json = text === '' ? undefined : parseJson(text);
      if (!response.ok) {
        const refusal = HubRefusalSchema.safeParse(json);
        const known = refusal.success && (refusalsOf(route) as readonly string[]).includes(refusal.data.error);
        return {
          ok: false,
          status: response.status,
          error: known ? (refusal.data.error as HubRefusalOf<T[typeof name]>) : null,
          message: refusal.success ? refusal.data.message : null,
        };
      }
      const answer = route.answer.safeParse(json);
      if (!answer.success) throw new HubAnswerMalformed(`hub sent a malformed answer to ${name} (${route.method} ${route.path}): ${describeIssues(answer.error)}`);
      return { ok: true, status: response.status, value: answer.data as HubAnswerOf<T[typeof name]> };
    },
  };
}

/** Where a hub socket is: the hub's address with ws(s) for http(s). */
export function hubSocketUrl(hubUrl: string, name: HubSocketName): string {
  return `${hubUrl.replace(/\/+$/, '').replace(/^http/, 'ws')}${hubSockets[name].path}`;
}

/** One frame from a hub socket, checked against its route's schema. */
export function readHubFrame<N extends HubSocketName>(name: N, text: string): z.ZodSafeParseResult<HubFrameOf<(typeof hubSockets)[N]>> {
  return hubSockets[name].frames.safeParse(parseJson(text)) as z.ZodSafeParseResult<HubFrameOf<(typeof hubSockets)[N]>>;
}
