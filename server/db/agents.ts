/** The agents table and their sessions; a session is found by its token's hash, never by the token (server/accounts.ts). */
import type { Agent, NewAgent } from '../../shared/sync.js';
import type { Queryable } from './pool.js';

export interface AgentRecords {
  /** The agent's id is its username; undefined when an agent already has that username. */
  insertAgent(agent: Omit<NewAgent, 'password'>, passwordHash: string): Promise<Agent | undefined>;
  /** By username. */
  listAgents(): Promise<Agent[]>;
  agentWithPasswordHash(username: string): Promise<{ agent: Agent; passwordHash: string } | undefined>;
  insertSession(tokenHash: Buffer, agentId: string, expiresAt: Date): Promise<void>;
  deleteSessionsExpiredBefore(now: Date): Promise<void>;
  /** The agent whose session has this token hash and has not expired at `now`. */
  agentOfSession(tokenHash: Buffer, now: Date): Promise<Agent | undefined>;
  deleteSession(tokenHash: Buffer): Promise<void>;
}

const AGENT_COLUMNS = 'id, username, name, role';

export function agentRecords(db: Queryable): AgentRecords {
  return {
    async insertAgent({ username, name, role }, passwordHash) {
      const { rows } = await db.query<Agent>(
        `INSERT INTO agents (id, username, name, role, password_hash) VALUES ($1, $1, $2, $3, $4)
         ON CONFLICT (username) DO NOTHING RETURNING ${AGENT_COLUMNS}`,
        [username, name, role, passwordHash],
      );
      return rows[0];
    },

    async listAgents() {
      return (await db.query<Agent>(`SELECT ${AGENT_COLUMNS} FROM agents ORDER BY username`)).rows;
    },

    async agentWithPasswordHash(username) {
      const { rows } = await db.query<Agent & { password_hash: string }>(`SELECT ${AGENT_COLUMNS}, password_hash FROM agents WHERE username = $1`, [username]);
      if (!rows[0]) return undefined;
      const { password_hash: passwordHash, ...agent } = rows[0];
      return { agent, passwordHash };
    },

    async insertSession(tokenHash, agentId, expiresAt) {
      await db.query('INSERT INTO sessions (token_hash, agent_id, expires_at) VALUES ($1, $2, $3)', [tokenHash, agentId, expiresAt]);
    },

    async deleteSessionsExpiredBefore(now) {
      await db.query('DELETE FROM sessions WHERE expires_at < $1', [now]);
    },

    async agentOfSession(tokenHash, now) {
      const { rows } = await db.query<Agent>(
        `SELECT a.id, a.username, a.name, a.role FROM sessions s JOIN agents a ON a.id = s.agent_id
         WHERE s.token_hash = $1 AND s.expires_at > $2`,
        [tokenHash, now],
      );
      return rows[0];
    },

    async deleteSession(tokenHash) {
      await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
    },
  };
}
