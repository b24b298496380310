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

/**
 * Scrolls the messages to the end, then watches the newest reply's table that reads `text` frame by
 * frame: every place it is drawn at (its top, px), until it has stayed put for 20 frames (or 600
 * frames passed).
 */
function tablePlacesAfterScrollingToEnd(page: Page, text: string): Promise<number[]> {
  return page.getByTestId('message-list').evaluate(async (list, text) => {
    const places: number[] = [];
    let still = 0;
    list.scrollTop = 1e9;
    for (let frame = 0; frame < 600 && still < 20; frame += 1) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const tables = [...list.querySelectorAll('[data-testid="assistant-message"]:last-child table')];
      const top = tables.find((table) => table.textContent === text)?.getBoundingClientRect().top;
      if (top === undefined) continue;
      still = places.at(-1) === top ? still + 1 : 0;
      if (still === 0) places.push(top);
    }
    return places;
  }, text);
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
  const tableText = (await table.textContent()) ?? '';

  // Scrolled back to the top: whole again (rendered Markdown) where the reader looks.
  await scrollMessagesTo(page, 0);
  await expect(first).not.toHaveAttribute('data-collapsed');
  await expect(first.getByRole('heading', { level: 1, name: 'Mock markdown reply' })).toBeInViewport();
  // The newest reply, now far, went back to its text too (its groups, deferred-blocks.ts): no table left.
  await expect(lastReply(page).getByRole('table')).toHaveCount(0);

  // And back at the end, the newest reply is where it was, from the first frame its table is drawn:
  // rendered again piece by piece, it was drawn 80 px too high and moved down a few frames later.
  const drawnAt = await tablePlacesAfterScrollingToEnd(page, tableText);
  expect(drawnAt.length).toBeGreaterThan(0);
  for (const top of drawnAt) expect(Math.abs(top - tableTop)).toBeLessThan(2);
  await expect(table).toBeInViewport();
  expect(Math.abs(((await table.boundingBox())?.y ?? Number.NaN) - tableTop)).toBeLessThan(2);
});

/**
 * Scrolls the messages up a third of a screen at a time, by script, until every message collapsed at
 * the start was mounted again. Near one, it watches the element at the middle of the view for 20
 * frames after each step. Returns how many were mounted again, and how far (px) that element moved
 * in each step that mounted one and in the step after it.
 */
function movesAroundMounts(page: Page): Promise<{ collapsed: number; mounted: number; moves: number[] }> {
  return page.getByTestId('message-list').evaluate(async (list) => {
    const view = list.getBoundingClientRect();
    const waiting = new Set(list.querySelectorAll('ol[aria-label="Messages"] > li[data-collapsed]'));
    const collapsed = waiting.size;
    const moves: number[] = [];
    let checkNext = false;
    while (list.scrollTop > 0 && (waiting.size > 0 || checkNext)) {
      // Mounted again within a screen of the view: watched from two screens away.
      const near = checkNext || [...waiting].some((item) => item.getBoundingClientRect().bottom > view.top - 2 * view.height);
      list.scrollTop -= 300;
      const seen = document.elementFromPoint(view.left + view.width / 2, view.top + view.height / 2);
      const top = seen?.getBoundingClientRect().top ?? 0;
      let moved = 0;
      for (let frame = 0; frame < (near ? 20 : 2); frame += 1) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const shift = seen?.isConnected === true ? seen.getBoundingClientRect().top - top : Number.POSITIVE_INFINITY;
        if (Math.abs(shift) > Math.abs(moved)) moved = shift;
      }
      const mounting = [...waiting].filter((item) => !item.hasAttribute('data-collapsed'));
      for (const item of mounting) waiting.delete(item);
      if (mounting.length > 0 || checkNext) moves.push(moved);
      checkNext = mounting.length > 0;
    }
    return { collapsed, mounted: collapsed - waiting.size, moves };
  });
}

test('scrolling up past collapsed replies, nothing in view moves as they are mounted again', async ({ page, mock }) => {
  await threeLongReplies(page, mock);
  const replies = page.getByTestId('assistant-message');
  await expect(replies.nth(0)).toHaveAttribute('data-collapsed', '', { timeout: 10_000 });
  await expect(replies.nth(1)).toHaveAttribute('data-collapsed', '', { timeout: 10_000 });
  // Their kept height is not the height they have when mounted again (parts were estimated, not
  // drawn, when it was measured), and the browser's scroll anchoring made up for it only at times:
  // the view jumped by the difference, 50 to 800 px. The step after each checks that holding the
  // view still does not undo the next scroll.
  const { collapsed, mounted, moves } = await movesAroundMounts(page);
  expect(collapsed).toBeGreaterThanOrEqual(2);
  expect(mounted).toBe(collapsed);
  for (const moved of moves) expect(Math.abs(moved)).toBeLessThan(2);
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
