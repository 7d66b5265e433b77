import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';
import { uniqueName } from './e2e-names';
import { e2eStaticDir } from './e2e-paths';
import { EngagementsPage } from './pages/engagements-page';

/** Publishes a "new version" by changing the served service worker script; restores it afterwards. */
const test = base.extend<{ deployNewVersion: () => Promise<void> }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern.
  deployNewVersion: async ({}, use, testInfo) => {
    const swFile = join(e2eStaticDir(), 'sw.js');
    const original = await readFile(swFile, 'utf8');
    // Any byte change makes the browser install the script as a new version.
    await use(() => appendFile(swFile, `\n// e2e: new version for "${testInfo.title}"\n`));
    await writeFile(swFile, original);
  },
});

const checkForUpdate = (page: Page): Promise<void> =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });

const hasWaitingWorker = (page: Page): Promise<boolean> =>
  page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));

test('a waiting update is held back while changes are unsynced', async ({ page, deployNewVersion }) => {
  const app = await EngagementsPage.signedInAs(page, 'manager');
  await app.installOffline();
  // The server is out of reach, so the change stays unsynced.
  await app.blockSync();
  await app.createEngagement({ name: uniqueName('Pending work'), client: 'Zeta', kind: 'Type 2', start: '2025-01-01', end: '2025-03-31' });

  await deployNewVersion();
  await checkForUpdate(page);
  await expect(app.updatePrompt).toHaveText('Update ready — will install once your 1 unsynced change is synced');
  await expect(page.getByRole('button', { name: 'Reload to update' })).toHaveCount(0);
  expect(await hasWaitingWorker(page)).toBe(true);

  // Reloading by hand keeps the old version in charge too: the prompt comes back, still held.
  await app.reload();
  await expect(app.updatePrompt).toHaveText('Update ready — will install once your 1 unsynced change is synced');
  expect(await hasWaitingWorker(page)).toBe(true);
});

test('with nothing unsynced, "Reload to update" installs the new version and reloads', async ({ page, deployNewVersion }) => {
  const app = await EngagementsPage.signedInAs(page, 'manager');
  await app.installOffline();

  await deployNewVersion();
  await checkForUpdate(page);
  const reload = page.getByRole('button', { name: 'Reload to update' });
  await expect(reload).toBeVisible();
  await expect(app.updatePrompt).toContainText('A new version of Tickmark is ready.');
  expect(await hasWaitingWorker(page)).toBe(true);

  const reloaded = page.waitForEvent('framenavigated');
  await reload.click();
  await reloaded;
  await app.waitUntilReady();
  await expect(app.updatePrompt).toHaveCount(0);
  // The waiting version became the active one, and it controls the reloaded page.
  expect(await hasWaitingWorker(page)).toBe(false);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
});
