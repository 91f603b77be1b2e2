import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The renderer is built to dist/renderer and served by both the Electron shell and the
// browser host; base './' keeps asset URLs relative so file:// and http:// both work.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: false },
  test: {
    root: '.',
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
