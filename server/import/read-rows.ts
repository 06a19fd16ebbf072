/**
 * Turns a feed file into raw rows, each with the line it came from, so that whatever
 * is wrong with a row can be reported against the line IT sees in its editor. A row
 * the format itself cannot read is an error row; the feed's good rows still come through.
 */
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';

export type FeedInput = NodeJS.ReadableStream | AsyncIterable<string | Buffer>;
export type RawRow = { line: number; value: unknown; error?: undefined } | { line: number; error: string };

export async function* csvRows(input: FeedInput): AsyncIterable<RawRow> {
  const parser = Readable.from(input as AsyncIterable<string | Buffer>).pipe(
    parse({ columns: true, bom: true, info: true, skip_empty_lines: true, relax_column_count: true }),
  );
  let line = 1; // the header
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      line = info.lines;
      yield { line, value: record };
    }
  } catch (err) {
    // csv-parse cannot resynchronise after a syntax error (an unclosed quote swallows the rest),
    // so the feed ends here; a failing read of the file itself is not the feed's fault and propagates.
    if (!(err instanceof CsvError)) throw err;
    // An unclosed quote is only noticed at the end of the file; the line to fix is where its record began.
    if (err.code === 'CSV_QUOTE_NOT_CLOSED') yield { line: line + 1, error: 'not valid CSV: a quoted field that starts here is never closed' };
    else yield { line: (err as CsvError & { lines?: number }).lines ?? line + 1, error: `not valid CSV: ${err.message}` };
  }
}

export async function* jsonLines(input: FeedInput): AsyncIterable<RawRow> {
  let line = 0;
  for await (const raw of createInterface({ input: Readable.from(input as AsyncIterable<string | Buffer>), crlfDelay: Infinity })) {
    line++;
    // Windows tools write a byte-order mark that JSON.parse refuses.
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      yield { line, error: `not valid JSON (${(err as Error).message})` };
      continue;
    }
    yield typeof value === 'object' && value !== null && !Array.isArray(value) ? { line, value } : { line, error: 'not a JSON object' };
  }
}
