// The dashboard's build: web/ -> dist/web, served by `sitrep serve` at /. Everything (code, styles,
// the Natural Earth base map) is bundled: the page makes no request beyond its own server.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Defence in depth for untrusted article text: even if some text ever reached the DOM as HTML,
// no inline script, handler or foreign resource could run or load. Build only (dev needs inline HMR).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'sitrep-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`);
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [contentSecurityPolicy()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  server: {
    // `npx vite web` during development, with `sitrep serve --port 8080` running beside it.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
