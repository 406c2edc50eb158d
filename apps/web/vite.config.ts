import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      {
        find: /^@chorus\/domain\/client$/,
        replacement: fromHere('../../packages/domain/src/client.ts'),
      },
      { find: /^@chorus\/ui$/, replacement: fromHere('../../packages/ui/src/index.ts') },
      {
        find: /^@chorus\/ui\/styles\.css$/,
        replacement: fromHere('../../packages/ui/src/styles.css'),
      },
    ],
  },
  build: {
    // Read by the bundle-budget test (apps/launcher/src/bundle-budget.unit.spec.ts): the entry
    // chunk and its static imports are what the browser downloads before the first render.
    manifest: true,
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
