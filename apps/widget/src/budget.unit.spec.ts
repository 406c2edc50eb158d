import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What one script tag may add to a host page, gzipped. */
const BUDGET_BYTES = 30 * 1024;
const BUNDLE = join(__dirname, '../dist/chorus-widget.js');

describe('the widget bundle (built by `npm run build`; turbo builds it before this test)', () => {
  it('exists as one classic script', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    const source = readFileSync(BUNDLE, 'utf8');
    // A classic script: no module syntax a plain <script> tag would choke on.
    expect(source).not.toMatch(/^\s*(import|export)\s/m);
  });

  it(`stays under ${BUDGET_BYTES / 1024} KB gzipped`, () => {
    const gzipped = gzipSync(readFileSync(BUNDLE), { level: 9 }).length;
    expect(gzipped).toBeLessThan(BUDGET_BYTES);
  });
});
