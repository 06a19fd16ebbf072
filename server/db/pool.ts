/**
 * The hub's connection pool and the one way it writes. Every write takes the same
 * transaction-scoped advisory lock before it draws versions from `change_version`:
 * versions then commit in the order they were drawn, so a desk that pulled up to
 * version N can never later find a smaller version committed behind its cursor.
 * Writes are notes and imports, a few per second, so one writer at a time costs little
 * (see docs/scaling.md).
 */
import pg, { type ClientBase, type Pool, type PoolClient } from 'pg';

/** pg hands bigint back as a string; versions stay far below 2^53, so numbers are safe and simpler. */
const INT8 = 20;
/** A DATE is a calendar day, not an instant: keep PostgreSQL's "YYYY-MM-DD" rather than a local-midnight Date. */
const DATE = 1082;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
};

/** What a door function runs its SQL on: the pool, or the client of a transaction it is part of. */
export type Queryable = Pool | ClientBase;

export function createPool(url: string, max = 10): Pool {
  return new pg.Pool({ connectionString: url, max, types, connectionTimeoutMillis: 5_000 });
}

/**
 * SQLSTATE classes 22 (data exception) and 23 (integrity violation, e.g. a customer
 * number another customer holds): the row is wrong and retrying will not help, unlike
 * a lost connection or a hub shutting down.
 */
export const isDataError = (err: unknown): boolean => /^2[23]/.test((err as { code?: string }).code ?? '');

/** The channel every hub LISTENs on; the payload is the newest committed version. */
export const CHANGES_CHANNEL = 'agent_desk_changes';

const WRITE_LOCK = 4_780_002;

/** Runs `work` in one transaction that first takes the advisory lock `key`, so writers under one key commit one after another. */
export async function lockedTransaction<T>(pool: Pool, key: number, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [key]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Runs `work` in one transaction holding the write lock. Rows take their version with
 * `nextval('change_version')` in their own INSERT or UPDATE; if any did, every hub hears
 * the newest version through NOTIFY, which PostgreSQL delivers only on commit.
 */
export function writeTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return lockedTransaction(pool, WRITE_LOCK, async (client) => {
    const before = await newestVersion(client);
    const result = await work(client);
    const after = await newestVersion(client);
    if (after !== before) await client.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(after)]);
    return result;
  });
}

/** The newest version drawn by anyone (0 before the first); under the write lock, only the lock's holder moves it. */
export async function newestVersion(client: ClientBase): Promise<number> {
  const { rows } = await client.query<{ v: number }>('SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS v FROM change_version');
  return rows[0]!.v;
}
