// Static files for the dashboard (dist/web): index.html at /, assets by path. No directory
// traversal (paths are resolved and must stay inside the root), no dotfiles, no directory listings.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

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
}

/** The file for a URL path under `root`, or undefined (not found or not allowed). */
export async function staticFile(root: string, urlPath: string): Promise<StaticFile | undefined> {
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
    return {
      body: await readFile(full),
      contentType: CONTENT_TYPES[extname(full).toLowerCase()] ?? 'application/octet-stream',
      immutable: path.startsWith('/assets/'),
    };
  } catch {
    return undefined;
  }
}
