// /api/openapi.json: generated from the zod schemas that validate requests, clean under a standard
// OpenAPI linter (Redocly CLI, recommended-strict: warnings count as errors), and covering exactly
// the routes the server answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';

let store: Store;
let dir: string;
let spec: any;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-openapi-'));
  store = await openStore(join(dir, 'test.db'));
  const res = await createApp(store, { loopback: true }).request('/api/openapi.json');
  assert.equal(res.status, 200);
  spec = await res.json();
});

after(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

test('Redocly CLI lints the generated description with no errors and no warnings (recommended-strict)', () => {
  const file = join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(spec));
  const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
  const r = spawnSync(process.execPath, [cli, 'lint', file, '--extends', 'recommended-strict', '--format', 'json'], {
    encoding: 'utf8',
    // Offline: no telemetry, no update check.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    timeout: 60_000,
  });
  const start = r.stdout.indexOf('{');
  assert.ok(start >= 0, `no JSON report from redocly (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  const report = JSON.parse(r.stdout.slice(start)) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string; location: { pointer: string }[] }[] };
  const listed = report.problems.map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`).join('\n');
  assert.equal(report.totals.errors, 0, listed);
  assert.equal(report.totals.warnings, 0, listed);
  assert.equal(r.status, 0);
});

test('every operation has a unique operationId, a security requirement and problem+json errors; schemes are declared', () => {
  const ids = new Set<string>();
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      assert.match(op.operationId ?? '', /^[a-z][A-Za-z]+$/, `${method} ${path}`);
      assert.ok(!ids.has(op.operationId), `duplicate ${op.operationId}`);
      ids.add(op.operationId);
      assert.ok(Array.isArray(op.security), `${method} ${path}: security`);
      for (const req of op.security) for (const name of Object.keys(req)) assert.ok(spec.components.securitySchemes[name], name);
      const errors = Object.entries<any>(op.responses).filter(([status]) => Number(status) >= 400);
      assert.ok(errors.length > 0, `${method} ${path}: no error response`);
      for (const [, r] of errors) assert.ok(r.content['application/problem+json'], `${method} ${path}`);
    }
  }
  assert.deepEqual(Object.keys(spec.components.securitySchemes).sort(), ['bearer', 'session']);
});

test('the description and the router cannot drift: the same operations, and each refuses what it does not declare', async () => {
  const app = createApp(store, { loopback: true });
  const routed = new Set(
    app.routes
      .filter((r) => r.path.startsWith('/api/') && r.path !== '/api/*' && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
  );
  const described = new Set<string>();
  for (const [path, item] of Object.entries<any>(spec.paths)) for (const method of Object.keys(item)) described.add(`${method.toUpperCase()} ${path}`);
  assert.deepEqual([...routed].sort(), [...described].sort());
  // Query parameters come from the same schemas: an undeclared one is refused by name, and a
  // declared enum is enforced.
  for (const [path, item] of Object.entries<any>(spec.paths)) {
    if (!item.get || path.includes('{')) continue;
    const res = await app.request(`${path}?not_a_parameter=1`);
    assert.equal(res.status, 400, path);
    assert.equal(((await res.json()) as { parameter: string }).parameter, 'not_a_parameter', path);
  }
  const details = spec.paths['/api/events.geojson'].get.parameters.find((p: any) => p.name === 'details');
  assert.deepEqual(details.schema.enum, ['0', '1']);
  const bad = await app.request('/api/events.geojson?details=2');
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as { parameter: string }).parameter, 'details');
});
