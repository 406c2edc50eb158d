import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import {
  launchChromium,
  screenshotsDir,
  startDemoPlatform,
  type DemoPlatform,
} from './testing/browser-session';

const screenshots = screenshotsDir();
const token = 'e2e-design-system-admin-token-0123';

/** One heading per component of @chorus/ui (and the tokens), in the page's order. */
const sections = [
  'Tokens',
  'Buttons',
  'Icon buttons',
  'Badges',
  'Cards',
  'Dialog',
  'Text fields',
  'Select',
  'Checkbox',
  'Tabs',
  'Segmented control',
  'Empty state',
  'Error state',
  'Skeleton',
  'Spinner',
  'Keyboard keys',
  'Vote button',
  'Visually hidden',
];

/**
 * The design-system page shows every component of @chorus/ui, and its demos work with the
 * keyboard alone. Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN) to run against a running platform.
 */
describe('the design-system page, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let url: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;

  /** Whether the element has the keyboard focus. */
  const focused = (locator: Locator) => locator.and(page.locator(':focus')).count();

  beforeAll(async () => {
    platform = await startDemoPlatform('design-system', token);
    url = platform.url;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${url}/#token=${bearer}`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('opens from the navigation and shows a section for every component', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Design system' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Design system' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/design-system');

    const headings = await page
      .getByRole('main')
      .getByRole('heading', { level: 2 })
      .allInnerTexts();
    expect(headings).toEqual(sections);
    // The table of contents links to each of them.
    const contents = page.getByRole('navigation', { name: 'Components' }).getByRole('link');
    await expect(contents.allInnerTexts()).resolves.toEqual(sections);

    // A few of the variants and states, as a person or a screen reader meets them.
    await expect(page.getByRole('button', { name: 'Saving' }).isDisabled()).resolves.toBe(true);
    await expect(
      page.getByRole('textbox', { name: 'Workspace slug' }).getAttribute('aria-invalid'),
    ).resolves.toBe('true');
    await expect(
      page.getByRole('tab', { name: 'Overview' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(
      page.getByRole('button', { name: 'Try again' }).getAttribute('aria-busy'),
    ).resolves.toBe('true');

    await page.screenshot({ path: join(screenshots, '110-design-system.png'), fullPage: true });
  });

  it('moves between tabs with the arrow keys', async () => {
    await page.getByRole('tab', { name: 'Overview' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(
      page.getByRole('tab', { name: 'Votes' }).getAttribute('aria-selected'),
    ).resolves.toBe('true');
    await expect(page.getByRole('tabpanel').innerText()).resolves.toBe(
      'Only the active panel is mounted.',
    );
    await page.keyboard.press('End');
    await expect(focused(page.getByRole('tab', { name: 'Comments' }))).resolves.toBe(1);
  });
});
