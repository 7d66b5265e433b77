import { expect, type Locator, type Page } from '@playwright/test';
import type { DemoUser } from '../e2e-accounts';
import { SessionPage } from './session-page';

export type EngagementFormInput = {
  readonly name: string;
  readonly client: string;
  readonly kind: 'Readiness' | 'Type 1' | 'Type 2';
  /** Type 1: the as-of date. */
  readonly start: string;
  readonly end?: string;
  readonly categories?: readonly ('Availability' | 'Confidentiality' | 'Processing Integrity' | 'Privacy')[];
};

export type StoredOutboxEntry = { readonly id: number; readonly name: string; readonly args: { readonly id?: string; readonly name?: string } };

/** Each user's local database (src/client/storage/user-database.ts). */
export const userDbName = (userId: string): string => `tickmark-user-${userId}`;

export class EngagementsPage {
  readonly heading: Locator;
  readonly newButton: Locator;
  readonly form: Locator;
  readonly saveButton: Locator;
  readonly items: Locator;
  readonly emptyState: Locator;
  readonly saveStatus: Locator;
  readonly syncStatus: Locator;
  readonly syncPanel: Locator;
  readonly updatePrompt: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Engagements' });
    this.newButton = page.getByRole('button', { name: 'New engagement' });
    this.form = page.getByRole('form', { name: 'New engagement' });
    this.saveButton = page.getByRole('button', { name: 'Save engagement' });
    this.items = page.getByTestId('engagement-item');
    this.emptyState = page.getByRole('heading', { name: 'No engagements on this device yet' });
    this.saveStatus = page.getByTestId('save-status');
    this.syncStatus = page.getByTestId('sync-status');
    this.syncPanel = page.getByRole('region', { name: 'Sync', exact: true });
    this.updatePrompt = page.getByTestId('update-prompt');
  }

  /** Signs `who` in through the sign-in form and waits for the engagements screen. */
  static async signedInAs(page: Page, who: DemoUser): Promise<EngagementsPage> {
    const session = new SessionPage(page);
    await session.gotoSignIn();
    await session.signInAs(who);
    const app = new EngagementsPage(page);
    await app.waitUntilReady();
    return app;
  }

  /** Opens the app (someone must be signed in) and waits until it has read the local store. */
  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.waitUntilReady();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilReady();
  }

  async waitUntilReady(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.syncStatus).not.toHaveAttribute('data-state', 'checking');
  }

  /** Waits for the service worker to be active, then reloads so it controls the page. */
  async installOffline(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await this.reload();
    expect(await this.page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toMatch(/\/sw\.js$/);
  }

  /** Waits until a sync has succeeded and nothing is left to send. */
  async expectSynced(): Promise<void> {
    await expect(this.syncStatus).toHaveAttribute('data-state', 'synced');
    await expect(this.syncStatus).toHaveText('All changes synced');
  }

  /**
   * Makes the sync server unreachable for this browser context (the rest of the API still
   * answers), so a test can look at work that is saved but not yet synced.
   */
  async blockSync(): Promise<void> {
    await this.page.context().route('**/api/sync/**', (route) => route.abort('internetdisconnected'));
  }

  async unblockSync(): Promise<void> {
    await this.page.context().unroute('**/api/sync/**');
  }

  /** Opens the sync panel from the badge (if it is closed). */
  async openSyncPanel(): Promise<Locator> {
    if (!(await this.syncPanel.isVisible())) await this.syncStatus.click();
    await expect(this.syncPanel).toBeVisible();
    return this.syncPanel;
  }

  async syncNow(): Promise<void> {
    const panel = await this.openSyncPanel();
    await panel.getByRole('button', { name: 'Sync now' }).click();
  }

  item(name: string): Locator {
    return this.items.filter({ has: this.page.getByRole('heading', { name, exact: true }) });
  }

  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true });
  }

  async fill(input: EngagementFormInput): Promise<void> {
    await this.field('Engagement name').fill(input.name);
    await this.field('Client organisation').fill(input.client);
    await this.form.getByRole('radio', { name: new RegExp(`^${input.kind}`) }).check();
    if (input.kind === 'Type 1') {
      await this.field('As of date').fill(input.start);
    } else {
      await this.field('Period start').fill(input.start);
      await this.field('Period end').fill(input.end ?? input.start);
    }
    for (const category of input.categories ?? []) {
      await this.form.getByRole('checkbox', { name: new RegExp(`^${category}`) }).check();
    }
  }

  async createEngagement(input: EngagementFormInput): Promise<void> {
    await this.newButton.click();
    await this.fill(input);
    await this.saveButton.click();
    await expect(this.saveStatus).toContainText('Saved on this device');
    await expect(this.item(input.name)).toBeVisible();
  }

  /** The outbox as IndexedDB holds it, read directly rather than through the app. */
  outboxEntries(): Promise<StoredOutboxEntry[]> {
    return this.readStore('outbox') as Promise<StoredOutboxEntry[]>;
  }

  async storedEngagementNames(): Promise<string[]> {
    const records = (await this.readStore('records')) as { kind: string; name?: string }[];
    return records.filter((r) => r.kind === 'engagement').map((r) => r.name ?? '');
  }

  private async readStore(store: 'outbox' | 'records'): Promise<unknown[]> {
    const dbName = userDbName(await new SessionPage(this.page).userId());
    return this.page.evaluate(
      ([dbName, storeName]) =>
        new Promise<unknown[]>((resolve, reject) => {
          // No version: never upgrades, so the app's own schema stays in charge.
          const open = indexedDB.open(dbName);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const request = db.transaction(storeName, 'readonly').objectStore(storeName).getAll();
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              db.close();
              resolve(request.result as unknown[]);
            };
          };
        }),
      [dbName, store] as const,
    );
  }

  /** True when the page is wider than the viewport (a horizontal scroll bar). */
  hasHorizontalScroll(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  }
}
