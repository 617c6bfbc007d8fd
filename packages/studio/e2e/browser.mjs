// Debian's Chromium driven by playwright-core (no browser download): the flags it needs to run
// headless as root in a container, a fresh profile each time, and every console error kept.
// Plain JavaScript, shared by the end-to-end tests and `pnpm bench`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * @param {{ locale?: string }} [options]
 * @returns {Promise<{ browser: import('playwright-core').BrowserContext, page: import('playwright-core').Page, errors: string[], close(): Promise<void> }>}
 */
export async function openBrowser(options = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'assess-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: options.locale ?? 'zh-CN',
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  /** @type {string[]} */
  const errors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    browser,
    page,
    errors,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
