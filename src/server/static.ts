// Static files for the dashboard (dist/web): index.html at /, assets by path. No directory
// traversal (paths are resolved and must stay inside the root), no dotfiles, no directory listings.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** Hashed asset names never change: cache them; index.html must be revalidated. */
  immutable: boolean;
  /** 'gzip' when `body` is compressed (the client accepts it and the type compresses). */
  encoding?: 'gzip';
}

/** Text-like types worth compressing (the map data and the bundle shrink to a third or less). */
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|wasm)|image\/svg)/;
const MIN_COMPRESS = 1024;
/** Compressed bodies by path and modification time: each file is compressed once. */
const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>();

/** The file for a URL path under `root`, or undefined (not found or not allowed). */
export async function staticFile(root: string, urlPath: string, acceptsGzip = false): Promise<StaticFile | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path === '/' || path === '') path = '/index.html';
  if (path.includes('\0') || path.includes('\\') || path.split('/').some((part) => part.startsWith('.'))) return undefined;
  const base = resolve(root);
  const full = resolve(base, '.' + path);
  if (!full.startsWith(base + sep)) return undefined;
  try {
    const st = await stat(full);
    if (!st.isFile()) return undefined;
    const contentType = CONTENT_TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream';
    const immutable = path.startsWith('/assets/');
    if (acceptsGzip && st.size >= MIN_COMPRESS && COMPRESSIBLE.test(contentType)) {
      let hit = gzipped.get(full);
      if (!hit || hit.mtimeMs !== st.mtimeMs) {
        hit = { mtimeMs: st.mtimeMs, body: gzipSync(await readFile(full), { level: 9 }) };
        gzipped.set(full, hit);
      }
      return { body: hit.body, contentType, immutable, encoding: 'gzip' };
    }
    return { body: await readFile(full), contentType, immutable };
  } catch {
    return undefined;
  }
}
