// The page is built into web/dist, which `landbridge serve` serves at / (see docs/web.md).
// JSX is compiled by Vite's own esbuild step for Preact (tsconfig: jsxImportSource).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      output: {
        // Libraries in their own long-lived chunks; the app's code changes more often.
        manualChunks: {
          leaflet: ['leaflet'],
          charts: ['chart.js'],
        },
      },
    },
  },
  server: {
    // `npm run dev` proxies the API to a `landbridge serve` on 8080.
    proxy: { '/v1': 'http://127.0.0.1:8080', '/v2': 'http://127.0.0.1:8080', '/health': 'http://127.0.0.1:8080' },
    // The simulate view bundles the example scenarios from the repository (../examples/scenarios).
    fs: { allow: ['.', '../examples/scenarios'] },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
});
