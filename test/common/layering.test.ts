// The layout is the architecture: the library layers (extraction, geography, store, eval, ...) never
// import the command line (src/cli) or the HTTP server (src/server), which sit on top of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sources } from './sources.js';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');
const top = ['cli', 'server'];

// Static `from '...'`, side-effect `import '...'` and dynamic `import('...')` specifiers.
export function importSpecifiers(code: string): string[] {
  const out: string[] = [];
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  for (let m = re.exec(code); m; m = re.exec(code)) out.push(m[1]!);
  return out;
}

function layerOf(file: string): string {
  return relative(src, file).split(sep)[0]!;
}

test('importSpecifiers finds static, side-effect and dynamic imports', () => {
  const code = [
    "import { a } from '../cli/x.js';",
    "import '../server/y.js';",
    "const m = await import('../cli/z.js');",
    "export { b } from './b.js';",
    "const s = 'from nowhere';",
  ].join('\n');
  assert.deepEqual(importSpecifiers(code), ['../cli/x.js', '../server/y.js', '../cli/z.js', './b.js']);
});

test('no library layer imports src/cli or src/server', () => {
  const offences: string[] = [];
  const files = sources(src);
  assert.ok(files.length > 50, `expected the sources under ${src}`);
  for (const file of files) {
    if (top.includes(layerOf(file))) continue;
    for (const spec of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(file), spec);
      const layer = relative(src, target).split(sep)[0]!;
      if (top.includes(layer)) offences.push(`${relative(src, file)} imports ${spec}`);
    }
  }
  assert.deepEqual(offences, []);
});
