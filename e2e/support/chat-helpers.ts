// Shared steps of the chat specs: a vault with keys pointing at the mock, picking a model, sending.
import { expect, type Page } from '@playwright/test';
import type { MockProviderServer } from '../mock-provider/server';
import type { RecordedRequest } from '../mock-provider/request-record';
import type { BYOKProvider } from '../../src/byok/types';
import { addKey, createVault, makeCanaryKey, unlockVault } from './vault-helpers';

/** One active, priced model per provider, used across the chat specs. */
export const CHAT_MODELS: Record<BYOKProvider, string> = {
  openai: 'gpt-4o',
  anthropic: 'claude-haiku-4-5',
  google: 'gemini-3.5-flash',
  xai: 'grok-4.3',
  mistral: 'mistral-large-latest',
};

export async function setUpChat(page: Page, mock: MockProviderServer, providers: BYOKProvider[] = ['openai']): Promise<void> {
  await createVault(page);
  for (const provider of providers) await addKey(page, provider, makeCanaryKey(provider), mock.baseUrlFor(provider));
  await page.goto('/#/chat');
  await expect(composerInput(page)).toBeVisible();
}

export function composerInput(page: Page) {
  return page.getByRole('textbox', { name: 'Message', exact: true });
}

/** The composer's model button; its name says the chosen model ("Model: GPT-4o"). */
export function modelButton(page: Page) {
  return page.getByRole('button', { name: /^Model: / });
}

export async function chooseModel(page: Page, provider: BYOKProvider, modelId = CHAT_MODELS[provider]): Promise<void> {
  await modelButton(page).click();
  await page.getByRole('combobox', { name: 'Search models' }).fill(modelId);
  await page.locator(`[role=option][data-model="${provider}:${modelId}"]`).click();
  await expect(page.getByRole('combobox', { name: 'Search models' })).toHaveCount(0);
}

export async function sendMessage(page: Page, text: string): Promise<void> {
  await composerInput(page).fill(text);
  await composerInput(page).press('Enter');
}

export function lastReply(page: Page) {
  return page.getByTestId('assistant-message').last();
}

/** The chat requests the mock received (preflights and model lists left out). */
export function chatRequests(mock: MockProviderServer): RecordedRequest[] {
  return mock.requests.filter((request) => request.method === 'POST');
}

/** Waits until the conversation holds `count` replies and the last one has ended. */
export async function waitForReplyEnd(page: Page, count = 1): Promise<void> {
  await expect(page.getByTestId('assistant-message')).toHaveCount(count, { timeout: 15_000 });
  await expect(lastReply(page)).not.toHaveAttribute('data-status', 'streaming', { timeout: 30_000 });
}

/** A reload locks the vault (security.md R15): the chat asks for the passphrase in place and stays on its URL. */
export async function reloadAndUnlock(page: Page): Promise<void> {
  const chatUrl = page.url();
  await page.reload();
  await unlockVault(page);
  expect(page.url()).toBe(chatUrl);
  await expect(composerInput(page)).toBeVisible();
}
