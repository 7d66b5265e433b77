import { expect, test } from '@playwright/test';
import { EngagementsPage } from './pages/engagements-page';

test('offline, the app shell loads from the service worker with the local work, and new work persists', async ({ page, context }) => {
  const app = new EngagementsPage(page);
  await app.goto();
  await app.installOffline();
  await app.createEngagement({ name: 'Online first', client: 'Epsilon plc', kind: 'Type 2', start: '2025-01-01', end: '2025-06-30' });

  await context.setOffline(true);
  // The network really is gone: only what the service worker serves can load.
  const apiReachable = await page.evaluate(() => fetch('/api/health').then(() => true, () => false));
  expect(apiReachable).toBe(false);

  await app.reload();
  await expect(app.item('Online first')).toContainText('Not yet synced');
  await expect(app.syncStatus).toHaveText('1 unsynced change, saved on this device · Offline');
  expect((await app.outboxEntries()).map((e) => e.name)).toEqual(['createEngagement']);

  await app.createEngagement({ name: 'Made offline', client: 'Epsilon plc', kind: 'Type 1', start: '2025-06-30' });
  await app.reload();
  await expect(app.items).toHaveCount(2);
  await expect(app.item('Made offline')).toContainText('Not yet synced');
  await expect(app.item('Online first')).toBeVisible();
  expect((await app.outboxEntries()).map((e) => e.args.name)).toEqual(['Online first', 'Made offline']);
  await expect(app.syncStatus).toHaveText('2 unsynced changes, saved on this device · Offline');

  await context.setOffline(false);
  await expect(app.syncStatus).toHaveText('2 unsynced changes, saved on this device');
});
