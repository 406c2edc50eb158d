import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });

const importsOf = (source: string): string[] =>
  [...source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );

/** Libraries without I/O: schemas, fractional ranks, formula parsing (ADR 11), test generators. */
const pureLibraries = ['zod', 'fractional-indexing', 'mathjs', 'fast-check'];

describe('packages/domain', () => {
  const files = sourceFiles(__dirname).filter((f) => !f.endsWith('.spec.ts'));

  it('has source files to check', () => expect(files.length).toBeGreaterThan(5));

  it.each(files.map((f) => [f.slice(__dirname.length + 1), f]))(
    '%s imports only relative modules and pure libraries',
    (_name, file) => {
      const foreign = importsOf(readFileSync(file, 'utf8')).filter(
        (specifier) => !specifier.startsWith('.') && !pureLibraries.includes(specifier),
      );
      expect(foreign).toEqual([]);
    },
  );
});
