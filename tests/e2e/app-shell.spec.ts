import { expect, test } from '@playwright/test';
import { z } from 'zod';
import { EngagementsPage } from './pages/engagements-page';

const manifestSchema = z.object({
  name: z.string(),
  short_name: z.string(),
  display: z.string(),
  start_url: z.string(),
  theme_color: z.string(),
  background_color: z.string(),
  icons: z.array(z.object({ src: z.string(), sizes: z.string(), type: z.string(), purpose: z.string().optional() })),
});

test('the app loads with a linked, valid manifest and a service worker that controls it after a reload', async ({ page }) => {
  const app = await EngagementsPage.signedInAs(page, 'manager');
  await expect(page).toHaveTitle('Tickmark');
  // The demo engagements the manager runs arrive from the server.
  await expect(app.item('Demo Type 2')).toBeVisible();

  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href ?? '', page.url()).href;
  const response = await page.request.get(manifestUrl);
  expect(response.status()).toBe(200);
  const manifest = manifestSchema.parse(await response.json());
  expect(manifest).toMatchObject({ name: 'Tickmark — SOC 2 fieldwork', short_name: 'Tickmark', display: 'standalone', start_url: '/' });

  const icon = (sizes: string, purpose?: string) => manifest.icons.find((i) => i.sizes === sizes && (i.purpose ?? 'any') === (purpose ?? 'any'));
  for (const wanted of [icon('192x192'), icon('512x512'), icon('512x512', 'maskable')]) {
    expect(wanted, JSON.stringify(manifest.icons)).toBeDefined();
    const png = await page.request.get(new URL(wanted?.src ?? '', manifestUrl).href);
    expect(png.status()).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
  }

  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  await app.installOffline();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
});

test('the storage panel shows whether storage is persisted and how much is used', async ({ page }) => {
  await EngagementsPage.signedInAs(page, 'manager');
  await page.getByRole('button', { name: 'Storage' }).click();
  const dialog = page.getByRole('dialog', { name: 'Storage on this device' });
  await expect(dialog).toBeVisible();

  const persisted = dialog.getByTestId('storage-persisted');
  await expect(persisted).toHaveText(/^(Yes|No)$/);
  if ((await persisted.textContent()) === 'No') {
    await expect(dialog).toContainText('may clear offline data');
    await expect(dialog.getByRole('button', { name: 'Ask the browser again' })).toBeVisible();
  } else {
    await expect(dialog).toContainText('will not clear');
  }
  await expect(dialog.getByTestId('storage-usage')).toHaveText(/^Using \d+(\.\d)? (bytes|KB|MB|GB) of \d+(\.\d)? (MB|GB|TB) available to Tickmark \((<0\.1|\d+(\.\d)?)%\)\.$/);
  const bar = dialog.getByRole('progressbar', { name: 'Storage used on this device' });
  await expect(bar).toBeVisible();
  expect(Number(await bar.getAttribute('max'))).toBeGreaterThan(0);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
