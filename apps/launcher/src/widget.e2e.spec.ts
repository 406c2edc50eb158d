import { createHmac } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { eventually, freePort } from '@chorus/event-store/testing';
import { launchChromium, screenshotsDir } from './testing/browser-session';
import { runLauncher, type LauncherProcess } from './testing/launcher-process';

const screenshots = screenshotsDir();
const token = 'e2e-widget-admin-token-0123456789';
const WORKSPACE = 'demo';

type Item = { id: string; title: string; description: string | null; voteCount: number };
type Similar = { suggestions: { id: string; title: string }[] };

/** A host application signs its user's token with the portal secret (HS256), as its server would. */
const signHostToken = (claims: Record<string, unknown>, secret: string): string => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claims, iat: now, exp: now + 600 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
};

/**
 * The embeddable widget on a plain page of another site (127.0.0.1 against the platform's
 * localhost): one script tag, a strict CSP and hostile CSS on the host page. Its user looks for
 * similar feedback, votes for it and sends their own.
 */
describe('the feedback widget on another site, in a real browser', () => {
  let dataDir: string;
  let launcher: LauncherProcess | null = null;
  let host: Server | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let url: string;
  let hostUrl: string;
  let existing: Item;
  let hostToken: string;
  const suffix = Date.now().toString(36);
  const pageErrors: string[] = [];

  const api = async <T>(method: string, path: string, body?: object): Promise<T> => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    expect(response.ok).toBe(true);
    return (await response.json()) as T;
  };
  const similarTo = (title: string) =>
    api<Similar>(
      'GET',
      `/search/similar?${new URLSearchParams({ title, limit: '10' }).toString()}`,
    );
  const dialog = () => page.getByRole('dialog', { name: 'Send feedback' });
  /** The focused element in the widget's shadow root (the page itself sees only its host). */
  const focused = () =>
    page.evaluate<{ inDialog: boolean; name: string } | null>(`(() => {
      const active = document.querySelector('chorus-feedback').shadowRoot.activeElement;
      return active && {
        inDialog: active.closest('[role="dialog"]') !== null,
        name: active.id || active.getAttribute('aria-label') || active.textContent,
      };
    })()`);

  beforeAll(async () => {
    host = createServer();
    await new Promise<void>((listening) => host!.listen(0, '127.0.0.1', listening));
    const address = host.address();
    hostUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    dataDir = mkdtempSync(join(tmpdir(), 'chorus-widget-'));
    // As root, Postgres runs as its own user, which must be able to reach the data dir.
    chmodSync(dataDir, 0o755);
    launcher = runLauncher({
      CHORUS_DATA_DIR: join(dataDir, 'data'),
      PORT: String(await freePort()),
      CHORUS_PG_PORT: String(await freePort()),
      CHORUS_DEMO_ADMIN_TOKEN: token,
      CORS_ORIGINS: hostUrl,
    });
    url = await launcher.ready;

    const { secret } = await api<{ secret: string }>('POST', '/portal/secret');
    const created = await api<{ id: string }>('POST', '/feedback', {
      title: `Zorblax dark mode for analytics dashboards ${suffix}`,
    });
    existing = await eventually(async () => {
      const { suggestions } = await similarTo('Zorblax dark mode');
      expect(suggestions.map((s) => s.id)).toContain(created.id);
      return api<Item>('GET', `/feedback/${created.id}`);
    }, 30_000);

    hostToken = signHostToken(
      { id: `widget-user-${suffix}`, email: `wren.${suffix}@host.test`, name: 'Wren Widget' },
      secret,
    );
    // The host page: its own CSP (no inline styles), and CSS that would hide every button of ours.
    const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src ${url}; connect-src ${url}; style-src 'self'">
  <title>Host app</title>
  <link rel="stylesheet" href="/host.css">
</head>
<body>
  <h1>Host application</h1>
  <script src="${url}/widget.js" data-workspace="${WORKSPACE}" data-token="${hostToken}" async></script>
</body>
</html>`;
    const css = `button { display: none !important; } * { font-family: serif !important; color: red !important; }`;
    host.on('request', (request, response) => {
      if (request.url === '/') response.writeHead(200, { 'content-type': 'text/html' }).end(html);
      else if (request.url === '/host.css')
        response.writeHead(200, { 'content-type': 'text/css' }).end(css);
      else response.writeHead(204).end();
    });

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((closed) => (host ? host.close(closed) : closed(undefined)));
    if (launcher && launcher.child.exitCode === null) {
      launcher.child.kill('SIGINT');
      await launcher.exited;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves one small script any site may load, cached', async () => {
    const response = await fetch(`${url}/widget.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(response.headers.get('cache-control')).toMatch(/max-age=\d+/);
  });

  it('finds similar feedback while the user types and votes for it', async () => {
    await page.goto(hostUrl);
    const launcherButton = page.getByRole('button', { name: 'Feedback', exact: true });
    await launcherButton.click();
    await expect(launcherButton.getAttribute('aria-expanded')).resolves.toBe('true');
    await dialog().getByText('Signed in as Wren Widget').waitFor();
    // The host's CSS (every button hidden, everything red and serif) does not reach the widget.
    await expect(
      page.evaluate<string>(
        `getComputedStyle(document.querySelector('chorus-feedback').shadowRoot.querySelector('h2')).color`,
      ),
    ).resolves.toBe('rgb(28, 34, 48)');
    const title = dialog().getByLabel('Title');
    await expect(focused()).resolves.toEqual({ inDialog: true, name: 'chorus-feedback-title' });

    await title.pressSequentially('Zorblax dark mode', { delay: 20 });
    const suggestion = dialog().locator(`li[data-feedback-id="${existing.id}"]`);
    await suggestion.waitFor();
    await expect(suggestion.innerText()).resolves.toContain(existing.title);
    const vote = suggestion.getByRole('button', { name: `Vote for “${existing.title}”` });
    await expect(vote.getAttribute('aria-pressed')).resolves.toBe('false');
    await vote.click();
    await suggestion
      .getByRole('button', { name: `Vote for “${existing.title}”`, pressed: true })
      .waitFor();
    await expect(suggestion.getByTestId('chorus-vote-count').innerText()).resolves.toBe(
      existing.voteCount + 1 === 1 ? '1 vote' : `${existing.voteCount + 1} votes`,
    );
    await page.screenshot({ path: join(screenshots, '120-widget-similar-voted.png') });
    await eventually(async () => {
      const item = await api<Item>('GET', `/feedback/${existing.id}`);
      expect(item.voteCount).toBe(existing.voteCount + 1);
    }, 15_000);

    // Escape closes the dialog and gives the focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
    await expect(focused()).resolves.toEqual({ inDialog: false, name: 'Feedback' });
  });

  it('keeps Tab inside the dialog and sends new feedback that the API then has', async () => {
    await page.getByRole('button', { name: 'Feedback', exact: true }).click();
    const title = dialog().getByLabel('Title');
    await title.fill('');
    // Tabbing past the last control comes back to the first (the close button).
    for (let i = 0; i < 8; i += 1) await page.keyboard.press('Tab');
    await expect(focused()).resolves.toMatchObject({ inDialog: true });

    // Too short: the field says so, nothing is sent.
    await title.fill('Zo');
    await dialog().getByRole('button', { name: 'Send feedback' }).click();
    await dialog().getByText('Type at least 3 characters.').waitFor();
    await expect(title.getAttribute('aria-invalid')).resolves.toBe('true');

    const newTitle = `Zorblax export to spreadsheets ${suffix}`;
    await title.fill(newTitle);
    await dialog().getByLabel('Details (optional)').fill('Weekly, with the vote counts.');
    await dialog().getByRole('button', { name: 'Send feedback' }).click();
    await dialog().getByText(`Thanks! We got “${newTitle}”.`).waitFor();
    await page.screenshot({ path: join(screenshots, '121-widget-sent.png') });

    const sent = await eventually(async () => {
      const { suggestions } = await similarTo(newTitle);
      const found = suggestions.find((s) => s.title === newTitle);
      expect(found).toBeDefined();
      return api<Item>('GET', `/feedback/${found!.id}`);
    }, 15_000);
    expect(sent.description).toBe('Weekly, with the vote counts.');
  });

  it('follows a single-page app that signs its user out and in with ChorusWidget.identify', async () => {
    await page.evaluate('window.ChorusWidget.identify(null)');
    await dialog().getByText('Sign in to this site to send feedback.').waitFor();
    await expect(dialog().getByRole('textbox', { name: 'Title' }).count()).resolves.toBe(0);

    await page.evaluate(`window.ChorusWidget.identify(${JSON.stringify(hostToken)})`);
    await dialog().getByText('Signed in as Wren Widget').waitFor();
    await dialog().getByLabel('Title').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
