// Spend you can trust (issue 11): the vault card follows a reply without a reload, in this tab and
// another; a stopped or cut-off reply that sent no usage is billed as an estimate marked "≈"; a
// budget refuses before any request, "Send once anyway" sends exactly one, and over budget is red.
import type { Page } from '@playwright/test';
import { chatRequests, lastReply, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';
import { keyCard, unlockVault } from './support/vault-helpers';

async function openVault(page: Page): Promise<void> {
  await page.goto('/#/vault');
  await expect(keyCard(page, 'openai')).toBeVisible();
}

async function setBudget(page: Page, amount: string): Promise<void> {
  await openVault(page);
  const card = keyCard(page, 'openai');
  await card.getByRole('button', { name: 'Set budget' }).click();
  const form = card.getByRole('form', { name: 'Monthly budget for OpenAI' });
  await form.getByLabel('Monthly budget (USD)').fill(amount);
  await form.getByRole('button', { name: 'Save budget' }).click();
  await expect(form).toHaveCount(0);
}

function fact(page: Page, term: string) {
  return keyCard(page, 'openai').locator('div', { has: page.locator('dt', { hasText: term }) }).locator('dd');
}

test('the vault card shows a reply\'s spend and last use without a reload, and another tab follows within 2 s', async ({ page, mock, context }) => {
  await setUpChat(page, mock);
  const other = await context.newPage();
  await other.goto('/#/vault');
  await unlockVault(other);
  await expect(fact(other, 'Last used')).toHaveText(/never/i);
  await expect(fact(other, 'This month')).toContainText('$0.00');

  await sendMessage(page, 'Hello there [[mock:text tokens=120]]');
  await waitForReplyEnd(page);
  const cost = (await lastReply(page).getByTestId('cost').innerText()).trim();
  expect(cost).toMatch(/^\$0\.\d+/);

  // The other tab: no reload, no Re-verify, within 2 s of the reply ending.
  await expect(fact(other, 'This month')).toContainText(cost, { timeout: 2_000 });
  await expect(fact(other, 'Last used')).not.toHaveText(/never/i, { timeout: 2_000 });

  // This tab: a route change, not a reload.
  await page.evaluate(() => { window.location.hash = '#/vault'; });
  await expect(fact(page, 'This month')).toContainText(cost);
  await expect(fact(page, 'Last used')).not.toHaveText(/never/i);
});

test('Stop after a few hundred tokens bills them as an estimate in the reply, the conversation and the ledger', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'Long answer please [[mock:text tokens=2000 tps=150]]');
  const reply = lastReply(page);
  await expect.poll(async () => (await reply.innerText()).split(/\s+/).length, { timeout: 15_000 }).toBeGreaterThan(200);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(reply).toHaveAttribute('data-status', 'stopped');
  const kept = (await reply.locator('.markdown-body').innerText()).trim();

  const output = reply.getByTestId('output-tokens');
  await expect(output).toContainText('≈');
  const outputTokens = Number((await output.innerText()).replace(/[^\d]/g, ''));
  // About four characters per token of what arrived (the mock had sent no usage: OpenAI sends it last).
  expect(outputTokens).toBeGreaterThan(kept.length / 4 - 20);
  expect(outputTokens).toBeLessThan(kept.length / 4 + 200);
  await expect(reply.getByTestId('cost')).toContainText('≈ $');
  await expect(page.getByTestId('conversation-total')).toContainText(new RegExp(`${outputTokens.toLocaleString('en-US')} out`));
  // The conversation's total includes an estimate, so it says so too, in the header and the list.
  await expect(page.getByTestId('conversation-total')).toContainText('Total ≈ $');
  await expect(page.getByRole('list', { name: 'Saved conversations' }).getByRole('listitem').first()).toContainText('≈ $');

  await page.evaluate(() => { window.location.hash = '#/vault'; });
  await expect(fact(page, 'This month')).toContainText('≈ $');
  await expect(fact(page, 'This month')).not.toHaveText(/\$0\.00 ·/);
  // The same spend, so the same mark: all time includes this month's estimate, and so do the
  // provider's 30 days in the spend chart.
  await expect(fact(page, 'All time')).toContainText('≈ $');
  await expect(page.getByTestId('spend-chart-openai').locator('figcaption')).toContainText(/≈ \$[\d.]+ in 30 days/);
});

test('a cut-off stream with no usage is billed as an estimate too', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'Go [[mock:cut-off tokens=300]]');
  await waitForReplyEnd(page);
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute('data-status', 'interrupted');
  await expect(reply.getByTestId('output-tokens')).toContainText('≈');
  const outputTokens = Number((await reply.getByTestId('output-tokens').innerText()).replace(/[^\d]/g, ''));
  expect(outputTokens).toBeGreaterThan(100);
  await expect(page.getByTestId('conversation-total')).not.toHaveText(/Total (≈ )?\$0\.00 ·/);
  await expect(page.getByTestId('conversation-total')).toContainText('Total ≈ $');
  await expect(page.getByTestId('conversation-total')).toContainText(`${outputTokens} out`);
});

test('a $0.01 budget refuses before any request; Send once anyway sends exactly one; over budget is red with the amount', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await setBudget(page, '0.01');
  await expect(fact(page, 'Monthly budget')).toContainText('$0.01');
  await page.goto('/#/chat');

  // gpt-4o's longest reply (16,384 tokens at $10/M) could cost $0.16: refused before sending.
  await sendMessage(page, 'Write a lot [[mock:text tokens=1500 tps=3000]]');
  const error = lastReply(page).getByTestId('reply-error');
  await expect(error).toHaveAttribute('data-code', 'BUDGET_EXCEEDED');
  await expect(error).toContainText('by $0.15');
  expect(chatRequests(mock)).toHaveLength(0);
  await expect(error.getByRole('link', { name: 'Raise budget' })).toHaveAttribute('href', '#/vault');

  await error.getByRole('button', { name: 'Send once anyway' }).click();
  await waitForReplyEnd(page);
  await expect(lastReply(page)).toHaveAttribute('data-status', 'complete');
  expect(chatRequests(mock)).toHaveLength(1);

  // 1,500 output tokens at $10/M: $0.015 against $0.01, so over by about $0.005.
  const status = page.getByTestId('chat-budget-status');
  await expect(status).toHaveAttribute('data-state', 'over');
  await expect(status).toContainText(/Over the OpenAI budget by \$0\.00\d/);
  await expect(status).toHaveClass(/text-red-700/);

  await page.evaluate(() => { window.location.hash = '#/vault'; });
  const budget = keyCard(page, 'openai').getByTestId('budget-state');
  await expect(budget).toHaveAttribute('data-state', 'over');
  await expect(budget).toContainText(/over by \$0\.00\d/);
  expect(chatRequests(mock)).toHaveLength(1);
});
