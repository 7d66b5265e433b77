import { expect, type Locator, type Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, type DemoUser } from '../e2e-accounts';

/** The sign-in screen, the account menu in the header, and the sign-out dialog. */
export class SessionPage {
  readonly signInHeading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly signInButton: Locator;
  readonly signInError: Locator;
  readonly signInNotice: Locator;
  readonly account: Locator;
  readonly accountToggle: Locator;
  readonly sessionEnded: Locator;
  readonly signOutDialog: Locator;

  constructor(readonly page: Page) {
    this.signInHeading = page.getByRole('heading', { level: 1, name: 'Sign in to Tickmark' });
    this.email = page.getByLabel('E-mail address');
    this.password = page.getByLabel('Password', { exact: true });
    this.signInButton = page.getByRole('button', { name: 'Sign in', exact: true });
    this.signInError = page.getByTestId('sign-in-error');
    this.signInNotice = page.getByTestId('sign-in-notice');
    this.account = page.getByTestId('account');
    this.accountToggle = page.getByRole('button', { name: /^Account: / });
    this.sessionEnded = page.getByTestId('session-ended');
    this.signOutDialog = page.getByRole('dialog', { name: 'Sign out' });
  }

  async gotoSignIn(): Promise<void> {
    await this.page.goto('/sign-in');
    await expect(this.signInHeading).toBeVisible();
  }

  /** Fills the form and presses Enter (the form must submit from the keyboard). */
  async submitSignIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.password.press('Enter');
  }

  /** Signs in through the form and waits until the header shows the user. */
  async signInAs(who: DemoUser): Promise<void> {
    if (!(await this.signInHeading.isVisible())) await this.gotoSignIn();
    await this.submitSignIn(DEMO[who].email, DEMO_PASSWORD);
    await this.expectSignedInAs(DEMO[who].name);
  }

  async expectSignedInAs(name: string): Promise<void> {
    await expect(this.accountToggle).toHaveAccessibleName(`Account: ${name}`);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Engagements' })).toBeVisible();
  }

  /** The signed-in user's id, as the header publishes it. */
  async userId(): Promise<string> {
    const id = await this.account.getAttribute('data-user-id');
    if (!id) throw new Error('no signed-in user in the header');
    return id;
  }

  async openSignOut(): Promise<void> {
    await this.accountToggle.click();
    await this.page.getByRole('button', { name: 'Sign out…' }).click();
    await expect(this.signOutDialog).toBeVisible();
  }

  async signOutKeepingData(): Promise<void> {
    await this.openSignOut();
    await this.signOutDialog.getByRole('radio', { name: /^Keep this device's data/ }).check();
    await this.signOutDialog.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(this.signInHeading).toBeVisible();
    await expect(this.signInNotice).toContainText('Your data stays on this device');
  }

  /** Names of the IndexedDB databases of this origin. */
  databaseNames(): Promise<string[]> {
    return this.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  }
}
