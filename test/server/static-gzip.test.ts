// The dashboard's files go out gzip-compressed to a client that accepts it (the map data shrinks
// to about a third), unchanged to one that does not; tiny files and images are never compressed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { staticFile } from '../../src/server/static.js';

test('static files: gzip when accepted and worth it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'sitrep-static-'));
  try {
    mkdirSync(join(root, 'assets'));
    const js = 'const x = "sitrep";\n'.repeat(500);
    writeFileSync(join(root, 'assets', 'app-1.js'), js);
    writeFileSync(join(root, 'assets', 'tiny.json'), '{}');
    writeFileSync(join(root, 'assets', 'pic.png'), Buffer.alloc(5000, 1));
    const gz = await staticFile(root, '/assets/app-1.js', true);
    assert.equal(gz?.encoding, 'gzip');
    assert.ok(gz!.body.length < js.length / 10);
    assert.equal(gunzipSync(gz!.body).toString(), js);
    const plain = await staticFile(root, '/assets/app-1.js', false);
    assert.equal(plain?.encoding, undefined);
    assert.equal(plain!.body.toString(), js);
    assert.equal((await staticFile(root, '/assets/tiny.json', true))?.encoding, undefined);
    assert.equal((await staticFile(root, '/assets/pic.png', true))?.encoding, undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
