import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * The admin app's initial JavaScript — the entry chunk and every chunk it imports statically,
 * i.e. what the browser downloads before the first render — stays under 250 KB gzipped (issue 9).
 * Lazy pages (`lazy(() => import(...))`) are dynamic imports and do not count.
 *
 * It reads the manifest of the web app's production build (`build.manifest` in
 * apps/web/vite.config.ts). This test lives in the launcher because the launcher serves that
 * build and turbo builds @chorus/web before the launcher's tests run.
 */
const budgetBytes = 250 * 1000;
const dist = resolve(__dirname, '../../web/dist');
const manifestPath = join(dist, '.vite/manifest.json');

type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[] };
type Manifest = Record<string, ManifestChunk>;

/** Every chunk the entries pull in statically, each once, with its gzipped size. */
const initialChunks = (manifest: Manifest): { file: string; gzipped: number }[] => {
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...seen]
    .map((key) => manifest[key]?.file)
    .filter((file): file is string => file?.endsWith('.js') === true)
    .map((file) => ({
      file,
      gzipped: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
    }))
    .sort((a, b) => b.gzipped - a.gzipped);
};

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

describe('the admin app bundle budget', () => {
  it('keeps the initial JavaScript under 250 KB gzipped', () => {
    if (!existsSync(manifestPath)) {
      throw new Error(
        `${manifestPath} is missing: build the web app first (npx turbo run build --filter=@chorus/web).`,
      );
    }
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    const chunks = initialChunks(manifest);
    expect(chunks.length).toBeGreaterThan(0);
    const total = chunks.reduce((sum, chunk) => sum + chunk.gzipped, 0);
    if (total > budgetBytes) {
      const largest = chunks
        .slice(0, 10)
        .map((chunk) => `  ${kb(chunk.gzipped).padStart(9)}  ${chunk.file}`)
        .join('\n');
      throw new Error(
        `The initial JavaScript is ${kb(total)} gzipped, over the ${kb(budgetBytes)} budget. ` +
          `Make routes or heavy libraries lazy. Largest initial chunks:\n${largest}`,
      );
    }
    expect(total).toBeLessThanOrEqual(budgetBytes);
  });
});
