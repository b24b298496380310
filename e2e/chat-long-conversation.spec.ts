// A long conversation opens on its newest messages (performance.md B7: the visible screen first,
// the rest on scroll). Older messages are reachable by scrolling up, with the view kept still, and
// by keyboard through "Load earlier messages"; a message sent at once still carries all history.
import type { Page } from '@playwright/test';
import { chatRequests, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { buildConversationExportFile } from './support/conversation-file';
import { expect, test } from './support/fixtures';

const TURNS = 100;

function messageList(page: Page) {
  return page.getByRole('list', { name: 'Messages' });
}

function mountedMessages(page: Page) {
  return messageList(page).locator(':scope > li');
}

async function importLongConversation(page: Page): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).first().click()]);
  await chooser.setFiles(buildConversationExportFile('Two hundred messages', TURNS));
  await expect(page.getByText(`Reply number ${TURNS}, short and plain.`)).toBeInViewport();
  await expect(page.getByRole('button', { name: /^Load earlier messages/ })).toBeVisible();
}

test('a 200-message conversation mounts only its newest messages, and scrolling up mounts older ones without moving the view', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await importLongConversation(page);
  const firstCount = await mountedMessages(page).count();
  expect(firstCount).toBeGreaterThan(0);
  expect(firstCount).toBeLessThan(TURNS * 2);
  await expect(page.getByText('Question number 1?', { exact: true })).toHaveCount(0);

  const scroller = page.getByTestId('message-list');
  for (let step = 0; step < 20 && (await page.getByText('Question number 1?', { exact: true }).count()) === 0; step += 1) {
    const count = await mountedMessages(page).count();
    // Scrolled to the top: where the oldest mounted message is, in the same task as the scroll.
    const before = await scroller.evaluate((element) => {
      element.scrollTop = 0;
      const oldest = element.querySelector('ol[aria-label="Messages"] > li');
      return { text: oldest?.textContent ?? '', top: oldest?.getBoundingClientRect().top ?? Number.NaN };
    });
    await expect.poll(() => mountedMessages(page).count()).toBeGreaterThan(count);
    // Older messages were mounted above it, and it has not moved on the screen.
    const after = await scroller.evaluate((element, text) => {
      const same = [...element.querySelectorAll('ol[aria-label="Messages"] > li')].find((item) => item.textContent === text);
      return same?.getBoundingClientRect().top ?? Number.NaN;
    }, before.text);
    expect(Math.abs(after - before.top)).toBeLessThan(2);
  }
  await expect(page.getByText('Question number 1?', { exact: true })).toHaveCount(1);
  await expect(mountedMessages(page)).toHaveCount(TURNS * 2);
  await expect(page.getByRole('button', { name: /^Load earlier messages/ })).toHaveCount(0);
});

test('keyboard users reach the oldest message through "Load earlier messages", and Tab goes into the messages added', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await importLongConversation(page);
  const button = page.getByRole('button', { name: /^Load earlier messages/ });
  await button.focus();
  const before = await mountedMessages(page).count();
  await page.keyboard.press('Enter');
  await expect.poll(() => mountedMessages(page).count()).toBeGreaterThan(before);
  await expect(button).toBeFocused();
  const oldestMounted = await mountedMessages(page).first().textContent();
  await page.keyboard.press('Tab');
  // The next stop is inside the oldest message just mounted, not back at the newest ones (moving
  // the focus there may mount more above it, so it is found by its text, not its position).
  const focusedText = await page.evaluate(() => document.activeElement?.closest('ol[aria-label="Messages"] > li')?.textContent ?? null);
  expect(focusedText).toBe(oldestMounted);
  while ((await button.count()) > 0) {
    await button.focus();
    await page.keyboard.press('Enter');
  }
  await expect(page.getByText('Question number 1?', { exact: true })).toHaveCount(1);
});

test('a message sent right after opening a long conversation carries its whole history', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await importLongConversation(page);
  await sendMessage(page, 'And one more question');
  await expect(page.getByTestId('user-message').last()).toHaveText(/And one more question/);
  await waitForReplyEnd(page, await page.getByTestId('assistant-message').count());
  const body = chatRequests(mock).at(-1)?.bodyText ?? '';
  expect(body).toContain('Question number 1?');
  expect(body).toContain(`Reply number ${TURNS}, short and plain.`);
  expect(body).toContain('And one more question');
});
