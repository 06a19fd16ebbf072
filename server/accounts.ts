/**
 * Agents and their sessions. Passwords are hashed with scrypt (Node's own, memory-hard,
 * so a stolen table is slow to crack); a session token is 32 random bytes handed to
 * the agent once, and only its SHA-256 is stored, so the table alone cannot log anyone in.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Agent, NewAgent, Session } from '../shared/sync.js';
import type { AgentRecords } from './db/agents.js';

/** N = 2^15, r = 8: about 32 MiB and tens of milliseconds per guess. */
const SCRYPT = { N: 32_768, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, params = SCRYPT): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, params, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { ...SCRYPT, N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Compared when the username is unknown too, so a response's timing does not tell which usernames exist. */
const DUMMY_HASH = hashPassword(randomBytes(16).toString('hex'));

const hashToken = (token: string) => createHash('sha256').update(token).digest();

export class AgentExistsError extends Error {
  override name = 'AgentExistsError';
}

export function createAccounts(agents: AgentRecords, { sessionHours }: { sessionHours: number }) {
  return {
    /** The agent's id is its username: the desk writes it on every note, and a person reads it there. */
    async createAgent(input: NewAgent): Promise<Agent> {
      const created = await agents.insertAgent(input, await hashPassword(input.password));
      if (!created) throw new AgentExistsError(`an agent named "${input.username}" already exists`);
      return created;
    },

    listAgents: (): Promise<Agent[]> => agents.listAgents(),

    /** A session for the right password; undefined for a wrong password or an unknown username alike. */
    async login(username: string, password: string, now = new Date()): Promise<Session | undefined> {
      const found = await agents.agentWithPasswordHash(username);
      const ok = await verifyPassword(password, found?.passwordHash ?? (await DUMMY_HASH));
      if (!found || !ok) return undefined;
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000);
      await agents.insertSession(hashToken(token), found.agent.id, expiresAt);
      await agents.deleteSessionsExpiredBefore(now);
      return { token, agent: found.agent, expiresAt: expiresAt.toISOString() };
    },

    agentForToken: (token: string, now = new Date()): Promise<Agent | undefined> => agents.agentOfSession(hashToken(token), now),

    logout: (token: string): Promise<void> => agents.deleteSession(hashToken(token)),
  };
}
export type Accounts = ReturnType<typeof createAccounts>;
