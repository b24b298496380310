import { expect, test } from '@playwright/test';
import { collectPageErrors } from './support/console-errors';

const DESTINATIONS = [
  { link: 'Vault', hash: '#/vault', heading: 'Key vault' },
  { link: 'Models', hash: '#/models', heading: 'Models' },
  { link: 'Chat', hash: '#/chat', heading: 'Chat' },
] as const;

test('the shell loads on the vault and each destination is reachable by its link', async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Key vault' })).toBeVisible();
  const navigation = page.getByRole('navigation', { name: 'Main' });

  for (const destination of DESTINATIONS) {
    await navigation.getByRole('link', { name: destination.link }).click();
    await expect(page).toHaveURL(new RegExp(`${destination.hash}$`));
    await expect(page.getByRole('heading', { level: 1, name: destination.heading })).toBeVisible();
    await expect(navigation.getByRole('link', { name: destination.link })).toHaveAttribute('aria-current', 'page');
  }
  expect(errors).toEqual([]);
});

for (const destination of DESTINATIONS) {
  test(`${destination.hash} opens directly by its URL`, async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto(`/${destination.hash}`);
    await expect(page.getByRole('heading', { level: 1, name: destination.heading })).toBeVisible();
    expect(errors).toEqual([]);
  });
}

test('the browser back button returns to the previous screen', async ({ page }) => {
  await page.goto('/#/vault');
  await page.getByRole('link', { name: 'Models' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Models' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Key vault' })).toBeVisible();
});

test('an offline indicator appears when the connection drops and goes when it returns', async ({ page, context }) => {
  await page.goto('/#/vault');
  await expect(page.getByRole('heading', { level: 1, name: 'Key vault' })).toBeVisible();
  await expect(page.getByText('Offline', { exact: true })).toHaveCount(0);
  await context.setOffline(true);
  await expect(page.getByText('Offline', { exact: true })).toBeVisible();
  await context.setOffline(false);
  await expect(page.getByText('Offline', { exact: true })).toHaveCount(0);
});
