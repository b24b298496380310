// Never lose the place or the draft: a lock (by hand or idle) reloads the page, and unlocking
// brings back the same conversation with the half-typed message, which was stored encrypted.
import type { Page } from '@playwright/test';
import { composerInput, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';
import { unlockVault } from './support/vault-helpers';

const DRAFT = 'Half-typed CanaryDraft about otters and';

async function openSavedConversationWithDraft(page: Page): Promise<string> {
  await sendMessage(page, 'First message about otters');
  await waitForReplyEnd(page);
  await expect(page).toHaveURL(/#\/chat\/[^/]+$/);
  await composerInput(page).fill(DRAFT);
  // The draft is written encrypted a moment after the last keystroke.
  await page.waitForTimeout(800);
  return page.url();
}

test('lock by hand in #/chat/<id> with a draft, unlock: the same conversation and draft are back', async ({ page, mock }) => {
  await setUpChat(page, mock);
  const chatUrl = await openSavedConversationWithDraft(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Unlock vault' })).toBeVisible();
  expect(page.url()).toBe(chatUrl);
  const stored = await page.evaluate(async () => {
    const request = indexedDB.open('vivim-byok-data');
    const database = await new Promise<IDBDatabase>((resolve) => { request.onsuccess = () => resolve(request.result); });
    const values = await new Promise<unknown[]>((resolve) => {
      const all = database.transaction('data').objectStore('data').getAll();
      all.onsuccess = () => resolve(all.result);
    });
    return JSON.stringify(values);
  });
  expect(stored).toContain('payload');
  expect(stored).not.toContain('CanaryDraft');
  await unlockVault(page);
  expect(page.url()).toBe(chatUrl);
  await expect(page.getByTestId('user-message')).toContainText('First message about otters');
  await expect(composerInput(page)).toHaveValue(DRAFT);

  await sendMessage(page, `${DRAFT} seals`);
  await waitForReplyEnd(page, 2);
  await expect(composerInput(page)).toHaveValue('');
  await page.reload();
  await unlockVault(page);
  await expect(page.getByTestId('assistant-message')).toHaveCount(2);
  await expect(composerInput(page)).toHaveValue('');
});

test('the idle lock keeps the draft too', async ({ page, mock }) => {
  await page.clock.install();
  await setUpChat(page, mock);
  const chatUrl = await openSavedConversationWithDraft(page);
  // Past the default 15-minute auto-lock, with no input from the person.
  await page.clock.fastForward('16:00');
  await expect(page.getByRole('form', { name: 'Unlock vault' })).toBeVisible({ timeout: 15_000 });
  expect(page.url()).toBe(chatUrl);
  await unlockVault(page);
  await expect(composerInput(page)).toHaveValue(DRAFT);
});

test('a lock from another tab the moment after typing keeps what was typed in this one', async ({ page, mock, context }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'First message about otters');
  await waitForReplyEnd(page);
  const chatUrl = page.url();
  const other = await context.newPage();
  await other.goto(chatUrl);
  await unlockVault(other);
  const lockThere = other.getByRole('button', { name: 'Lock', exact: true });
  await expect(lockThere).toBeVisible();
  // Typed here and, well inside the moment before the draft's usual save, locked from the other tab
  // (a dispatched click: a full pointer click there can take longer than that moment).
  await composerInput(page).fill(DRAFT);
  await lockThere.dispatchEvent('click');
  await expect(page.getByRole('form', { name: 'Unlock vault' })).toBeVisible();
  expect(page.url()).toBe(chatUrl);
  await unlockVault(page);
  await expect(composerInput(page)).toHaveValue(DRAFT);
});

test('with a vault, the app opened at its start URL lands on the chat', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await page.goto('/');
  await expect(page).toHaveURL(/#\/chat$/);
  await expect(page.getByRole('form', { name: 'Unlock vault' })).toBeVisible();
  await unlockVault(page);
  await expect(composerInput(page)).toBeVisible();
});

test('forgot the passphrase: "Start over" deletes everything after typing DELETE, then a new vault can be made', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'Something to lose');
  await waitForReplyEnd(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.getByRole('button', { name: 'Forgot passphrase? Start over' }).click();
  const form = page.getByRole('form', { name: 'Start over' });
  await expect(form).toContainText('backup file');
  const confirm = form.getByRole('button', { name: 'Delete everything and start over' });
  await form.getByLabel('Type DELETE to confirm').fill('delete');
  await expect(confirm).toBeDisabled();
  await form.getByLabel('Type DELETE to confirm').fill('DELETE');
  await confirm.click();
  await expect(page.getByRole('form', { name: 'Create vault' })).toBeVisible({ timeout: 15_000 });
});
