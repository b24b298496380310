import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { BYOK_PROVIDERS } from '../src/byok/types';
import { expect, test } from './support/fixtures';
import { PASSPHRASE, PROVIDER_NAMES, addKey, createVault, keyCard, lockVault, makeCanaryKey, unlockVault } from './support/vault-helpers';

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
}

test('create the vault, add a verified key for every provider, lock and unlock', async ({ page, mock }) => {
  await page.goto('/#/vault');
  await expect(page.getByText('There is no recovery.')).toBeVisible();
  // No strength verdict before anything is typed.
  await expect(page.getByRole('meter', { name: 'Passphrase strength' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await createVault(page);
  await expectNoAxeViolations(page);

  for (const provider of BYOK_PROVIDERS) {
    const apiKey = makeCanaryKey(provider);
    await addKey(page, provider, apiKey, mock.baseUrlFor(provider));
    const card = keyCard(page, provider);
    await expect(card.getByText('Verified', { exact: true })).toBeVisible();
    await expect(card.getByText(`${apiKey.slice(0, 5)}••••••••${apiKey.slice(-4)}`)).toBeVisible();
  }
  await expect(page.getByRole('form', { name: 'Add key' })).toHaveCount(0);
  for (const provider of BYOK_PROVIDERS) {
    expect(mock.requests.some((request) => request.provider === provider && request.path.endsWith('/models'))).toBe(true);
  }
  await expectNoAxeViolations(page);

  await lockVault(page);
  await expectNoAxeViolations(page);
  await unlockVault(page);
  await expect(page.getByRole('listitem', { name: /key$/ })).toHaveCount(5);
});

test('a wrong passphrase says so and changes nothing', async ({ page }) => {
  await createVault(page);
  await lockVault(page);
  const form = page.getByRole('form', { name: 'Unlock vault' });
  await form.getByLabel('Passphrase').fill(`${PASSPHRASE}!`);
  await form.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('does not open this vault');
  await expectNoAxeViolations(page);
  await unlockVault(page);
});

test('a malformed key is refused for each provider with the shape it expects', async ({ page }) => {
  await createVault(page);
  const form = page.getByRole('form', { name: 'Add key' });
  for (const provider of BYOK_PROVIDERS) {
    await form.getByLabel('Provider').selectOption({ label: PROVIDER_NAMES[provider] });
    const malformed = provider === 'mistral' ? 'tooshort123' : 'not-a-key-CANARY';
    await form.getByLabel('API key').fill(malformed);
    const article = /^[aeiox]/i.test(PROVIDER_NAMES[provider]) ? 'an' : 'a';
    const message = form.getByText(`This is not ${article} ${PROVIDER_NAMES[provider]} key`);
    await expect(message).toBeVisible();
    await expect(message).not.toContainText(malformed);
    await expect(form.getByRole('button', { name: 'Save key' })).toBeDisabled();
  }
  await expect(page.getByRole('listitem', { name: /key$/ })).toHaveCount(0);
});

test('a key the provider rejects is marked invalid with what to do', async ({ page, mock }) => {
  await createVault(page);
  await addKey(page, 'openai', `sk-proj-INVALID-${crypto.randomUUID()}`, mock.baseUrlFor('openai'));
  const card = keyCard(page, 'openai');
  await expect(card.getByText('Invalid', { exact: true })).toBeVisible();
  await expect(card.getByRole('alert')).toContainText('Replace it in the vault');
});

test('rotate, budget and remove a key', async ({ page, mock }) => {
  await createVault(page);
  await addKey(page, 'anthropic', makeCanaryKey('anthropic'), mock.baseUrlFor('anthropic'));
  const card = keyCard(page, 'anthropic');
  await expect(card.getByText('Verified', { exact: true })).toBeVisible();

  const replacement = makeCanaryKey('anthropic');
  await card.getByRole('button', { name: 'Replace key' }).click();
  await card.getByLabel('New API key').fill(replacement);
  await card.getByRole('button', { name: 'Save new key' }).click();
  await expect(card.getByText(replacement.slice(-4))).toBeVisible();
  await expect(card.getByText('Verified', { exact: true })).toBeVisible();
  expect(mock.requests.some((request) => request.headers['x-api-key'] === replacement)).toBe(true);

  await card.getByRole('button', { name: 'Set budget' }).click();
  await card.getByLabel('Monthly budget (USD)').fill('25');
  await card.getByRole('button', { name: 'Save budget' }).click();
  await expect(card.getByText('$25.00 · $25.00 left')).toBeVisible();

  await card.getByRole('button', { name: 'Remove' }).click();
  await expectNoAxeViolations(page);
  await card.getByRole('button', { name: 'Remove Anthropic key' }).click();
  await expect(card).toHaveCount(0);
});

test('export an encrypted backup and import it into a fresh browser', async ({ page, browser, mock }) => {
  await createVault(page);
  const apiKey = makeCanaryKey('mistral');
  await addKey(page, 'mistral', apiKey, mock.baseUrlFor('mistral'));
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export encrypted backup' }).click();
  const download = await downloadPromise;
  const backupPath = await download.path();
  const { readFile } = await import('node:fs/promises');
  const backup = await readFile(backupPath, 'utf8');
  expect(backup).not.toContain(apiKey);

  const freshContext = await browser.newContext();
  const freshPage = await freshContext.newPage();
  await freshPage.goto('/#/vault');
  const form = freshPage.getByRole('form', { name: 'Import backup' });
  await form.getByLabel('Backup file').setInputFiles(backupPath);
  await form.getByLabel('Backup passphrase').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Import backup' }).click();
  await expect(keyCard(freshPage, 'mistral')).toBeVisible({ timeout: 20_000 });
  await expect(keyCard(freshPage, 'mistral').getByText(apiKey.slice(-4))).toBeVisible();
  await freshContext.close();
});
