import { expect, type Page } from '@playwright/test';
import type { BYOKProvider } from '../../src/byok/types';

export const PASSPHRASE = 'correct horse battery staple';

export const PROVIDER_NAMES: Record<BYOKProvider, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google Gemini',
  xai: 'xAI',
  mistral: 'Mistral',
};

/** A fresh, obviously fake key of the right shape for each provider (security.md: canaries). */
export function makeCanaryKey(provider: BYOKProvider): string {
  const random = crypto.randomUUID();
  switch (provider) {
    case 'openai': return `sk-proj-CANARY-${random}`;
    case 'anthropic': return `sk-ant-api03-CANARY-${random}`;
    case 'google': return `AQ.CANARY-${random}`;
    case 'xai': return `xai-CANARY-${random}`;
    case 'mistral': return `CANARY${random.replace(/-/g, '').slice(0, 26)}`;
  }
}

export async function createVault(page: Page, passphrase = PASSPHRASE): Promise<void> {
  await page.goto('/#/vault');
  const form = page.getByRole('form', { name: 'Create vault' });
  await form.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await form.getByLabel('Confirm passphrase').fill(passphrase);
  await form.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('form', { name: 'Add key' })).toBeVisible({ timeout: 20_000 });
}

export async function unlockVault(page: Page, passphrase = PASSPHRASE): Promise<void> {
  const form = page.getByRole('form', { name: 'Unlock vault' });
  await form.getByLabel('Passphrase').fill(passphrase);
  await form.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible({ timeout: 20_000 });
}

export async function addKey(page: Page, provider: BYOKProvider, apiKey: string, endpoint?: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Add key' });
  await form.getByLabel('Provider').selectOption({ label: PROVIDER_NAMES[provider] });
  await form.getByLabel('API key').fill(apiKey);
  if (endpoint) {
    await form.getByText('Advanced').click();
    await form.getByLabel('Endpoint').fill(endpoint);
    // A custom endpoint must be approved with its origin shown (security.md R22).
    await form.getByRole('checkbox', { name: /^I trust .+ with this key$/ }).check();
  }
  await form.getByRole('button', { name: 'Save key' }).click();
  await expect(keyCard(page, provider)).toBeVisible();
}

export function keyCard(page: Page, provider: BYOKProvider) {
  return page.getByRole('listitem', { name: `${PROVIDER_NAMES[provider]} key` });
}

export async function lockVault(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Unlock vault' })).toBeVisible();
}
