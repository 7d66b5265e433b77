import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { z } from 'zod';

const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  memberships: z.array(z.object({ engagementId: z.string(), role: z.string() })),
});

/** The engagements the signed-in user manages, as the server says (the browser context's session cookie). */
export const managedEngagements = async (request: APIRequestContext): Promise<string[]> => {
  const response = await request.get('/api/auth/me');
  expect(response.status()).toBe(200);
  const me = meSchema.parse(await response.json());
  return me.memberships.filter((m) => m.role === 'manager').map((m) => m.engagementId);
};

export type RoleLabel = 'Manager' | 'Auditor' | 'Client contact';

/** `/engagements/:id/team`. */
export class TeamPage {
  readonly heading: Locator;
  readonly inviteForm: Locator;
  readonly linkBox: Locator;
  readonly status: Locator;
  readonly offline: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^Team/ });
    this.inviteForm = page.getByRole('form', { name: 'Invite someone' });
    this.linkBox = page.getByTestId('invitation-link');
    this.status = page.getByTestId('team-status');
    this.offline = page.getByTestId('team-offline');
  }

  async goto(engagementId: string): Promise<void> {
    await this.page.goto(`/engagements/${engagementId}/team`);
    await expect(this.heading).toBeVisible();
    await expect(this.page.getByRole('heading', { level: 2, name: 'Members' })).toBeVisible();
  }

  member(email: string): Locator {
    return this.page.locator(`[data-testid="team-member"][data-email="${email}"]`);
  }

  invitation(email: string): Locator {
    return this.page.locator(`[data-testid="team-invitation"][data-email="${email}"]`);
  }

  async invite(email: string, role: RoleLabel, organization?: string): Promise<void> {
    await this.inviteForm.getByLabel('E-mail address').fill(email);
    await this.inviteForm.getByLabel('Role').selectOption({ label: role });
    if (organization !== undefined) await this.inviteForm.getByLabel('Organisation').fill(organization);
    await this.inviteForm.getByRole('button', { name: 'Create invitation' }).click();
    await expect(this.linkBox).toContainText(`Invitation created for ${email}`);
  }
}
