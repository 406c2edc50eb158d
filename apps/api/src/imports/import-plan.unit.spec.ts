import {
  isoDateTime,
  resolveMergeChains,
  slugOf,
  withImages,
  type PlannedMerge,
} from './import-plan';

const merge = (duplicateKey: string, intoKey: string): PlannedMerge => ({
  duplicateKey,
  intoKey,
  createdAt: null,
  at: { part: 'posts', row: 1 },
});

describe('planning helpers', () => {
  it('merges a chain of duplicates into its last item, and leaves cycles out', () => {
    const resolved = resolveMergeChains([
      merge('a', 'b'),
      merge('b', 'c'),
      merge('x', 'y'),
      merge('y', 'x'),
    ]);
    expect(resolved.map((m) => [m.duplicateKey, m.intoKey])).toEqual([
      ['a', 'c'],
      ['b', 'c'],
    ]);
  });

  it('makes catalog ids of names', () => {
    expect(slugOf('Feature Requests')).toBe('feature-requests');
    expect(slugOf('  Délai & "Qualité" ')).toBe('delai-qualite');
    expect(slugOf('!!!')).toBe('imported');
    expect(slugOf('x'.repeat(80))).toHaveLength(64);
  });

  it('reads dates or says there is none, and keeps images as markdown', () => {
    expect(isoDateTime('2024-03-01')).toBe('2024-03-01T00:00:00.000Z');
    expect(isoDateTime('2024-03-01T10:00:00+02:00')).toBe('2024-03-01T08:00:00.000Z');
    expect(isoDateTime('soon')).toBeNull();
    expect(isoDateTime(null)).toBeNull();
    expect(withImages('Look:', ['https://img.example/1.png'])).toBe(
      'Look:\n\n![](https://img.example/1.png)',
    );
    expect(withImages('', ['https://img.example/1.png'])).toBe('![](https://img.example/1.png)');
  });
});
