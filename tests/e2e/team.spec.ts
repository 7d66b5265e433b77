import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { DEMO } from './e2e-accounts';
import { EngagementsPage } from './pages/engagements-page';
import { InvitationPage } from './pages/invitation-page';
import { SessionPage } from './pages/session-page';
import { managedEngagements, TeamPage } from './pages/team-page';

/** Unique per run and per test: the e2e server's database lives for the whole run. */
const newEmail = (who: string): string => `${who}.${Date.now()}@firm.test`;

test('a manager invites a new person from the team panel; the copied link signs them in with the membership', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await EngagementsPage.signedInAs(page, 'manager');
  const session = new SessionPage(page);

  // The team panel is reached from the account menu's list of engagements.
  const [engagementId] = await managedEngagements(page.request);
  await session.accountToggle.click();
  await page.locator(`a[href="/engagements/${engagementId}/team"]`).click();
  const team = new TeamPage(page);
  await expect(team.heading).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/engagements/${engagementId}/team$`));

  const email = newEmail('dana');
  await team.invite(email, 'Auditor');
  await team.linkBox.getByRole('button', { name: 'Copy link' }).click();
  await expect(team.linkBox.getByTestId('copy-status')).toHaveText('Link copied.');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]{20,}$/);
  expect(link).toBe(await team.linkBox.getByLabel('Invitation link').inputValue());
  await team.linkBox.getByRole('button', { name: 'Done' }).click();
  await expect(team.invitation(email)).toContainText('Auditor');

  await session.signOutKeepingData();
  const invitation = new InvitationPage(page);
  await invitation.goto(link);
  await expect(invitation.fact('Role')).toHaveText('Auditor');
  await expect(invitation.fact('E-mail')).toHaveText(email);
  await expect(invitation.fact('Engagement')).not.toBeEmpty();
  await expect(invitation.password).toHaveAccessibleDescription(/At least 12 characters/);

  await invitation.name.fill('Dana Ortiz');
  await invitation.password.fill('too short');
  await invitation.accept.click();
  await expect(invitation.password).toHaveAccessibleDescription(/Use at least 12 characters/);
  await expect(invitation.password).toBeFocused();

  await invitation.password.fill('a long enough passphrase');
  await invitation.accept.click();
  await expect(page).toHaveURL(/\/$/);
  await session.expectSignedInAs('Dana Ortiz');
  await expect(page.getByTestId('account-email')).toHaveText(email);
  await expect(page.getByTestId('account-roles')).toHaveText('Auditor on 1 engagement');

  // The link works once.
  await invitation.goto(link);
  await expect(invitation.problem).toContainText('This invitation can no longer be used');
  await expect(invitation.problem).toContainText('already been used');
  await invitation.goto(`/invite/${'x'.repeat(32)}`);
  await expect(invitation.problem).toContainText('This invitation link does not work');
});

const invitationResponse = z.object({ link: z.string() });

test('team panel: the last manager cannot leave, a role is changed, a member removed after confirming, an invitation withdrawn', async ({
  page,
  request,
  baseURL,
}) => {
  await EngagementsPage.signedInAs(page, 'manager');
  const engagementId = (await managedEngagements(page.request))[1];
  if (!engagementId) throw new Error('the demo manager manages two engagements');

  // Someone to work with: invited with the manager's session, accepted from another cookie jar.
  const email = newEmail('temp');
  const headers = { origin: baseURL ?? '' };
  const created = await page.request.post(`/api/engagements/${engagementId}/invitations`, { data: { email, role: 'auditor', organization: null }, headers });
  expect(created.status()).toBe(201);
  const token = invitationResponse.parse(await created.json()).link.split('/').pop();
  const accepted = await request.post(`/api/invitations/${token}/accept`, { data: { name: 'Temp Person', password: 'temporary passphrase' }, headers });
  expect(accepted.status()).toBe(200);

  const team = new TeamPage(page);
  await team.goto(engagementId);
  const you = team.member(DEMO.manager.email);
  await expect(you).toContainText(`${DEMO.manager.name} (you)`);

  // The only manager cannot remove themselves: the server's 409 is shown beside them.
  await you.getByRole('button', { name: `Remove ${DEMO.manager.name}` }).click();
  await expect(you.getByRole('group', { name: /^Remove Morgan Reyes/ })).toContainText(DEMO.manager.email);
  await you.getByRole('button', { name: `Remove ${DEMO.manager.name}` }).click();
  await expect(you.getByTestId('member-error')).toHaveText('An engagement needs at least one manager: make someone else a manager first');
  await you.getByRole('button', { name: 'Cancel' }).click();
  await expect(you).toContainText('Manager');

  // Change a role: a client contact needs an organisation, then make them a manager.
  const temp = team.member(email);
  await expect(temp).toContainText('Auditor');
  await temp.getByRole('button', { name: 'Change role of Temp Person' }).click();
  const roleForm = temp.getByRole('form', { name: 'Change role of Temp Person' });
  await roleForm.getByLabel('Role').selectOption({ label: 'Client contact' });
  await roleForm.getByRole('button', { name: 'Save role' }).click();
  await expect(roleForm.getByLabel('Organisation')).toHaveAccessibleDescription(/Enter the organisation this client contact answers for/);
  await roleForm.getByLabel('Role').selectOption({ label: 'Manager' });
  await roleForm.getByRole('button', { name: 'Save role' }).click();
  await expect(team.status).toHaveText('Temp Person is now Manager.');
  await expect(temp.getByText('Manager', { exact: true })).toBeVisible();
  await expect(temp.getByRole('button', { name: 'Change role of Temp Person' })).toBeFocused();

  // Remove, with a confirm step naming the person; Cancel first leaves them in place.
  await temp.getByRole('button', { name: 'Remove Temp Person' }).click();
  const confirm = temp.getByRole('group', { name: /^Remove Temp Person/ });
  await expect(confirm).toContainText(`Remove Temp Person (${email}) from this engagement?`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(temp).toBeVisible();
  await temp.getByRole('button', { name: 'Remove Temp Person' }).click();
  await temp.getByRole('button', { name: 'Remove Temp Person' }).press('Enter');
  await expect(team.status).toHaveText('Temp Person was removed from the engagement.');
  await expect(temp).toHaveCount(0);

  // An invitation for a client contact, then withdrawn.
  const clientEmail = newEmail('client');
  await team.invite(clientEmail, 'Client contact', 'Other Co');
  await team.linkBox.getByRole('button', { name: 'Done' }).click();
  const pending = team.invitation(clientEmail);
  await expect(pending).toContainText('Other Co');
  await pending.getByRole('button', { name: `Withdraw the invitation for ${clientEmail}` }).click();
  await expect(pending).toHaveCount(0);
  await expect(team.status).toHaveText(`The invitation for ${clientEmail} was withdrawn.`);
});

test('an auditor sees the team read-only; offline, the panel says changes need a connection', async ({ page, context }) => {
  await EngagementsPage.signedInAs(page, 'auditor');
  const me = z
    .object({ memberships: z.array(z.object({ engagementId: z.string() })) })
    .parse(await (await page.request.get('/api/auth/me')).json());
  const engagementId = me.memberships[0]?.engagementId;
  if (!engagementId) throw new Error('the demo auditor is on one engagement');

  const team = new TeamPage(page);
  await team.goto(engagementId);
  await expect(team.member(DEMO.auditor.email)).toContainText('(you)');
  await expect(team.member(DEMO.manager.email)).toContainText('Manager');
  await expect(page.getByText("Only the engagement's managers can change the team.")).toBeVisible();
  await expect(page.getByRole('button', { name: /^(Change role|Remove) / })).toHaveCount(0);
  await expect(team.inviteForm).toHaveCount(0);

  await context.setOffline(true);
  await expect(team.offline).toContainText('Team changes need a connection');
  await context.setOffline(false);
  await expect(team.offline).toHaveCount(0);
});

test('offline, a manager’s team controls are disabled', async ({ page, context }) => {
  await EngagementsPage.signedInAs(page, 'manager');
  const [engagementId] = await managedEngagements(page.request);
  if (!engagementId) throw new Error('the demo manager manages two engagements');
  const team = new TeamPage(page);
  await team.goto(engagementId);
  await context.setOffline(true);
  await expect(team.offline).toContainText('Team changes need a connection');
  await expect(team.inviteForm.getByRole('button', { name: 'Create invitation' })).toBeDisabled();
  await expect(team.member(DEMO.manager.email).getByRole('button', { name: `Change role of ${DEMO.manager.name}` })).toBeDisabled();
});
