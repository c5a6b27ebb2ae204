// Analyst review on the command line: `sitrep users add|list|remove`, `sitrep audit` (who changed
// what) and `sitrep reextract` (the current pipeline over the stored documents, reporting where it
// now disagrees with a reviewer). Modules load only when a command runs.
import type { Command } from 'commander';
import { withStore } from './with-store.js';

const DB_HELP = 'SQLite file or postgres:// URL (default: $DATABASE_URL if postgres://, else ./sitrep.db)';

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** --since: YYYY-MM-DD, an ISO time, or a duration back from now (30m, 12h, 7d). */
export function parseSince(value: string, now = Date.now()): number {
  const d = /^(\d+)([mhd])$/.exec(value.trim());
  if (d) return now - Number(d[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[d[2] as 'm' | 'h' | 'd'];
  if (/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim())) {
    const t = Date.parse(value.trim().length === 10 ? `${value.trim()}T00:00:00Z` : value.trim());
    if (Number.isFinite(t)) return t;
  }
  throw new Error(`--since: "${value.slice(0, 40)}" is not a date (YYYY-MM-DD), a time (ISO 8601) or a duration (30m, 12h, 7d)`);
}

export function registerReview(program: Command): void {
  const users = program
    .command('users')
    .description('people who may read (viewer), review events (editor) or also manage users (admin)')
    .addHelpText('after', '\nExamples:\n  sitrep users add amina --role editor   # prints the token once\n  sitrep users list\n  sitrep users remove amina\n\n' +
      'With at least one user, the API and dashboard need a token (Authorization: Bearer ...) or a sign-in.');
  users
    .command('add')
    .description('add a user and print their token (only its hash is stored: keep it now)')
    .argument('<name>', 'user name (letters, digits, . _ @ -)')
    .option('--role <role>', 'viewer, editor or admin', 'viewer')
    .option('--db <path|url>', DB_HELP)
    .action(async (name: string, opts: { role: string; db?: string }) => {
      const { addUser, parseRole } = await import('../review/users.js');
      const role = parseRole(opts.role);
      const user = await withStore(opts.db, (store) => addUser(store, name, role));
      process.stderr.write(`sitrep users: added ${user.name} (${user.role}); their token, shown only now:\n`);
      process.stdout.write(`${user.token}\n`);
    });
  users
    .command('list')
    .description('list the users and their roles')
    .option('--db <path|url>', DB_HELP)
    .option('--json', 'as JSON lines')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const { listUsers } = await import('../review/users.js');
      const list = await withStore(opts.db, (store) => listUsers(store));
      for (const u of list) {
        const created = new Date(u.created_at * 1000).toISOString().slice(0, 19) + 'Z';
        process.stdout.write(opts.json ? JSON.stringify({ name: u.name, role: u.role, created }) + '\n' : `${u.name}\t${u.role}\t${created}\n`);
      }
      if (list.length === 0 && !opts.json) process.stderr.write('sitrep users: no users (the API works as without review: read-only off loopback unless SITREP_API_TOKEN is set)\n');
    });
  users
    .command('remove')
    .description('remove a user (their token and sessions stop working)')
    .argument('<name>')
    .option('--db <path|url>', DB_HELP)
    .action(async (name: string, opts: { db?: string }) => {
      const { removeUser } = await import('../review/users.js');
      if (!(await withStore(opts.db, (store) => removeUser(store, name)))) throw new Error(`users remove: no user named "${name}"`);
      process.stderr.write(`sitrep users: removed ${name}\n`);
    });

  program
    .command('audit')
    .description('list review changes: who changed which field of which event, when, from what to what, and why')
    .option('--user <name>', 'only this user\'s changes')
    .option('--since <when>', 'only changes since a date (YYYY-MM-DD), time (ISO 8601) or duration (7d, 12h)')
    .option('--event <id>', 'only this event\'s changes')
    .option('--format <format>', 'tsv, csv or jsonl', 'tsv')
    .option('--db <path|url>', DB_HELP)
    .addHelpText('after', '\nExamples:\n  sitrep audit --since 7d\n  sitrep audit --user amina --format csv > changes.csv')
    .action(async (opts: { user?: string; since?: string; event?: string; format: string; db?: string }) => {
      if (!['tsv', 'csv', 'jsonl'].includes(opts.format)) throw new Error(`--format: "${opts.format}" is not one of tsv, csv, jsonl`);
      const since = opts.since === undefined ? undefined : parseSince(opts.since);
      const { listAudit } = await import('../review/edits.js');
      const rows = await withStore(opts.db, (store) => listAudit(store, { user: opts.user, since, eventId: opts.event }));
      const columns = ['id', 'at', 'user', 'event_id', 'revision', 'action', 'field', 'before', 'after', 'reason', 'reverts'] as const;
      if (opts.format === 'csv') process.stdout.write(columns.join(',') + '\n');
      for (const r of rows) {
        if (opts.format === 'jsonl') process.stdout.write(JSON.stringify(r) + '\n');
        else if (opts.format === 'csv') process.stdout.write(columns.map((c) => csvCell(r[c])).join(',') + '\n');
        // TSV: values as JSON so that tabs and line breaks in a reason stay on one line.
        else process.stdout.write(columns.map((c) => (c === 'before' || c === 'after' || c === 'reason' ? JSON.stringify(r[c]) : String(r[c] ?? ''))).join('\t') + '\n');
      }
      if (rows.length === 0) process.stderr.write('sitrep audit: no changes match\n');
    });

  program
    .command('reextract')
    .description('run the current pipeline over every stored document and store what it finds; events an analyst reviewed keep their reviewed values, and where sitrep now disagrees with a reviewer is reported')
    .option('--db <path|url>', DB_HELP)
    .option('--json', 'disagreements as JSON lines')
    .action(async (opts: { db?: string; json?: boolean }) => {
      const [{ createExtractor }, { reextractStore }, { Progress }] = await Promise.all([
        import('../pipeline/index.js'), import('../review/reextract.js'), import('../common/progress.js'),
      ]);
      const extractor = createExtractor();
      const result = await withStore(opts.db, async (store) => {
        const progress = new Progress('sitrep reextract', process.stderr, process.stderr.isTTY === true);
        try {
          return await reextractStore(store, extractor, {
            onProgress: (documents, events) => progress.update({ documents, events, errors: 0 }),
            onError: (m) => progress.message(`sitrep reextract: ${m}`),
          });
        } finally {
          progress.clear();
        }
      });
      for (const d of result.disagreements) {
        process.stdout.write(opts.json
          ? JSON.stringify(d) + '\n'
          : `${d.event_id}\t${d.field}\treviewer (${d.reviewer}): ${JSON.stringify(d.reviewed)}\tsitrep now: ${JSON.stringify(d.sitrep)}\n`);
      }
      process.stderr.write(`sitrep reextract: ${result.documents} documents, ${result.events} events; ${result.reviewed} reviewed events kept; ${result.disagreements.length} disagreement(s) with reviewers\n`);
    });
}
