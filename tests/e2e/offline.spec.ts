import { expect, test } from '@playwright/test';
import { DEMO } from './e2e-accounts';
import { EngagementsPage } from './pages/engagements-page';
import { SessionPage } from './pages/session-page';

test('offline after sign-in: a reload stays signed in from the device registry, and new work persists', async ({ page, context }) => {
  const app = await EngagementsPage.signedInAs(page, 'manager');
  const session = new SessionPage(page);
  await app.installOffline();
  await app.createEngagement({ name: 'Online first', client: 'Epsilon plc', kind: 'Type 2', start: '2025-01-01', end: '2025-06-30' });

  await context.setOffline(true);
  // The network really is gone: only what the service worker serves can load.
  const apiReachable = await page.evaluate(() => fetch('/api/health').then(() => true, () => false));
  expect(apiReachable).toBe(false);

  await app.reload();
  // Still the same user, with no sign-in screen and no "session ended" banner: offline is not signed out.
  await session.expectSignedInAs(DEMO.manager.name);
  await expect(session.sessionEnded).toHaveCount(0);
  await expect(app.item('Online first')).toContainText('Not yet synced');
  await expect(app.syncStatus).toHaveText('1 unsynced change, saved on this device · Offline');
  expect((await app.outboxEntries()).map((e) => e.name)).toEqual(['createEngagement']);

  // The manager is a firm admin: creating an engagement is allowed offline too.
  await app.createEngagement({ name: 'Made offline', client: 'Epsilon plc', kind: 'Type 1', start: '2025-06-30' });
  await app.reload();
  await session.expectSignedInAs(DEMO.manager.name);
  await expect(app.items).toHaveCount(2);
  await expect(app.item('Made offline')).toContainText('Not yet synced');
  await expect(app.item('Online first')).toBeVisible();
  expect((await app.outboxEntries()).map((e) => e.args.name)).toEqual(['Online first', 'Made offline']);
  await expect(app.syncStatus).toHaveText('2 unsynced changes, saved on this device · Offline');

  await context.setOffline(false);
  await expect(app.syncStatus).toHaveText('2 unsynced changes, saved on this device');
  await expect(session.sessionEnded).toHaveCount(0);
});

test('signing in needs a connection, and says so', async ({ page, context }) => {
  const session = new SessionPage(page);
  await session.gotoSignIn();
  await context.setOffline(true);
  await session.submitSignIn(DEMO.manager.email, 'whatever-password');
  await expect(session.signInError).toHaveText("You're offline: signing in needs a connection");
  await expect(session.signInError).toBeFocused();
});
