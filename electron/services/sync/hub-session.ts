/**
 * The desk's session with the hub: the typed hub client (shared/hub-client.ts) with this
 * agent's token, kept in the store across restarts. A call the hub refuses for the token
 * signs in again once, with the password from the settings; without one it is the agent's
 * turn (signIn), and the desk works offline meanwhile.
 */
import type { HubAnswerOf, HubInput, hubRequests, HubRequestName } from '../../../shared/hub-api.js';
import { createHubClient, HubAnswerMalformed, type HubRefusal } from '../../../shared/hub-client.js';
import type { Logger } from '../log.js';
import type { SyncStore } from '../store/desk-store.js';

const REQUEST_TIMEOUT_MS = 15_000;

/** The hub answered, and said no: its reason is what the status bar shows. */
class HubRefused extends Error {
  readonly status: number;
  constructor({ status, message }: Pick<HubRefusal, 'status' | 'message'>) {
    super(`hub answered ${status}: ${message ?? 'no reason given'}`);
    this.status = status;
  }
}
/** Nothing more to try without the agent: no password, or the hub refused it. */
export class SignInNeeded extends Error {}

/** Why the agent's own sign-in failed, so the desk can tell them what to do about it. */
export class SignInRefused extends Error {
  constructor(
    message: string,
    readonly why: 'wrong_password' | 'refused' | 'hub_failed' | 'unreachable',
  ) {
    super(message);
  }
}

function signInFailure(err: unknown): SignInRefused['why'] {
  if (err instanceof SignInNeeded) return 'wrong_password';
  if (err instanceof HubRefused) return err.status >= 500 ? 'hub_failed' : 'refused';
  return err instanceof HubAnswerMalformed ? 'refused' : 'unreachable';
}

type Route<N extends HubRequestName> = (typeof hubRequests)[N];
type Args<N extends HubRequestName> = keyof HubInput<Route<N>> extends never ? [] : [input: HubInput<Route<N>>];

export interface HubSessionOptions {
  url: string;
  username: string;
  /** From the settings: signs in by itself. None: the agent does, and the session is kept across restarts. */
  password: string | null;
  store: SyncStore;
  log: Logger;
}

export function createHubSession({ url, username, password, store, log }: HubSessionOptions) {
  const base = url.replace(/\/+$/, '');
  const saved = store.savedSession();
  // A session saved for another hub or agent is not this desk's any more.
  let token: string | null = saved && saved.hubUrl === base && saved.username === username ? saved.token : null;
  const client = createHubClient({ url: base, token: () => token, timeoutMs: REQUEST_TIMEOUT_MS });

  function forget(): void {
    token = null;
    store.saveSession(null);
  }

  async function open(secret: string): Promise<void> {
    const answer = await client.call('login', { body: { username, password: secret } });
    if (!answer.ok) throw answer.status === 401 ? new SignInNeeded(new HubRefused(answer).message) : new HubRefused(answer);
    token = answer.value.token;
    store.saveSession({ hubUrl: base, username, token });
    log.info({ agent: answer.value.agent.id, role: answer.value.agent.role }, 'logged in to the hub');
  }

  async function signInFromSettings(): Promise<void> {
    if (password === null) throw new SignInNeeded(`agent "${username}" is not signed in to the hub`);
    await open(password);
  }

  return {
    base,
    token: () => token,
    /** Signs in from the settings unless a session is there already. */
    async ensure(): Promise<void> {
      if (token === null) await signInFromSettings();
    },
    /** The route's answer; a refusal rejects with {@link HubRefused}, a token the hub no longer knows is replaced once. */
    async call<N extends HubRequestName>(name: N, ...input: Args<N>): Promise<HubAnswerOf<Route<N>>> {
      let answer = await client.call(name, ...input);
      if (!answer.ok && answer.status === 401 && token !== null) {
        forget();
        await signInFromSettings();
        answer = await client.call(name, ...input);
      }
      if (!answer.ok) throw new HubRefused(answer);
      return answer.value;
    },
    /** The agent's own password; rejects with a {@link SignInRefused}. */
    async signIn(secret: string): Promise<void> {
      try {
        await open(secret);
      } catch (err) {
        throw new SignInRefused(reasonOf(err, base), signInFailure(err));
      }
    },
  };
}
export type HubSession = ReturnType<typeof createHubSession>;

/** Why a call failed, as the status bar and the log say it. */
export function reasonOf(err: unknown, base: string): string {
  if (err instanceof HubRefused || err instanceof SignInNeeded || err instanceof HubAnswerMalformed) return err.message;
  const { cause, message } = err as Error;
  return `cannot reach the hub at ${base}: ${cause ? String(cause) : message}`;
}
