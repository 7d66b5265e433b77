import { expect, test } from '@playwright/test';
import { DEMO } from './e2e-accounts';
import { uniqueName } from './e2e-names';
import { EngagementsPage } from './pages/engagements-page';
import { SessionPage } from './pages/session-page';

test('offline: a reload stays signed in, work made offline persists unsynced, and syncs once online for the other browsers to see', async ({
  page,
  context,
  browser,
  baseURL,
}) => {
  const app = await EngagementsPage.signedInAs(page, 'manager');
  const session = new SessionPage(page);
  await app.installOffline();
  await app.expectSynced();

  // Online, a saved change syncs on its own moments later.
  const online = uniqueName('Online first');
  await app.createEngagement({ name: online, client: 'Epsilon plc', kind: 'Type 2', start: '2025-01-01', end: '2025-06-30' });
  await expect(app.item(online)).not.toContainText('Not yet synced');
  await app.expectSynced();

  // A second browser, signed in as the same manager before the offline work exists.
  const other = await browser.newContext({ baseURL });
  try {
    const otherApp = await EngagementsPage.signedInAs(await other.newPage(), 'manager');
    await expect(otherApp.item(online)).toBeVisible();

    await context.setOffline(true);
    // The network really is gone: only what the service worker serves can load.
    const apiReachable = await page.evaluate(() => fetch('/api/health').then(() => true, () => false));
    expect(apiReachable).toBe(false);

    await app.reload();
    // Still the same user, with no sign-in screen and no "session ended" banner: offline is not signed out.
    await session.expectSignedInAs(DEMO.manager.name);
    await expect(session.sessionEnded).toHaveCount(0);
    await expect(app.item(online)).toBeVisible();
    await expect(app.item(online)).not.toContainText('Not yet synced');
    await expect(app.syncStatus).toHaveText('Offline · nothing waiting to sync');

    // The manager is a firm admin: creating an engagement is allowed offline too.
    const offline = uniqueName('Made offline');
    await app.createEngagement({ name: offline, client: 'Epsilon plc', kind: 'Type 1', start: '2025-06-30' });
    await app.reload();
    await session.expectSignedInAs(DEMO.manager.name);
    await expect(app.item(offline)).toContainText('Not yet synced');
    await expect(app.item(online)).toBeVisible();
    expect((await app.outboxEntries()).map((e) => e.args.name)).toEqual([offline]);
    await expect(app.syncStatus).toHaveText('1 unsynced change, saved on this device · Offline');
    const panel = await app.openSyncPanel();
    await expect(panel.getByTestId('sync-pending')).toHaveText('1 change');
    await expect(panel.getByRole('button', { name: 'Sync now' })).toBeDisabled();
    await expect(panel.getByTestId('sync-detail')).toContainText('This device is offline');

    // Back online, it syncs by itself: the outbox empties and the badge says so.
    await context.setOffline(false);
    await expect(app.item(offline)).not.toContainText('Not yet synced');
    await app.expectSynced();
    expect(await app.outboxEntries()).toEqual([]);
    await expect(session.sessionEnded).toHaveCount(0);

    // The other browser pulls it on its next sync (a reload starts one).
    await expect(otherApp.item(offline)).toHaveCount(0);
    await otherApp.reload();
    await expect(otherApp.item(offline)).toBeVisible();
    await expect(otherApp.item(offline)).toContainText('As of 2025-06-30');
    await expect(otherApp.item(offline)).not.toContainText('Not yet synced');
  } finally {
    await other.close();
  }
});

test('signing in needs a connection, and says so', async ({ page, context }) => {
  const session = new SessionPage(page);
  await session.gotoSignIn();
  await context.setOffline(true);
  await session.submitSignIn(DEMO.manager.email, 'whatever-password');
  await expect(session.signInError).toHaveText("You're offline: signing in needs a connection");
  await expect(session.signInError).toBeFocused();
});
