// The TypeScript files below a folder, in a stable order (for tests that read the sources).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}
