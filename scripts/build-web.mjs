// Builds the dashboard (web/, Vite) into dist/web, which `sitrep serve` serves at /.
// Vite is a development dependency: without it (a production install) the step is skipped.
import { cpSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const viteEntry = join(root, 'node_modules', 'vite', 'package.json');

/** Builds into dist/web, or `outDir` (tests build into a temporary directory). */
export async function buildWeb({ quiet = false, outDir = undefined } = {}) {
  if (!existsSync(viteEntry)) {
    console.error('sitrep build: vite is not installed (production install?); the dashboard is not built');
    return false;
  }
  // Place names and rivers for the map (generated/map/), from the gazetteer and Natural Earth.
  const { buildMapData, MAP_DIR } = await import('./map-data.mjs');
  await buildMapData({ quiet });
  const { build } = await import('vite');
  await build({
    configFile: join(root, 'web', 'vite.config.ts'),
    logLevel: quiet ? 'warn' : 'info',
    ...(outDir ? { build: { outDir, emptyOutDir: true } } : {}),
  });
  // The map data beside the bundle, fetched by the page at /map/*.json.
  const mapOut = join(outDir ?? join(root, 'dist', 'web'), 'map');
  mkdirSync(mapOut, { recursive: true });
  for (const name of readdirSync(MAP_DIR)) if (name.endsWith('.json')) cpSync(join(MAP_DIR, name), join(mapOut, name));
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  buildWeb().catch((err) => {
    console.error(`sitrep build: dashboard build failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
