// `sitrep serve`: the HTTP JSON API (and the dashboard, when built) on http://127.0.0.1:8080.
// `--ingest-samples` first ingests the bundled sample articles (what `npm start` does).
import type { Command } from 'commander';

interface ServeOptions {
  port: string;
  host: string;
  db?: string;
  webRoot?: string;
  ingestSamples?: boolean;
  allowedHost: string[];
  cors: string[];
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the events over an HTTP JSON API (and the dashboard at /, when built)')
    .option('-p, --port <port>', 'port to listen on', '8080')
    .option('--host <host>', 'address to listen on (writes need SITREP_API_TOKEN beyond loopback)', '127.0.0.1')
    .option('--db <path|url>', 'SQLite file or postgres:// URL (default: $DATABASE_URL if postgres://, else ./sitrep.db)')
    .option('--web-root <dir>', 'dashboard files to serve at / (default: dist/web of this installation)')
    .option('--ingest-samples', 'first ingest the bundled sample articles (samples/articles)')
    .option(
      '--allowed-host <name>',
      'a host name clients may use besides --host and loopback names (repeatable; e.g. behind a proxy)',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .option(
      '--cors <origin>',
      'let web pages of this origin use the API (repeatable, or comma-separated; * for any); they write with a bearer token only',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[],
    )
    .addHelpText(
      'after',
      '\nEnvironment:\n' +
        '  DATABASE_URL       postgres://... to use PostgreSQL (when --db is not given)\n' +
        '  SITREP_PG_SCHEMA   PostgreSQL schema for sitrep\'s tables (created if missing)\n' +
        '  SITREP_API_TOKEN   writes (POST /api/documents) need "Authorization: Bearer <token>";\n' +
        '                     without it, writes are accepted only when listening on loopback\n' +
        '\nWith users (`sitrep users add NAME --role viewer|editor|admin`), every API request needs a\n' +
        'user\'s token or a dashboard sign-in; editors review events (PATCH /api/events/{id}).\n' +
        '\nRequests must name an expected Host (loopback names, --host, --allowed-host): a defence against\n' +
        'DNS rebinding; browsers may write only from the server\'s own origin (the dashboard).\n' +
        '\nEndpoints: /api/events, /api/events/{id}, /api/documents/{id}, /api/events.csv,\n' +
        '/api/events.geojson, /api/stats, POST /api/documents; described at /api/openapi.json.\n' +
        '\nRequired: nothing (the database is created when missing).\n\nExamples:\n' +
        '  sitrep serve --ingest-samples                 # the bundled samples, dashboard at http://localhost:8080/\n' +
        '  sitrep ingest samples/articles && sitrep serve --port 3000\n' +
        '  sitrep serve --cors https://analysis.example.org   # pages there may use the API\n' +
        '  SITREP_API_TOKEN=secret sitrep serve --host 0.0.0.0 --db postgres://localhost/sitrep',
    )
    .action(async (opts: ServeOptions) => {
      await runServe(opts);
    });
}

async function runServe(opts: ServeOptions): Promise<void> {
  checkPort(opts.port);
  const [{ fileURLToPath }, { join }, { existsSync }, { openConfiguredStore }] = await Promise.all([
    import('node:url'),
    import('node:path'),
    import('node:fs'),
    import('../store/index.js'),
  ]);
  const store = await openConfiguredStore(opts.db);
  if (opts.ingestSamples) {
    // src/cli and dist/cli are both two levels below the package root.
    const samples = join(fileURLToPath(new URL('../../', import.meta.url)), 'samples', 'articles');
    if (!existsSync(samples)) throw new Error(`no sample articles at ${samples}`);
    const { ingestInputs } = await import('./ingest-command.js');
    await ingestInputs(store, [samples], {}, { label: 'sitrep serve: samples' });
  }
  const server = await listen(store, opts, {}, 'sitrep serve');
  const stop = () => {
    server.close();
    void store.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function checkPort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535) throw new Error(`--port: "${value}" is not a port number (0-65535)`);
  return port;
}

export interface ListenOptions {
  port: string;
  host: string;
  webRoot?: string;
  allowedHost: string[];
  /** --cors origins (none: no cross-origin use). */
  cors?: string[];
}

/** Serves the API and dashboard for `store` (serve and watch); resolves once listening. */
export async function listen(
  store: import('../store/index.js').Store,
  opts: ListenOptions,
  extra: Partial<import('../server/app.js').AppOptions>,
  label: string,
): Promise<import('node:http').Server & { boundPort: number }> {
  const port = checkPort(opts.port);
  const [{ fileURLToPath }, { join }, { existsSync }, { createApp, isLoopbackHost }, { hostPolicy }, { serve }, { corsPolicy }] = await Promise.all([
    import('node:url'),
    import('node:path'),
    import('node:fs'),
    import('../server/app.js'),
    import('../server/origin.js'),
    import('@hono/node-server'),
    import('../server/cors.js'),
  ]);
  const cors = corsPolicy(opts.cors ?? []);
  // src/cli and dist/cli are both two levels below the package root.
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const webRoot = opts.webRoot ?? join(root, 'dist', 'web');
  if (opts.webRoot && !existsSync(opts.webRoot)) throw new Error(`--web-root: no directory ${opts.webRoot}`);
  const token = process.env.SITREP_API_TOKEN || undefined;
  const loopback = isLoopbackHost(opts.host);
  // SQLite: pages of events read by worker threads (SITREP_READ_WORKERS, default 2; 0: on the event loop).
  const readWorkers = Number(process.env.SITREP_READ_WORKERS ?? 2);
  if (!Number.isInteger(readWorkers) || readWorkers < 0 || readWorkers > 16) throw new Error('SITREP_READ_WORKERS must be a whole number from 0 to 16');
  const readPool = store.sqliteFile && readWorkers > 0
    ? (await import('../server/read-pool.js')).sqliteReadPool(store.sqliteFile, readWorkers)
    : undefined;
  const app = createApp(store, { token, loopback, webRoot, hosts: hostPolicy(opts.host, opts.allowedHost), cors, readPool, ...extra });
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
      const host = info.address.includes(':') ? `[${info.address}]` : info.address;
      const shown = host === '127.0.0.1' || host === '[::1]' ? 'localhost' : host;
      const base = `http://${shown}:${info.port}`;
      // The dashboard's full URL first, on a line of its own: terminals make it clickable.
      if (existsSync(webRoot)) process.stderr.write(`${label}: dashboard at ${base}/\n`);
      process.stderr.write(`${label}: API at ${base}/api/events (description: ${base}/api/openapi.json) using ${store.toString()}\n`);
      if (!loopback && !token) process.stderr.write(`${label}: writes (POST /api/documents) are disabled: set SITREP_API_TOKEN to allow them\n`);
      resolve(Object.assign(server as import('node:http').Server, { boundPort: info.port }));
    });
    server.on('error', (err: NodeJS.ErrnoException) => {
      process.stderr.write(`${label}: cannot listen on ${opts.host}:${port}: ${err.code === 'EADDRINUSE' ? 'address in use' : err.message}\n`);
      process.exit(1);
    });
  });
}
