/**
 * Agents and their sessions. Passwords are hashed with scrypt (Node's own, memory-hard,
 * so a stolen table is slow to crack); a session token is 32 random bytes handed to
 * the agent once, and only its SHA-256 is stored, so the table alone cannot log anyone in.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import type { Agent, NewAgent, Session } from '../shared/sync.js';

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

type AgentRow = Agent & { password_hash: string };
const AGENT_COLUMNS = 'id, username, name, role';

export function createAccounts(pool: Pool, { sessionHours }: { sessionHours: number }) {
  return {
    /** The agent's id is its username: the desk writes it on every note, and a person reads it there. */
    async createAgent(input: NewAgent): Promise<Agent> {
      const hash = await hashPassword(input.password);
      const { rows } = await pool.query<Agent>(
        `INSERT INTO agents (id, username, name, role, password_hash) VALUES ($1, $1, $2, $3, $4)
         ON CONFLICT (username) DO NOTHING RETURNING ${AGENT_COLUMNS}`,
        [input.username, input.name, input.role, hash],
      );
      if (!rows[0]) throw new AgentExistsError(`an agent named "${input.username}" already exists`);
      return rows[0];
    },

    async listAgents(): Promise<Agent[]> {
      return (await pool.query<Agent>(`SELECT ${AGENT_COLUMNS} FROM agents ORDER BY username`)).rows;
    },

    /** A session for the right password; undefined for a wrong password or an unknown username alike. */
    async login(username: string, password: string, now = new Date()): Promise<Session | undefined> {
      const { rows } = await pool.query<AgentRow>(`SELECT ${AGENT_COLUMNS}, password_hash FROM agents WHERE username = $1`, [username]);
      const row = rows[0];
      const ok = await verifyPassword(password, row?.password_hash ?? (await DUMMY_HASH));
      if (!row || !ok) return undefined;
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + sessionHours * 3_600_000);
      await pool.query('INSERT INTO sessions (token_hash, agent_id, expires_at) VALUES ($1, $2, $3)', [hashToken(token), row.id, expiresAt]);
      await pool.query('DELETE FROM sessions WHERE expires_at < $1', [now]);
      const { password_hash: _, ...agent } = row;
      return { token, agent, expiresAt: expiresAt.toISOString() };
    },

    async agentForToken(token: string, now = new Date()): Promise<Agent | undefined> {
      const { rows } = await pool.query<Agent>(
        `SELECT a.id, a.username, a.name, a.role FROM sessions s JOIN agents a ON a.id = s.agent_id
         WHERE s.token_hash = $1 AND s.expires_at > $2`,
        [hashToken(token), now],
      );
      return rows[0];
    },

    async logout(token: string): Promise<void> {
      await pool.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
    },
  };
}
export type Accounts = ReturnType<typeof createAccounts>;
