// Vault steps through the UI, by roles and labels as the e2e helpers do (e2e/support/
// vault-helpers.ts), but without @playwright/test's expect, since the bench is not a test run.
import type { Page } from 'playwright';
import type { MockProviderServer } from '../../e2e/mock-provider/server';
import type { BYOKProvider } from '../../src/byok/types';

export const PASSPHRASE = 'correct horse battery staple';
export const ALL_PROVIDERS: BYOKProvider[] = ['openai', 'anthropic', 'google', 'xai', 'mistral'];

const PROVIDER_NAMES: Record<BYOKProvider, string> = {
  openai: 'OpenAI', anthropic: 'Anthropic', google: 'Google Gemini', xai: 'xAI', mistral: 'Mistral',
};

function fakeKey(provider: BYOKProvider): string {
  const random = crypto.randomUUID();
  switch (provider) {
    case 'openai': return `sk-proj-BENCH-${random}`;
    case 'anthropic': return `sk-ant-api03-BENCH-${random}`;
    case 'google': return `AQ.BENCH-${random}`;
    case 'xai': return `xai-BENCH-${random}`;
    case 'mistral': return `BENCH${random.replace(/-/g, '').slice(0, 27)}`;
  }
}

export async function createVaultInUi(page: Page): Promise<void> {
  await page.goto('/#/vault');
  const form = page.getByRole('form', { name: 'Create vault' });
  await form.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await form.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('form', { name: 'Add key' }).waitFor({ timeout: 30_000 });
}

export async function addKeyInUi(page: Page, provider: BYOKProvider, mock: MockProviderServer): Promise<void> {
  const form = page.getByRole('form', { name: 'Add key' });
  await form.getByLabel('Provider').selectOption({ label: PROVIDER_NAMES[provider] });
  await form.getByLabel('API key').fill(fakeKey(provider));
  await form.getByText('Advanced').click();
  await form.getByLabel('Endpoint').fill(mock.baseUrlFor(provider));
  // A custom endpoint must be approved with its origin shown (security.md R22).
  await form.getByRole('checkbox', { name: /^I trust .+ with this key$/ }).check();
  await form.getByRole('button', { name: 'Save key' }).click();
  await page.getByRole('listitem', { name: `${PROVIDER_NAMES[provider]} key` }).waitFor({ timeout: 20_000 });
}

/** A vault with a key per provider, each pointing at the mock. */
export async function setUpVault(page: Page, mock: MockProviderServer, providers = ALL_PROVIDERS): Promise<void> {
  await createVaultInUi(page);
  for (const provider of providers) await addKeyInUi(page, provider, mock);
}

/** Reloading locks the vault (security.md R15); returns when the unlock form is usable. */
export async function reloadLocked(page: Page): Promise<void> {
  await page.goto('/#/vault');
  await page.reload();
  await page.getByRole('form', { name: 'Unlock vault' }).getByLabel('Passphrase').waitFor();
}

export async function unlockInUi(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'Unlock vault' });
  await form.getByLabel('Passphrase').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Unlock' }).click();
  await page.getByRole('button', { name: 'Lock', exact: true }).waitFor({ timeout: 30_000 });
}
