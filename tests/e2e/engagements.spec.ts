import { expect, test } from '@playwright/test';
import { uniqueName } from './e2e-names';
import { EngagementsPage } from './pages/engagements-page';

test('creating an engagement lists it as not yet synced with exactly one outbox entry, until a sync sends it', async ({ page }) => {
  const app = await EngagementsPage.signedInAs(page, 'manager');
  await app.expectSynced();
  // The server is out of reach, so the saved change stays unsynced for as long as we look.
  await app.blockSync();

  const name = uniqueName('Acme FY25 SOC 2');
  await app.createEngagement({ name, client: 'Acme Ltd', kind: 'Type 2', start: '2025-01-01', end: '2025-12-31', categories: ['Availability'] });

  const item = app.item(name);
  await expect(item).toContainText('Acme Ltd');
  await expect(item).toContainText('Type 2');
  await expect(item).toContainText('2025-01-01 – 2025-12-31');
  await expect(item).toContainText('Planning');
  await expect(item).toContainText('CC, A');
  await expect(item).toContainText('Not yet synced');
  // The save asked for a sync, which found no server.
  await expect(app.syncStatus).toHaveText('1 unsynced change, saved on this device · Server not reachable');

  const outbox = await app.outboxEntries();
  expect(outbox).toHaveLength(1);
  expect(outbox[0]?.name).toBe('createEngagement');
  expect(outbox[0]?.args.name).toBe(name);
  const id = await item.getAttribute('data-engagement-id');
  expect(outbox[0]?.args.id).toBe(id);
  expect(await app.storedEngagementNames()).toContain(name);
  // Not on the server yet, so there is no team to open.
  await expect(item.getByRole('link', { name: `Team of ${name}` })).toHaveCount(0);

  // Back in reach, "Sync now" sends it: the outbox empties and the server's version replaces the local one.
  await app.unblockSync();
  await app.syncNow();
  await app.expectSynced();
  await expect(item).not.toContainText('Not yet synced');
  await expect(app.syncPanel.getByTestId('sync-pending')).toHaveText('None');
  await expect(app.syncPanel.getByTestId('sync-last').locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  expect(await app.outboxEntries()).toEqual([]);
  await expect(app.items.and(page.locator(`[data-engagement-id="${id}"]`))).toHaveCount(1);
  // The server made the creator its manager; after the sync the session knows it, so the team panel opens.
  await expect(item.getByRole('link', { name: `Team of ${name}` })).toBeVisible();
});

test('a Type 1 engagement is as of one date and may name a prior engagement', async ({ page }) => {
  const app = await EngagementsPage.signedInAs(page, 'manager');
  // Unsynced, so both changes can be read back from the outbox.
  await app.blockSync();
  const prior = uniqueName('Beta readiness');
  const type1 = uniqueName('Beta Type 1');
  await app.createEngagement({ name: prior, client: 'Beta GmbH', kind: 'Readiness', start: '2024-01-01', end: '2024-03-31' });
  await app.newButton.click();
  await app.fill({ name: type1, client: 'Beta GmbH', kind: 'Type 1', start: '2024-06-30' });
  await app.field('Prior engagement (optional)').selectOption({ label: prior });
  await app.saveButton.click();
  await expect(app.saveStatus).toContainText('Saved on this device');
  await expect(app.item(type1)).toContainText('As of 2024-06-30');
  const outbox = await app.outboxEntries();
  expect(outbox.map((e) => [e.name, e.args.name])).toEqual([
    ['createEngagement', prior],
    ['createEngagement', type1],
  ]);
  expect(outbox[1]?.args).toMatchObject({ periodStart: '2024-06-30', periodEnd: '2024-06-30', priorEngagementId: outbox[0]?.args.id });
});

test('invalid input shows the error next to its field and stores nothing', async ({ page }) => {
  const app = await EngagementsPage.signedInAs(page, 'manager');
  await app.newButton.click();

  // Nothing entered: focus goes to the first field in error.
  await app.saveButton.click();
  await expect(app.field('Engagement name')).toBeFocused();
  await expect(app.field('Engagement name')).toHaveAccessibleDescription('Enter a name for the engagement');
  await expect(app.field('Client organisation')).toHaveAttribute('aria-invalid', 'true');

  // A period that ends before it starts is refused by the createEngagement mutator itself.
  const name = uniqueName('Gamma');
  await app.fill({ name, client: 'Gamma Inc', kind: 'Type 2', start: '2025-06-30', end: '2025-01-01' });
  await app.saveButton.click();
  await expect(app.field('Period end')).toHaveAccessibleDescription('The period must not end before it starts');
  await expect(app.field('Period end')).toBeFocused();

  // Switching a two-date period to Type 1 does not carry it over: Type 1 asks for its one date.
  await app.form.getByRole('radio', { name: /^Type 1/ }).check();
  await expect(app.field('Period end')).toHaveCount(0);
  await app.saveButton.click();
  await expect(app.field('As of date')).toHaveAccessibleDescription('Enter the date the Type 1 report is as of');

  await expect(app.saveStatus).not.toContainText('Saved');
  expect(await app.outboxEntries()).toEqual([]);
  expect(await app.storedEngagementNames()).not.toContain(name);
  await app.page.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.form).toHaveCount(0);
  await expect(app.newButton).toBeVisible();
  await expect(app.item(name)).toHaveCount(0);
});

test('at 360 px wide there is no horizontal scroll and the form is usable', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const app = await EngagementsPage.signedInAs(page, 'manager');
  expect(await app.hasHorizontalScroll()).toBe(false);

  await app.newButton.click();
  expect(await app.hasHorizontalScroll()).toBe(false);
  const name = uniqueName('A rather long engagement name that has to wrap on a small phone screen');
  await app.fill({
    name,
    client: 'Delta Incorporated International Holdings',
    kind: 'Type 2',
    start: '2025-01-01',
    end: '2025-12-31',
    categories: ['Confidentiality', 'Processing Integrity', 'Privacy'],
  });
  await app.saveButton.scrollIntoViewIfNeeded();
  await expect(app.saveButton).toBeInViewport();
  await app.saveButton.click();
  await expect(app.saveStatus).toContainText('Saved on this device');
  await expect(app.item(name)).toBeVisible();
  expect(await app.hasHorizontalScroll()).toBe(false);

  // The sync panel fits too.
  await app.page.evaluate(() => window.scrollTo(0, 0));
  await app.openSyncPanel();
  await expect(app.syncPanel).toBeInViewport({ ratio: 1 });
  expect(await app.hasHorizontalScroll()).toBe(false);
});
