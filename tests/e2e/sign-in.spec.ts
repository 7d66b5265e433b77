import { expect, test } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from './e2e-accounts';
import { uniqueName } from './e2e-names';
import { EngagementsPage } from './pages/engagements-page';
import { SessionPage } from './pages/session-page';
import { managedEngagements } from './pages/team-page';

test('signed out, every address shows the sign-in form with its first field focused', async ({ page }) => {
  const session = new SessionPage(page);
  await page.goto('/');
  await expect(session.signInHeading).toBeVisible();
  await expect(session.email).toBeFocused();
  await expect(session.email).toHaveAttribute('autocomplete', 'username');
  await expect(session.password).toHaveAttribute('autocomplete', 'current-password');
  await expect(session.account).toHaveCount(0);

  // Nothing typed: each field says what it needs, and the focus goes to the first.
  await session.signInButton.click();
  await expect(session.email).toHaveAccessibleDescription('Enter your e-mail address');
  await expect(session.password).toHaveAccessibleDescription('Enter your password');
  await expect(session.email).toBeFocused();
});

test('signing in shows who I am: name, e-mail, firm admin badge and roles', async ({ page }) => {
  const session = new SessionPage(page);
  await session.gotoSignIn();
  await session.submitSignIn(DEMO.manager.email, DEMO_PASSWORD);
  await session.expectSignedInAs(DEMO.manager.name);
  await expect(page).toHaveURL(/\/$/);

  await expect(session.account).toContainText(DEMO.manager.name);
  await expect(session.account).toContainText('Firm admin');
  await expect(page.getByTestId('account-email')).toHaveText(DEMO.manager.email);
  // The two demo engagements, and those earlier tests created (they sync, and the creator manages them).
  const managed = await managedEngagements(page.request);
  expect(managed.length).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('account-roles')).toHaveText(`Manager on ${managed.length} engagements`);
  // The permission rules let a firm admin create engagements.
  await expect(page.getByRole('button', { name: 'New engagement' })).toBeVisible();

  // The account menu opens with the keyboard and closes with Escape, back on its button.
  await session.accountToggle.focus();
  await page.keyboard.press('Enter');
  await expect(session.accountToggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('button', { name: 'Sign out…' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(session.accountToggle).toHaveAttribute('aria-expanded', 'false');
  await expect(session.accountToggle).toBeFocused();

  // A reload keeps the session; /sign-in while signed in leads back to the engagements.
  await page.reload();
  await session.expectSignedInAs(DEMO.manager.name);
  await page.goto('/sign-in');
  await expect(page).toHaveURL(/\/$/);
  await session.expectSignedInAs(DEMO.manager.name);
});

test('an auditor sees their role and no New engagement button', async ({ page }) => {
  const session = new SessionPage(page);
  await session.gotoSignIn();
  await session.signInAs('auditor');
  await expect(session.account).not.toContainText('Firm admin');
  await expect(page.getByTestId('account-roles')).toHaveText('Auditor on 1 engagement');
  await expect(page.getByRole('button', { name: 'New engagement' })).toHaveCount(0);
});

test('a wrong password is refused with a clear message, and nothing is opened', async ({ page }) => {
  const session = new SessionPage(page);
  await session.gotoSignIn();
  await session.submitSignIn(DEMO.client.email, 'not-the-password');
  await expect(session.signInError).toHaveText('That e-mail address and password do not match an account. Check both and try again.');
  await expect(session.signInError).toBeFocused();
  await expect(session.password).toHaveValue('');
  await expect(session.account).toHaveCount(0);
  expect((await session.databaseNames()).filter((n) => n.startsWith('tickmark-user-'))).toEqual([]);
});

test('when the server session ends, work stays and a banner asks to sign in again; the same user continues and the kept work syncs', async ({
  page,
  context,
}) => {
  const app = await EngagementsPage.signedInAs(page, 'manager');
  const session = new SessionPage(page);
  await app.expectSynced();
  const userId = await session.userId();

  // The server forgets us (as when the session expires): the sync after the next save is answered 401.
  await context.clearCookies();
  const name = uniqueName('Before expiry');
  await app.createEngagement({ name, client: 'Eta AG', kind: 'Type 2', start: '2025-01-01', end: '2025-12-31' });
  await expect(session.sessionEnded).toContainText('Your session has ended — sign in again to sync');
  await expect(app.syncStatus).toHaveText('1 unsynced change, saved on this device · Sign in to sync');
  await expect(app.item(name)).toContainText('Not yet synced');
  expect((await app.outboxEntries()).map((e) => e.args.name)).toEqual([name]);

  // A reload keeps both the work and the banner (the session check is answered 401 too).
  await app.reload();
  await expect(session.sessionEnded).toContainText('Your session has ended — sign in again to sync');
  await expect(app.item(name)).toContainText('Not yet synced');
  expect((await app.outboxEntries()).map((e) => e.args.name)).toEqual([name]);

  await session.sessionEnded.getByRole('link', { name: 'Sign in again' }).click();
  await expect(session.signInHeading).toBeVisible();
  await expect(page.getByTestId('session-ended-note')).toContainText(DEMO.manager.email);
  await expect(session.email).toHaveValue(DEMO.manager.email);
  await expect(session.password).toBeFocused();
  await session.password.fill(DEMO_PASSWORD);
  await session.password.press('Enter');

  await session.expectSignedInAs(DEMO.manager.name);
  await expect(session.sessionEnded).toHaveCount(0);
  expect(await session.userId()).toBe(userId);
  // Signed in again as the same user: the kept outbox is pushed.
  await expect(app.item(name)).not.toContainText('Not yet synced');
  await app.expectSynced();
  expect(await app.outboxEntries()).toEqual([]);
});
