// Opening a saved conversation from the list (performance.md B7: the visible screen in ≤ 100 ms).
// The screen goes straight from one conversation's messages to the other's: no empty "Start a
// conversation" or loading state is painted in between. And the list is rendered once, in the
// column on a desktop or in the drawer while it is open on a phone, never twice.
import type { Page } from '@playwright/test';
import { setUpChat } from './support/chat-helpers';
import { buildConversationExportFile } from './support/conversation-file';
import { expect, test } from './support/fixtures';

const savedList = 'ul[aria-label="Saved conversations"]';

async function importConversation(page: Page, title: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).first().click()]);
  await chooser.setFiles(buildConversationExportFile(title, 12, (index) => `${title} reply ${index + 1}.`));
  await expect(page.getByText(`${title} reply 12.`)).toBeInViewport();
}

test('switching conversations paints the other one\'s messages with nothing empty or loading in between', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await importConversation(page, 'Apples');
  await importConversation(page, 'Pears');
  // From now on, note every moment the message list is gone or an empty or loading screen shows.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { gaps: string[] }).gaps = seen;
    const check = (): void => {
      const main = document.querySelector('main')?.textContent ?? '';
      if (!document.querySelector('ol[aria-label="Messages"] > li')) seen.push('no messages');
      if (main.includes('Start a conversation')) seen.push('empty conversation');
      if (main.includes('Opening the conversation')) seen.push('loading');
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('list', { name: 'Saved conversations' }).getByRole('link', { name: /^Apples/ }).click();
  await expect(page.getByText('Apples reply 12.')).toBeInViewport();
  await expect(page.getByText('Pears reply 12.')).toHaveCount(0);
  await expect(page.getByTestId('conversation-title')).toHaveText('Apples');
  expect(await page.evaluate(() => (window as unknown as { gaps: string[] }).gaps)).toEqual([]);
});

test('the conversation list is rendered once: in the column on a desktop, in the drawer only while it is open on a phone', async ({ page, mock }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await setUpChat(page, mock);
  await importConversation(page, 'Apples');
  await expect(page.locator(savedList)).toHaveCount(1);
  await expect(page.getByTestId('conversation-column').locator(savedList)).toBeVisible();

  await page.setViewportSize({ width: 375, height: 812 });
  await expect(page.locator(savedList)).toHaveCount(0);
  await page.getByRole('button', { name: 'Conversations', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: 'Conversations' });
  await expect(drawer.locator(savedList)).toBeVisible();
  await expect(page.locator(savedList)).toHaveCount(1);
  await drawer.getByRole('link', { name: /^Apples/ }).click();
  await expect(drawer).toBeHidden();
  await expect(page.locator(savedList)).toHaveCount(0);
});
