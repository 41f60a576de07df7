import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compressAssets, recordPackages } from './scripts/compress-assets';

const rootDir = import.meta.dirname;

// The web app lives in src/web and builds to dist/web, which the Fastify server serves with an
// SPA fallback. In development, `npm run dev` proxies /api to a server on port 3000.
export default defineConfig({
  root: path.resolve(rootDir, 'src/web'),
  plugins: [react(), recordPackages(), compressAssets()],
  resolve: { alias: { '@': path.resolve(rootDir, 'src') } },
  css: { postcss: rootDir },
  build: {
    outDir: path.resolve(rootDir, 'dist/web'),
    emptyOutDir: true,
    // Which chunks each page loads, read by the size budget test (tests/e2e/bundle-size.e2e.test.ts).
    manifest: true,
    chunkSizeWarningLimit: 900,
  },
  server: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
