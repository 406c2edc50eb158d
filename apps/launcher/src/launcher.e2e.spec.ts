import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser } from 'playwright-core';
import { eventually, freePort } from '@chorus/event-store/testing';
import { runLauncher, type LauncherProcess } from './testing/launcher-process';
import { launchChromium, screenshotsDir } from './testing/browser-session';

const screenshots = screenshotsDir();
const token = 'e2e-demo-admin-token-0123456789';

const portIsOpen = async (port: number): Promise<boolean> => {
  try {
    await fetch(`http://127.0.0.1:${port}/api/health`);
    return true;
  } catch {
    return false;
  }
};

describe('npm start, then a person votes in a real browser', () => {
  let dataDir: string;
  let port: number;
  let env: Record<string, string>;
  let launcher: LauncherProcess | null = null;
  let browser: Browser | null = null;

  beforeAll(async () => {
    const parent = mkdtempSync(join(tmpdir(), 'chorus-launcher-'));
    chmodSync(parent, 0o755);
    dataDir = join(parent, 'data');
    port = await freePort();
    env = {
      CHORUS_DATA_DIR: dataDir,
      PORT: String(port),
      CHORUS_PG_PORT: String(await freePort()),
      CHORUS_DEMO_ADMIN_TOKEN: token,
    };
  });

  afterAll(async () => {
    await browser?.close();
    if (launcher && launcher.child.exitCode === null) {
      launcher.child.kill('SIGINT');
      await launcher.exited;
    }
    rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('starts on embedded defaults, seeds the demo workspace and serves the app on one URL', async () => {
    launcher = runLauncher(env);
    const url = await launcher.ready;
    expect(url).toBe(`http://127.0.0.1:${port}`);
    expect(launcher.output()).toMatch(/seeded the demo workspace: 200 feedback items, 5000 votes/);
    expect(launcher.output()).toContain(`#token=${token}`);
    const list = await fetch(`${url}/api/v1/feedback?limit=1`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(1);
  });

  it('opens the inbox in Chromium and votes', async () => {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${port}/#token=${token}`);
    const rows = page.getByTestId('feedback-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(5);
    await page.screenshot({ path: join(screenshots, '01-inbox.png') });

    const row = rows.nth(3);
    const feedbackId = await row.getAttribute('data-feedback-id');
    await row.click();
    const voteButton = page.getByTestId('vote-button');
    await voteButton.waitFor();
    await expect(voteButton.getAttribute('aria-pressed')).resolves.toBe('false');
    const voteCount = async () => Number(await page.getByTestId('vote-count').innerText());
    const before = await voteCount();
    await voteButton.click();
    await eventually(async () => expect(await voteCount()).toBe(before + 1));
    await expect(voteButton.getAttribute('aria-pressed')).resolves.toBe('true');
    await page.screenshot({ path: join(screenshots, '02-voted.png') });

    // The vote is real: it reached the event store and the read model.
    await page.reload();
    await page.getByTestId('vote-button').waitFor();
    await eventually(async () => expect(await voteCount()).toBe(before + 1));
    const item = await fetch(`http://127.0.0.1:${port}/api/v1/feedback/${feedbackId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await item.json()).toMatchObject({ votedByMe: true, voteCount: before + 1 });
  });

  it('stops everything on Ctrl-C, Postgres included', async () => {
    launcher!.child.kill('SIGINT');
    expect(await launcher!.exited).toBe(0);
    expect(launcher!.output()).toContain('[chorus] stopped');
    expect(await portIsOpen(port)).toBe(false);
  });

  it('starts again after being killed outright, without seeding twice', async () => {
    launcher = runLauncher(env);
    await launcher.ready;
    launcher.child.kill('SIGKILL');
    await launcher.exited;

    // Postgres (and for a moment api and worker) outlive a SIGKILL; the next start copes.
    launcher = runLauncher(env);
    const url = await launcher.ready;
    expect(launcher.output()).toContain('demo workspace already seeded');
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
  });
});
