import { expect, test } from '@playwright/test';
import { uniqueName } from './e2e-names';
import { EngagementsPage, userDbName } from './pages/engagements-page';
import { SessionPage } from './pages/session-page';

test('signing out keeps the data out of the next user’s sight, and the first user finds it again', async ({ page }) => {
  const app = await EngagementsPage.signedInAs(page, 'manager');
  const session = new SessionPage(page);
  // Unsynced, so the manager's change exists only in the manager's database on this device.
  await app.blockSync();
  const name = uniqueName('Manager only');
  await app.createEngagement({ name, client: 'Theta BV', kind: 'Type 2', start: '2025-01-01', end: '2025-12-31' });
  const managerId = await session.userId();

  await session.signOutKeepingData();
  await app.unblockSync();
  await session.signInAs('auditor');
  const auditorId = await session.userId();
  expect(auditorId).not.toBe(managerId);
  // The auditor's own engagement comes from the server; the manager's unsynced one is nowhere.
  await app.expectSynced();
  await expect(app.item('Demo Type 2')).toBeVisible();
  await expect(app.item(name)).toHaveCount(0);
  expect(await app.storedEngagementNames()).not.toContain(name);
  expect(await app.outboxEntries()).toEqual([]);
  // Two users, two databases: the manager's is still on the device.
  expect(await session.databaseNames()).toEqual(expect.arrayContaining([userDbName(managerId), userDbName(auditorId)]));

  await session.signOutKeepingData();
  await app.blockSync();
  await session.signInAs('manager');
  expect(await session.userId()).toBe(managerId);
  await expect(app.item(name)).toContainText('Not yet synced');
  expect((await app.outboxEntries()).map((e) => e.args.name)).toEqual([name]);
});

test('removing data with unsynced changes needs the explicit confirmation, then the database is gone', async ({ page }) => {
  const app = await EngagementsPage.signedInAs(page, 'manager');
  const session = new SessionPage(page);
  await app.expectSynced();
  await app.blockSync();
  const name = uniqueName('Will be lost');
  await app.createEngagement({ name, client: 'Iota Oy', kind: 'Type 2', start: '2025-01-01', end: '2025-12-31' });
  const userId = await session.userId();

  await session.openSignOut();
  const dialog = session.signOutDialog;
  await expect(dialog.getByTestId('sign-out-pending')).toHaveText('You have 1 unsynced change saved only on this device.');
  await dialog.getByRole('radio', { name: /^Remove my data from this device/ }).check();
  const confirm = dialog.getByRole('checkbox', { name: 'I understand my 1 unsynced change will be lost' });
  await expect(confirm).not.toBeChecked();

  // Refused without the tick: still signed in, nothing deleted, the focus on the box to tick.
  await dialog.getByRole('button', { name: 'Sign out and remove data' }).click();
  await expect(dialog.getByTestId('sign-out-refusal')).toContainText('tick the box');
  await expect(confirm).toBeFocused();
  await expect(session.account).toBeAttached();
  expect(await session.databaseNames()).toContain(userDbName(userId));

  await confirm.check();
  await dialog.getByRole('button', { name: 'Sign out and remove data' }).click();
  await expect(session.signInHeading).toBeVisible();
  await expect(session.signInNotice).toContainText('your data was removed from this device');
  await expect.poll(() => session.databaseNames()).not.toContain(userDbName(userId));

  // Signing in again starts from an empty store, filled from the server: the lost change never reached it.
  await app.unblockSync();
  await session.signInAs('manager');
  await app.expectSynced();
  await expect(app.item('Demo Type 2')).toBeVisible();
  await expect(app.item(name)).toHaveCount(0);
  expect(await app.storedEngagementNames()).not.toContain(name);
  expect(await app.outboxEntries()).toEqual([]);
});

test('with nothing unsynced, removing the data asks no confirmation', async ({ page }) => {
  await EngagementsPage.signedInAs(page, 'auditor');
  const session = new SessionPage(page);
  const userId = await session.userId();
  await session.openSignOut();
  await expect(session.signOutDialog.getByTestId('sign-out-pending')).toHaveText('Nothing is waiting to sync from this device.');
  await session.signOutDialog.getByRole('radio', { name: /^Remove my data/ }).check();
  await expect(session.signOutDialog.getByRole('checkbox')).toHaveCount(0);
  await session.signOutDialog.getByRole('button', { name: 'Sign out and remove data' }).click();
  await expect(session.signInNotice).toContainText('removed');
  expect(await session.databaseNames()).not.toContain(userDbName(userId));
  await expect(session.email).toBeVisible();
});
