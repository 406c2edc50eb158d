import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { eventually } from '@chorus/event-store/testing';
import {
  launchChromium,
  screenshotsDir,
  startDemoPlatform,
  type DemoPlatform,
} from './testing/browser-session';

const screenshots = screenshotsDir();
const token = 'e2e-shell-admin-token-0123456789';

type FeedbackPage = { items: { id: string; title: string }[] };

/**
 * The admin shell around every page: the dark theme survives a reload, Ctrl+K finds feedback and
 * opens it from the keyboard, `g` shortcuts jump between areas and `?` lists them — and none of
 * them fire while the person types in a field.
 * Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN) to run against a platform that is already running.
 */
describe('the admin shell, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let url: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;

  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const pageHeading = (name: string) => page.getByRole('heading', { name, level: 1 });
  const bodyBackground = () =>
    page.evaluate<string>('getComputedStyle(document.body).backgroundColor');

  beforeAll(async () => {
    platform = await startDemoPlatform('shell', token);
    url = platform.url;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${url}/#token=${bearer}`);
    await page.getByTestId('feedback-row').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('switches to the dark theme and keeps it after a reload', async () => {
    const theme = page.getByRole('combobox', { name: 'Theme' });
    const light = await bodyBackground();
    await theme.selectOption('dark');
    await eventually(async () => expect(await bodyBackground()).toBe('rgb(17, 17, 20)'));
    expect(light).not.toBe('rgb(17, 17, 20)');
    await page.screenshot({ path: join(screenshots, '90-shell-dark.png') });

    await page.reload();
    await page.getByTestId('feedback-row').first().waitFor();
    await expect(page.evaluate<string>('document.documentElement.dataset.theme')).resolves.toBe(
      'dark',
    );
    await expect(bodyBackground()).resolves.toBe('rgb(17, 17, 20)');
    await expect(page.getByRole('combobox', { name: 'Theme' }).inputValue()).resolves.toBe('dark');

    // Charts draw with the theme's colours (a screenshot to review their contrast).
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Dashboards' }).click();
    await page.getByRole('heading', { name: 'Product dashboard' }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await page.screenshot({ path: join(screenshots, '90-shell-dark-dashboard.png') });
    await nav.getByRole('link', { name: 'Inbox' }).click();
    await page.getByTestId('feedback-row').first().waitFor();

    await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
    await eventually(async () => expect(await bodyBackground()).toBe(light));
  });

  it('finds a feedback item with Ctrl+K and opens it with Enter', async () => {
    const [target] = (await api<FeedbackPage>('/feedback?limit=5')).items;
    expect(target).toBeDefined();

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Search' });
    await palette.waitFor();
    const field = palette.getByRole('combobox', { name: 'Search or jump to' });
    await palette.locator('[role="combobox"]:focus').waitFor();
    await field.fill(target!.title);

    const option = palette.getByRole('option', { name: target!.title, exact: true }).first();
    await option.waitFor();
    // Arrows move the active option until it is the one wanted: the keyboard alone picks it.
    for (
      let step = 0;
      step < 25 && (await option.getAttribute('aria-selected')) !== 'true';
      step++
    ) {
      await page.keyboard.press('ArrowDown');
    }
    await expect(option.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(field.getAttribute('aria-activedescendant')).resolves.toBe(
      await option.getAttribute('id'),
    );
    await page.screenshot({ path: join(screenshots, '91-command-palette.png') });
    await page.keyboard.press('Enter');

    await palette.waitFor({ state: 'hidden' });
    await page.waitForURL((address) => address.searchParams.get('feedback') === target!.id);
    await page.getByRole('complementary').getByText(target!.title).first().waitFor();
    await page.keyboard.press('Escape');
  });

  it('jumps to a page from the palette, which Escape closes', async () => {
    await page.getByRole('button', { name: 'Search' }).click();
    const palette = page.getByRole('dialog', { name: 'Search' });
    await palette.waitFor();
    await page.keyboard.type('compan');
    await palette.getByRole('option', { name: 'Companies' }).waitFor();
    await page.keyboard.press('Escape');
    await palette.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('goes to the backlog with g then b, and marks it in the nav', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('g');
    await page.keyboard.press('b');
    await pageHeading('Backlog').waitFor();
    expect(new URL(page.url()).pathname).toBe('/backlog');
    await expect(
      page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Backlog' })
        .getAttribute('aria-current'),
    ).resolves.toBe('page');
  });

  it('lists the shortcuts on ?', async () => {
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    await dialog.getByText('Go to Sprints').waitFor();
    await page.screenshot({ path: join(screenshots, '92-shortcuts.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('does not navigate while the person types g in a field, and / focuses the page search', async () => {
    await page.keyboard.press('g');
    await page.keyboard.press('c');
    // `g` `c` is no shortcut: still on the backlog. Companies, through the nav:
    expect(new URL(page.url()).pathname).toBe('/backlog');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Companies' })
      .click();
    await pageHeading('Companies').waitFor();

    await page.keyboard.press('/');
    const search = page.getByRole('searchbox').first();
    await page.locator('#main input[type="search"]:focus').waitFor();
    await page.keyboard.type('gb');
    await expect(search.inputValue()).resolves.toBe('gb');
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe('/companies');
  });
});
