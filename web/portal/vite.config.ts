import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The public portal's scripts: a build of their own, apart from the back-office SPA, so a portal
 * page loads a few kilobytes and never React. Served by the API server under /portal/assets/ with
 * a year of immutable caching (names carry a content hash); the SSR pages find the entry's file
 * in the manifest. MapLibre is a lazy chunk, loaded only when there are boundaries and WebGL.
 */
export default defineConfig({
  root: here,
  base: '/portal/assets/',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: '',
    manifest: true,
    assetsInlineLimit: 0,
    // Every browser that runs module scripts has modulepreload or does without; no polyfill in the entry.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      input: { network: `${here}network.ts` },
      output: { entryFileNames: '[name]-[hash].js', chunkFileNames: '[name]-[hash].js', assetFileNames: '[name]-[hash][extname]' },
    },
  },
  test: {
    root: here,
    environment: 'jsdom',
    include: ['**/*.test.ts'],
    restoreMocks: true,
  },
});
