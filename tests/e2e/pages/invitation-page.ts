import { expect, type Locator, type Page } from '@playwright/test';

/** `/invite/:token`. */
export class InvitationPage {
  readonly heading: Locator;
  readonly facts: Locator;
  readonly name: Locator;
  readonly password: Locator;
  readonly accept: Locator;
  readonly error: Locator;
  readonly problem: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Invitation to Tickmark' });
    this.facts = page.getByTestId('invitation-facts');
    this.name = page.getByLabel('Your name');
    this.password = page.getByLabel(/^(Choose a password|Your password)$/);
    this.accept = page.getByRole('button', { name: 'Accept and sign in' });
    this.error = page.getByTestId('invitation-error');
    this.problem = page.getByTestId('invitation-problem');
  }

  async goto(link: string): Promise<void> {
    await this.page.goto(link);
    await expect(this.heading).toBeVisible();
  }

  fact(term: string): Locator {
    return this.facts.locator('div', { has: this.page.getByRole('term').filter({ hasText: term }) }).getByRole('definition');
  }
}
