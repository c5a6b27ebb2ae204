// PostgreSQL bulk writes: the rows of a multi-row insert sent as one array parameter per column,
// read back by unnest() and cast to the table's own column types (looked up in the catalog once per
// table and process, so that no type is written here). A VALUES list of thousands of rows is one
// parameter per value: for a worker's batch (16 evidence rows a document) PostgreSQL spent more on
// parsing and planning that list than on storing the rows, and the driver on serialising each value.
// Measured on 32,000 evidence rows (2 indexes): 420 ms of server CPU by VALUES, 190 ms by JSON
// (json_populate_recordset); reading 6,000 evidence rows from JSON took PostgreSQL about three times
// as long as from arrays (the JSON path builds a hash of every row's keys), about half of the insert.
import { createHash } from 'node:crypto';
import { CompiledQuery, type PostgresPool, type PostgresPoolClient, type Transaction } from 'kysely';

/**
 * Statements whose text begins with this are prepared once per connection and run by name (see
 * preparedStatementsPool): a statement of fixed text run for every batch or poll (the bulk inserts,
 * the queueing of a poll's items) is then parsed and planned once per connection, not every time.
 * Only for statements whose plan does not depend on their values (inserts, look-ups by key).
 */
export const PREPARE = '/* sitrep:prepare */ ';

/** The name under which a statement of this text is prepared (one per text and process, and `prefix`). */
export function statementNamer(prefix: string): (text: string) => string {
  const names = new Map<string, string>();
  return (text) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `${prefix}${createHash('sha1').update(text).digest('hex').slice(0, 24)}`));
    return name;
  };
}

/**
 * A pg pool for Kysely whose clients run the statements marked with PREPARE as named prepared
 * statements (pg prepares a name once per connection); every other statement as before.
 */
export function preparedStatementsPool(pool: { connect(): Promise<unknown>; end(): Promise<void> }): PostgresPool {
  const nameOf = statementNamer('sitrep_');
  const patched = new WeakSet<object>();
  return {
    async connect() {
      const client = (await pool.connect()) as PostgresPoolClient;
      if (!patched.has(client)) {
        patched.add(client);
        // pg's query() also takes { name, text, values }: a named statement, prepared on first use.
        const query = client.query.bind(client) as (...args: unknown[]) => any;
        client.query = ((text: unknown, values?: unknown) => {
          if (typeof text !== 'string' || !text.startsWith(PREPARE)) return query(text, values);
          return query({ name: nameOf(text), text, values });
        }) as never;
      }
      return client;
    },
    end: () => pool.end(),
  };
}

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

/** The type of each column of a table (format_type: "integer", "double precision", ...), by table name. */
const columnTypes = new Map<string, Map<string, string>>();

/**
 * The column types of `table` as the transaction's search_path resolves it. Cached for the process:
 * every sitrep store runs the same migrations, so a table's columns have the same types in each.
 */
async function typesOf(trx: Transaction<any>, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (!types) {
    const r = await trx.executeQuery(CompiledQuery.raw(
      'select attname, format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = $1::regclass and attnum > 0 and not attisdropped',
      [quote(table)],
    ));
    types = new Map((r.rows as { attname: string; type: string }[]).map((x) => [x.attname, x.type]));
    columnTypes.set(table, types);
  }
  return types;
}

const ARRAY_SPECIAL = /["\\]/;
const ARRAY_SPECIALS = /["\\]/g;

/**
 * One column of the rows as a PostgreSQL array literal ({"a","b",NULL,1.5}): what the rows' JSON
 * said, read as the column's type. Strings are quoted (their quotes and backslashes escaped); null,
 * undefined and numbers JSON cannot write (NaN, Infinity) are NULL; other objects are their JSON.
 * A lone surrogate becomes U+FFFD, as the driver writes any text parameter.
 */
export function arrayLiteral(values: unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    let v = values[i];
    if (v === null || v === undefined) {
      out += 'NULL';
      continue;
    }
    if (typeof v === 'number') {
      out += Number.isFinite(v) ? String(v) : 'NULL';
      continue;
    }
    if (typeof v === 'boolean' || typeof v === 'bigint') {
      out += String(v);
      continue;
    }
    if (typeof v !== 'string') {
      v = JSON.stringify(v);
      if (v === undefined) {
        out += 'NULL';
        continue;
      }
    }
    const s = v as string;
    out += ARRAY_SPECIAL.test(s) ? `"${s.replace(ARRAY_SPECIALS, '\\$&')}"` : `"${s}"`;
  }
  return out + '}';
}

/**
 * `insert into table (columns) select * from unnest(column arrays...)`, in statements of
 * ROWS_PER_STATEMENT rows; on a conflict over `conflict.keys` the `update` columns take the new
 * row's values (none: the stored row is left alone). With `returning`, that column of the rows
 * written (a row left alone is not). Every row must give every column of `columns` (null, not
 * undefined, for no value): a missing key is written as null, not as the column's default.
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
  const types = await typesOf(trx, table);
  const cols = columns.map(quote).join(', ');
  const arrays = columns.map((c, i) => {
    const type = types.get(c);
    if (!type) throw new Error(`column "${c}" of relation "${table}" does not exist`);
    return `$${i + 1}::${type}[]`;
  });
  const tail = onConflictClause(conflict);
  const text = `${PREPARE}insert into ${quote(table)} as t (${cols}) select * from unnest(${arrays.join(', ')})${tail}` +
    (returning ? ` returning ${quote(returning)}` : '');
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + ROWS_PER_STATEMENT) as Record<string, unknown>[];
    const r = await trx.executeQuery(CompiledQuery.raw(text, columns.map((c) => arrayLiteral(part.map((row) => row[c])))));
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
