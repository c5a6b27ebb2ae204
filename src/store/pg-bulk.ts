// PostgreSQL bulk writes: the rows of a multi-row insert sent as one JSON parameter, read back by
// json_populate_recordset over the table's own row type (so every column keeps its type, and no
// type is written here). A VALUES list of thousands of rows is one parameter per value: for a
// worker's batch (16 evidence rows a document) PostgreSQL spent more on parsing and planning that
// list than on storing the rows, and the driver on serialising each value. Measured on 32,000
// evidence rows (2 indexes): 420 ms of server CPU by VALUES, 190 ms by JSON.
import { CompiledQuery, type Transaction } from 'kysely';

/** Rows per statement: a few MB of JSON at most, so that no statement holds a huge string. */
const ROWS_PER_STATEMENT = 5000;

/** A quoted SQL identifier. */
export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** What a conflict over `keys` does: the `update` columns take the new row's values, else nothing. */
export function onConflictClause(conflict?: { keys: string[]; update?: string[]; where?: string }): string {
  if (!conflict) return '';
  const action = conflict.update?.length
    ? `update set ${conflict.update.map((col) => `${quote(col)} = excluded.${quote(col)}`).join(', ')}${conflict.where ? ` where ${conflict.where}` : ''}`
    : 'nothing';
  return ` on conflict (${conflict.keys.map(quote).join(', ')}) do ${action}`;
}

/**
 * A lone surrogate, escaped by JSON.stringify as \udXXX (a pair is written as it is), after an even
 * number of backslashes (an odd one would make the backslash itself escaped text).
 */
const ESCAPED_LONE_SURROGATE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/**
 * The rows as a JSON array. A lone surrogate, which PostgreSQL's JSON refuses, becomes U+FFFD, as
 * the driver writes it in a text parameter (stored documents have none: src/ingest/storable.ts).
 */
export function rowsJson(rows: object[]): string {
  const json = JSON.stringify(rows);
  return json.includes('\\ud') ? json.replace(ESCAPED_LONE_SURROGATE, '$1\\ufffd') : json;
}

/**
 * `insert into table (columns) select columns from json_populate_recordset(...)`, in statements of
 * ROWS_PER_STATEMENT rows; on a conflict over `conflict.keys` the `update` columns take the new
 * row's values (none: the stored row is left alone). With `returning`, that column of the rows
 * written (a row left alone is not). Every row must give every column of
 * `columns` (null, not undefined, for no value): a missing key would be read as null, not as the
 * column's default.
 */
export async function insertJsonRows(
  trx: Transaction<any>,
  table: string,
  columns: string[],
  rows: object[],
  conflict?: { keys: string[]; update?: string[]; where?: string },
  returning?: string,
): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  if (rows.length === 0) return out;
  const cols = columns.map(quote).join(', ');
  const tail = onConflictClause(conflict);
  const text = `insert into ${quote(table)} as t (${cols}) select ${cols} from json_populate_recordset(null::${quote(table)}, $1::json)${tail}` +
    (returning ? ` returning ${quote(returning)}` : '');
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const r = await trx.executeQuery(CompiledQuery.raw(text, [rowsJson(rows.slice(i, i + ROWS_PER_STATEMENT))]));
    if (returning) out.push(...(r.rows as Record<string, unknown>[]));
  }
  return out;
}

/** The columns some row gives a value (not undefined), in first-seen order, and whether every row gives each of them. */
export function rowColumns(rows: object[]): { columns: string[]; complete: boolean } {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const [col, v] of Object.entries(row)) {
      if (v === undefined || seen.has(col)) continue;
      seen.add(col);
      columns.push(col);
    }
  }
  let complete = true;
  outer: for (const row of rows) {
    const r = row as Record<string, unknown>;
    for (const col of columns) {
      if (r[col] === undefined) {
        complete = false;
        break outer;
      }
    }
  }
  return { columns, complete };
}
