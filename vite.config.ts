/**
 * The editor's build: the Vite root is app/ (index.html lives there); the production build goes to dist/ at the repo
 * root. The production page carries a Content-Security-Policy without 'unsafe-eval' (as a meta tag, so it holds
 * wherever dist/ is served, and as a header from `vite preview`); the dev server goes without it, because React's
 * fast refresh injects an inline script.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Scripts only from the app's own origin; WebAssembly may compile ('wasm-unsafe-eval' allows nothing else);
 * workers from the origin or blob: URLs; inline style attributes, which React Flow positions nodes with; images from
 * the origin and data:/blob: URLs; no plugins, no <base>, no form posts.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'netloom-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  root: here('./app'),
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    // The engine and catalog are plain TS with no DOM; one chunk is fine at this size. Monaco's core (~2.7 MB) is
    // its own chunk, loaded only when the code panel opens.
    chunkSizeWarningLimit: 3000,
    // The shipped dataset files stay files: a small one inlined as a data: URL could not be fetched under the CSP
    // (connect-src 'self'). Other assets follow Vite's default.
    assetsInlineLimit: (file) => (file.includes('/engine/data/files/') ? false : undefined),
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: {
    host: '127.0.0.1', port: 4173, strictPort: true,
    // frame-ancestors only works as a header.
    headers: { 'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'` },
  },
});
