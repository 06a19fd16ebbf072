/**
 * Loads an ERP or helpdesk feed into the hub: upserts by the feed's own external id,
 * a thousand rows per statement. A row that is unchanged keeps its version, so
 * importing the same feed nightly sends desks nothing new. When a batch trips over a
 * constraint, it is retried row by row, so only the offending rows are reported (with
 * their line) and every good row is kept.
 */
import type { UpsertOutcome } from '../db/feed-upserts.js';
import type { HubDb } from '../db/hub-db.js';
import { isDataError } from '../db/pool.js';
import { type ImportFormat, type ImportKind, type ImportRecord, readImportRecords } from './import-records.js';

const BATCH = 1_000;

export interface ImportReport {
  kind: ImportKind;
  /** Rows read and valid. */
  accepted: number;
  /** Rows that changed the hub (new or different). */
  changed: number;
  rejected: { line: number; reason: string }[];
}

type Numbered<K extends ImportKind> = { line: number; record: ImportRecord<K> };

export async function importFeed<K extends ImportKind>(
  db: Pick<HubDb, 'write'>,
  kind: K,
  input: NodeJS.ReadableStream,
  options: { format: ImportFormat; region: string },
): Promise<ImportReport> {
  const report: ImportReport = { kind, accepted: 0, changed: 0, rejected: [] };
  let batch: Numbered<K>[] = [];
  const flush = async () => {
    if (batch.length > 0) await writeBatch(db, kind, latestPerExternalId(batch), report);
    batch = [];
  };
  for await (const item of readImportRecords(kind, input, options)) {
    if ('error' in item) {
      report.rejected.push({ line: item.line, reason: item.error });
      continue;
    }
    report.accepted++;
    batch.push(item);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  report.rejected.sort((a, b) => a.line - b.line);
  return report;
}

/** A feed may list one external id twice; the later row is the newer truth, and one statement may touch a row only once. */
function latestPerExternalId<K extends ImportKind>(batch: Numbered<K>[]): Numbered<K>[] {
  return [...new Map(batch.map((row) => [row.record.externalId, row])).values()];
}

async function writeBatch<K extends ImportKind>(db: Pick<HubDb, 'write'>, kind: K, rows: Numbered<K>[], report: ImportReport): Promise<void> {
  const upsert = (records: ImportRecord<K>[], whyRefused: (missingExternalId: string) => string) =>
    db.write(async (tx) => {
      const { changed, missing } = await (tx.feed[kind] as (rows: ImportRecord<K>[]) => Promise<UpsertOutcome>)(records);
      if (missing.size > 0) throw new RowRefused(whyRefused([...missing][0]!));
      return changed;
    });
  try {
    report.changed += await upsert(rows.map((r) => r.record), () => 'some rows belong to customers the hub has not got');
    return;
  } catch (err) {
    if (!isRowsFault(err)) throw err;
  }
  for (const row of rows) {
    try {
      report.changed += await upsert([row.record], (id) => `no customer with external_id "${id}" on the hub; import customers first`);
    } catch (err) {
      if (!isRowsFault(err)) throw err;
      report.rejected.push({ line: row.line, reason: (err as Error).message });
    }
  }
}

class RowRefused extends Error {}

/** The rows are wrong (a customer missing, a constraint broken): retrying as they are will not help, unlike a lost connection. */
const isRowsFault = (err: unknown) => err instanceof RowRefused || isDataError(err);
