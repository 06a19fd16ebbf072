/**
 * The hub's schema, as numbered steps recorded in schema_migrations. Several hubs may
 * start at once behind a load balancer, so the steps run under an advisory lock and
 * each in its own transaction; a step that has shipped is never edited.
 */
import type { Pool, PoolClient } from 'pg';
import { LEGACY_TEXT_SQL } from './legacy-text.js';

interface Migration {
  version: number;
  what: string;
  sql: string;
}

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    what: 'agents and sessions; customers, phones, purchases, tickets, interactions with change versions; applied mutations',
    sql: `
      CREATE SEQUENCE change_version;
      CREATE TABLE agents (
        id text PRIMARY KEY,
        username text NOT NULL UNIQUE,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('operator', 'supervisor', 'admin')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE sessions (
        token_hash bytea PRIMARY KEY,
        agent_id text NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_by_expiry ON sessions (expires_at);
      CREATE TABLE customers (
        id text PRIMARY KEY,
        external_id text UNIQUE,
        customer_number text NOT NULL UNIQUE,
        first_name text NOT NULL,
        last_name text NOT NULL,
        company text,
        email text,
        type text NOT NULL CHECK (type IN ('person', 'business')),
        industry text,
        source text,
        tags jsonb NOT NULL DEFAULT '[]',
        country text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version bigint NOT NULL
      );
      CREATE INDEX customers_by_version ON customers (version);
      CREATE TABLE phones (
        customer_id text NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        e164 text NOT NULL,
        label text NOT NULL,
        PRIMARY KEY (customer_id, e164)
      );
      CREATE INDEX phones_by_e164 ON phones (e164);
      CREATE TABLE purchases (
        id text PRIMARY KEY,
        external_id text UNIQUE,
        customer_id text NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        order_number text NOT NULL,
        product text NOT NULL,
        quantity integer NOT NULL CHECK (quantity > 0),
        amount_minor bigint NOT NULL,
        currency text NOT NULL,
        purchased_at timestamptz NOT NULL,
        version bigint NOT NULL
      );
      CREATE INDEX purchases_by_version ON purchases (version);
      CREATE TABLE tickets (
        id text PRIMARY KEY,
        external_id text UNIQUE,
        customer_id text NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        subject text NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'pending', 'resolved', 'closed')),
        priority text NOT NULL CHECK (priority IN ('urgent', 'high', 'normal', 'low')),
        opened_at timestamptz NOT NULL,
        sla_due_at timestamptz,
        version bigint NOT NULL
      );
      CREATE INDEX tickets_by_version ON tickets (version);
      CREATE TABLE interactions (
        id text PRIMARY KEY,
        customer_id text REFERENCES customers(id) ON DELETE SET NULL,
        kind text NOT NULL CHECK (kind IN ('call', 'note')),
        call_id text,
        phone text,
        disposition text,
        note text NOT NULL,
        follow_up_on date,
        agent text NOT NULL,
        at timestamptz NOT NULL,
        version bigint NOT NULL
      );
      CREATE INDEX interactions_by_version ON interactions (version);
      CREATE INDEX interactions_by_customer ON interactions (customer_id, at);
      -- One row per mutation a desk pushed: a replay finds it here and changes nothing.
      CREATE TABLE mutations (
        mutation_id uuid PRIMARY KEY,
        agent_id text NOT NULL,
        kind text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
  {
    version: 2,
    what: 'the supervisor board: queue events from the PBX and agent states from desks, in arrival order',
    sql: `
      CREATE TABLE board_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        input jsonb NOT NULL
      );
      CREATE INDEX board_events_by_time ON board_events (at);
    `,
  },
  {
    version: 3,
    what: 'applied mutations keyed by agent and mutation id: one agent reusing another’s id is not taken for a replay',
    sql: `
      ALTER TABLE mutations DROP CONSTRAINT mutations_pkey;
      ALTER TABLE mutations ADD PRIMARY KEY (agent_id, mutation_id);
    `,
  },
  { version: 4, what: 'text written before the shared text rules brought within them', sql: LEGACY_TEXT_SQL },
];

export const LATEST_HUB_SCHEMA = MIGRATIONS.length;

/** Any constant both hubs agree on: the key of the advisory lock that keeps two hubs from migrating at once. */
const MIGRATION_LOCK = 4_780_001;

export class HubSchemaError extends Error {
  override name = 'HubSchemaError';
}

/** Brings the database to the newest schema; returns the versions it applied. */
export async function migrateHub(pool: Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, what text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const current = await currentVersion(client);
    if (current > LATEST_HUB_SCHEMA) {
      throw new HubSchemaError(`the database has hub schema ${current}; this hub knows up to ${LATEST_HUB_SCHEMA}: update the hub`);
    }
    const applied: number[] = [];
    for (const step of MIGRATIONS.slice(current)) {
      await client.query('BEGIN');
      try {
        await client.query(step.sql);
        await client.query('INSERT INTO schema_migrations (version, what) VALUES ($1, $2)', [step.version, step.what]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new HubSchemaError(`hub migration ${step.version} (${step.what}) failed: ${(err as Error).message}`);
      }
      applied.push(step.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

async function currentVersion(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}
