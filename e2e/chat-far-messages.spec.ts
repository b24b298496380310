// Messages far from the viewport are kept as their text only (performance.md B8: a long session's
// heap stays flat). The reader must not notice: nothing on screen moves when they collapse, their
// words stay in the page (find-in-page, screen readers), they are whole again before they scroll
// into view, and Tab still reaches every message.
import type { Page } from '@playwright/test';
import { lastReply, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';

/** Three long Markdown replies on a desktop: each is screens tall. */
async function threeLongReplies(page: Page, mock: Parameters<typeof setUpChat>[1]): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await setUpChat(page, mock);
  for (let count = 1; count <= 3; count += 1) {
    await sendMessage(page, `Answer ${count} [[mock:markdown tokens=3000]]`);
    await waitForReplyEnd(page, count);
  }
}

function firstReply(page: Page) {
  return page.getByTestId('assistant-message').first();
}

function scrollMessagesTo(page: Page, top: number): Promise<void> {
  return page.getByTestId('message-list').evaluate((list, to) => {
    list.scrollTop = to;
  }, top);
}

test('a reply far from the viewport keeps only its text and height, and is whole again when scrolled back to', async ({ page, mock }) => {
  await threeLongReplies(page, mock);
  const first = firstReply(page);
  // Collapsed when the page is idle: its words stay in the page, its rendered form is gone.
  await expect(first).toHaveAttribute('data-collapsed', '', { timeout: 10_000 });
  await expect(first.locator('.markdown-body')).toHaveCount(0);
  await expect(first.getByText('# Mock markdown reply', { exact: false })).toHaveCount(1);
  await expect(first.getByRole('heading', { name: 'Assistant replied' })).toHaveCount(1);
  // The newest reply, where the reader is, is whole and did not move.
  const table = lastReply(page).getByRole('table').last();
  await expect(table).toBeInViewport();
  const tableTop = (await table.boundingBox())?.y ?? Number.NaN;

  // Scrolled back to the top: whole again (rendered Markdown) where the reader looks.
  await scrollMessagesTo(page, 0);
  await expect(first).not.toHaveAttribute('data-collapsed');
  await expect(first.getByRole('heading', { level: 1, name: 'Mock markdown reply' })).toBeInViewport();

  // And back at the end, the newest reply is where it was.
  await scrollMessagesTo(page, 1e9);
  await expect(table).toBeInViewport();
  expect(Math.abs(((await table.boundingBox())?.y ?? Number.NaN) - tableTop)).toBeLessThan(2);
});

test('the keyboard reaches a collapsed reply: it is mounted again with the focus in it', async ({ page, mock }) => {
  await threeLongReplies(page, mock);
  const first = firstReply(page);
  await expect(first).toHaveAttribute('data-collapsed', '', { timeout: 10_000 });
  // Reached with Tab (here: shift+Tab from the next message's first control would land on it).
  await first.focus();
  await expect(first).not.toHaveAttribute('data-collapsed');
  await expect(first).toBeFocused();
  await expect(first.locator('.markdown-body')).toHaveCount(1);
  // The next Tab goes into the reply's own controls.
  await page.keyboard.press('Tab');
  expect(await first.evaluate((item) => item.contains(document.activeElement) && item !== document.activeElement)).toBe(true);
});
