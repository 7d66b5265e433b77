import { expect, test } from '@playwright/test';
import { uniqueName } from './e2e-names';
import { EngagementsPage, userDbName } from './pages/engagements-page';
import { SessionPage } from './pages/session-page';

const DEMO_TYPE2 = 'Demo Type 2';
const DEMO_TYPE1 = 'Other Co SOC 2 Type 1';

test('the manager signs in and the demo engagements arrive from the server; the badge reaches synced', async ({ page }) => {
  const app = await EngagementsPage.signedInAs(page, 'manager');
  await expect(app.item(DEMO_TYPE2)).toContainText('Northwind Cloud Ltd');
  await expect(app.item(DEMO_TYPE2)).toContainText('2026-01-01 – 2026-12-31');
  await expect(app.item(DEMO_TYPE1)).toContainText('As of 2026-06-30');
  for (const name of [DEMO_TYPE2, DEMO_TYPE1]) await expect(app.item(name)).not.toContainText('Not yet synced');
  await app.expectSynced();
  expect(await app.storedEngagementNames()).toEqual(expect.arrayContaining([DEMO_TYPE2, DEMO_TYPE1]));

  // The panel behind the badge: nothing pending, when the last sync was, and Sync now.
  const panel = await app.openSyncPanel();
  await expect(panel.getByTestId('sync-pending')).toHaveText('None');
  await expect(panel.getByTestId('sync-last').locator('time')).toBeVisible();
  await expect(panel.getByTestId('sync-rejected')).toHaveCount(0);
  await expect(app.syncStatus).toHaveAttribute('aria-expanded', 'true');
  await panel.getByRole('button', { name: 'Sync now' }).click();
  await app.expectSynced();
  await page.keyboard.press('Escape');
  await expect(app.syncPanel).toBeHidden();
  await expect(app.syncStatus).toBeFocused();
});

test('the auditor gets only the engagement they are a member of', async ({ page }) => {
  const app = await EngagementsPage.signedInAs(page, 'auditor');
  await app.expectSynced();
  await expect(app.item(DEMO_TYPE2)).toBeVisible();
  await expect(app.items).toHaveCount(1);
  expect(await app.storedEngagementNames()).toEqual([DEMO_TYPE2]);
});

test('the client contact sees their company’s engagement and may not create one', async ({ page }) => {
  const app = await EngagementsPage.signedInAs(page, 'client');
  await app.expectSynced();
  await expect(app.item(DEMO_TYPE2)).toBeVisible();
  await expect(app.items).toHaveCount(1);
  await expect(app.newButton).toHaveCount(0);
});

test('another tab of the same user shows what this tab synced, without a reload', async ({ page, context }) => {
  const app = await EngagementsPage.signedInAs(page, 'manager');
  await app.expectSynced();
  const otherTab = new EngagementsPage(await context.newPage());
  await otherTab.goto();
  await otherTab.expectSynced();

  const name = uniqueName('Seen in the other tab');
  await app.createEngagement({ name, client: 'Kappa SA', kind: 'Type 2', start: '2025-01-01', end: '2025-12-31' });
  await expect(app.item(name)).not.toContainText('Not yet synced');
  // The tab that synced tells the other one, which re-reads the shared local store.
  await expect(otherTab.item(name)).toBeVisible();
  await expect(otherTab.item(name)).not.toContainText('Not yet synced');
  await expect(otherTab.syncStatus).toHaveText('All changes synced');
});

test('a change the server refuses is listed in the sync panel with its reason, and does not block the sync', async ({ page }) => {
  const app = await EngagementsPage.signedInAs(page, 'auditor');
  await app.expectSynced();
  // As if the auditor had created an engagement while they were still allowed to: a
  // createEngagement waits in the outbox, which the server now refuses (auditors may not create engagements).
  const dbName = userDbName(await new SessionPage(page).userId());
  await page.evaluate(
    ([dbName]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['outbox', 'meta'], 'readwrite');
          const metaStore = tx.objectStore('meta');
          const read = metaStore.get('client');
          read.onsuccess = () => {
            const meta = read.result as { clientId: string; nextMutationId: number; cookie: number | null };
            tx.objectStore('outbox').put({
              id: meta.nextMutationId,
              clientId: meta.clientId,
              name: 'createEngagement',
              args: {
                id: crypto.randomUUID(),
                membershipId: crypto.randomUUID(),
                name: 'Not allowed',
                clientOrganization: 'Lambda Ltd',
                engagementKind: 'type2',
                periodStart: '2025-01-01',
                periodEnd: '2025-12-31',
                categoriesInScope: ['CC'],
                priorEngagementId: null,
              },
              baseVersion: null,
              clientTime: new Date().toISOString(),
            });
            metaStore.put({ ...meta, nextMutationId: meta.nextMutationId + 1 }, 'client');
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [dbName] as const,
  );

  await app.syncNow();
  await expect(app.syncStatus).toHaveText('All changes synced · 1 change refused');
  const refused = app.syncPanel.getByTestId('sync-rejected');
  await expect(refused.getByRole('listitem')).toHaveCount(1);
  await expect(refused).toContainText(/^New engagement Refused by the server: \S/);
  expect(await app.outboxEntries()).toEqual([]);
  await expect(app.item('Demo Type 2')).toBeVisible();
});
