import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** One classic script any page can load with a <script> tag: an IIFE, its CSS inlined. */
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^@chorus\/domain\/client$/,
        replacement: fromHere('../../packages/domain/src/client.ts'),
      },
    ],
  },
  build: {
    target: 'es2022',
    lib: {
      entry: fromHere('src/main.ts'),
      formats: ['iife'],
      name: 'ChorusWidgetBundle',
      fileName: () => 'chorus-widget.js',
    },
    emptyOutDir: true,
  },
});
