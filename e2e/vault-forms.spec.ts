// The vault's forms: no strength verdict before typing, a weak passphrase needs an explicit "use it
// anyway", secrets can be shown to check them, and key-shape messages read as English.
import { expect, test } from '@playwright/test';

test('create vault: no hint before typing, weak needs "use it anyway", Show reveals the passphrase', async ({ page }) => {
  await page.goto('/#/vault');
  const form = page.getByRole('form', { name: 'Create vault' });
  await expect(form).toBeVisible();
  await expect(form.getByText('Too short')).toHaveCount(0);
  await expect(form.getByRole('meter')).toHaveCount(0);
  const passphrase = form.getByLabel('Passphrase', { exact: true });
  await passphrase.fill('password1234');
  await form.getByLabel('Confirm passphrase').fill('password1234');
  await expect(form.getByRole('meter')).toHaveAttribute('aria-valuetext', 'Weak');
  const create = form.getByRole('button', { name: 'Create vault' });
  await expect(create).toBeDisabled();
  await form.getByLabel('This passphrase is weak: use it anyway').check();
  await expect(create).toBeEnabled();

  await expect(passphrase).toHaveAttribute('type', 'password');
  await form.getByRole('button', { name: 'Show' }).first().click();
  await expect(passphrase).toHaveAttribute('type', 'text');
  await form.getByRole('button', { name: 'Hide' }).click();
  await expect(passphrase).toHaveAttribute('type', 'password');
});
