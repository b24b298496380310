// Driving the chat screen by its roles and test ids (as e2e/support/chat-helpers.ts does).
import type { Page } from 'playwright';
import { streamTrace } from './page-api';

export const APP_REPLY = '[data-testid="assistant-message"] .markdown-body';
const COMPOSER = { role: 'textbox', name: 'Message' } as const;

export async function openChat(page: Page): Promise<void> {
  await page.goto('/#/chat');
  await page.getByRole(COMPOSER.role, { name: COMPOSER.name, exact: true }).waitFor({ timeout: 20_000 });
}

/** A new, empty conversation, so earlier replies do not weigh on this run. */
export async function newChat(page: Page): Promise<void> {
  await page.getByRole('link', { name: '+ New chat' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="assistant-message"]').length === 0);
  await page.getByRole(COMPOSER.role, { name: COMPOSER.name, exact: true }).waitFor();
}

export async function typePrompt(page: Page, prompt: string): Promise<void> {
  await page.getByRole(COMPOSER.role, { name: COMPOSER.name, exact: true }).fill(prompt);
}

export async function pressSend(page: Page): Promise<void> {
  await page.getByRole(COMPOSER.role, { name: COMPOSER.name, exact: true }).press('Enter');
}

/** The mock's per-message scenario marker (e2e/mock-provider/README.md). */
export function scenarioPrompt(scenario: string, parameters: Record<string, number | undefined>): string {
  const pairs = Object.entries(parameters).filter(([, value]) => value !== undefined).map(([key, value]) => `${key}=${value}`);
  return `[[mock:${[scenario, ...pairs].join(' ')}]] Bench reply please.`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Until `extraDone` holds (the message left 'streaming', or the page's stream promise settled)
 * and the reply has not changed for `quietMs`: then its last change has been painted.
 */
export async function waitForStreamEnd(page: Page, extraDone: () => Promise<boolean>, timeoutMs = 180_000, quietMs = 400): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const trace = await streamTrace(page);
    const now = await page.evaluate(() => performance.now());
    const quiet = trace.lastMutationAt !== null && now - trace.lastMutationAt >= quietMs;
    if (quiet && (await extraDone())) return;
    await sleep(100);
  }
  const trace = await streamTrace(page);
  const state = `last change at ${trace.lastMutationAt?.toFixed(0)} ms, done: ${await extraDone()}`;
  throw new Error(`the reply did not finish in ${timeoutMs / 1000} s (${state})`);
}

export function appReplyDone(page: Page): () => Promise<boolean> {
  return () => page.evaluate(() => {
    const replies = document.querySelectorAll('[data-testid="assistant-message"]');
    const last = replies[replies.length - 1];
    return last !== undefined && last.getAttribute('data-status') !== 'streaming';
  });
}
