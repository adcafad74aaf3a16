/** The editor's build: the Vite root is app/ (index.html lives there); the production build goes to dist/ at the repo root. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./app'),
  plugins: [react()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    // The engine and catalog are plain TS with no DOM; one chunk is fine at this size.
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
