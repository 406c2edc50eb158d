import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort } from '@chorus/event-store/testing';
import { runLauncher, type LauncherProcess } from './launcher-process';

/** Where browser tests leave their screenshots. */
export const screenshotsDir = (): string => {
  const dir = resolve(__dirname, '../../../../test-results/screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
};

/** What Chromium would phone home about, turned off; no sandbox, as CI runs as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, driven by playwright-core. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });

export type DemoPlatform = {
  url: string;
  token: string;
  /** The demo mailbox's folder of `.eml` files (`<CHORUS_DATA_DIR>/mail`). */
  mailDir: string;
  stop: () => Promise<void>;
};

/**
 * The demo platform a browser test drives: `CHORUS_E2E_URL` (with `CHORUS_E2E_TOKEN` and
 * `CHORUS_E2E_MAIL_DIR`) when one is already running, otherwise `npm start`'s launcher on free
 * ports and throwaway data, stopped (Ctrl-C) and removed by `stop`.
 */
export const startDemoPlatform = async (name: string, token: string): Promise<DemoPlatform> => {
  const running = process.env.CHORUS_E2E_URL;
  if (running) {
    return {
      url: running,
      token: process.env.CHORUS_E2E_TOKEN ?? token,
      mailDir: process.env.CHORUS_E2E_MAIL_DIR ?? resolve(__dirname, '../../../../.data/mail'),
      stop: async () => {},
    };
  }
  const parent = mkdtempSync(join(tmpdir(), `chorus-${name}-`));
  // As root, Postgres runs as its own user, which must be able to reach the data dir.
  chmodSync(parent, 0o755);
  const launcher: LauncherProcess = runLauncher({
    CHORUS_DATA_DIR: join(parent, 'data'),
    PORT: String(await freePort()),
    CHORUS_PG_PORT: String(await freePort()),
    CHORUS_DEMO_ADMIN_TOKEN: token,
  });
  return {
    url: await launcher.ready,
    token,
    mailDir: join(parent, 'data', 'mail'),
    stop: async () => {
      if (launcher.child.exitCode === null) {
        launcher.child.kill('SIGINT');
        await launcher.exited;
      }
      rmSync(parent, { recursive: true, force: true });
    },
  };
};

/** Settings, then one of its sections, through the navigation a person would use. */
export const openSettings = async (page: Page, section: string): Promise<void> => {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await page
    .getByRole('navigation', { name: 'Settings' })
    .getByRole('link', { name: section })
    .click();
};
