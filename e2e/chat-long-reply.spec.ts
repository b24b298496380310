// A long reply streamed at full speed (performance.md B2, B8): blocks far from the viewport are kept
// as their Markdown text and rendered only as they come near it; once the reply has finished, groups
// far from the viewport go back to their text when the page is idle. The reader must not notice:
// what scrolls into view is rendered, its words are always in the page (find-in-page, screen
// readers), and a selection is never taken away.
import type { Page } from '@playwright/test';
import { lastReply, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';

/** A desktop chat with one 8,000-token Markdown reply, streamed at full speed and finished. */
async function streamLongReply(page: Page, mock: Parameters<typeof setUpChat>[1]): Promise<void> {
  await page.setViewportSize({ width: 1440, height: 900 });
  await setUpChat(page, mock);
  await sendMessage(page, 'A long answer [[mock:markdown tokens=8000]]');
  await waitForReplyEnd(page);
}

/** Scrolls the message list (the reply's scrolling ancestor) to a fraction of its height. */
async function scrollMessagesTo(page: Page, fraction: number): Promise<void> {
  await lastReply(page).evaluate((reply, to) => {
    let scroller: HTMLElement | null = reply.parentElement;
    while (scroller && !/(auto|scroll)/.test(getComputedStyle(scroller).overflowY)) scroller = scroller.parentElement;
    if (scroller) scroller.scrollTop = to * (scroller.scrollHeight - scroller.clientHeight);
  }, fraction);
}

/** Markdown source shown as text (a block not rendered) that lies within the viewport. */
function unrenderedOnScreen(page: Page): Promise<number> {
  return lastReply(page).evaluate((reply) => Array.from(reply.querySelectorAll('.markdown-block-deferred')).filter((block) => {
    const box = block.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight && box.height > 0;
  }).length);
}

test('a long reply is rendered where the reader looks, its far groups go back to text when idle, and come back on scroll', async ({ page, mock }) => {
  await streamLongReply(page, mock);
  const reply = lastReply(page);
  const title = reply.getByRole('heading', { level: 1, name: 'Mock markdown reply' });

  // The end of the reply, where the stream left the reader, is rendered.
  await expect(reply.getByRole('table').last()).toBeInViewport();
  await expect.poll(() => unrenderedOnScreen(page)).toBe(0);

  // Far from the viewport, finished groups go back to their Markdown text when the page is idle;
  // their words stay in the page.
  await expect.poll(() => reply.locator('.markdown-group-demoted').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await expect(title).toHaveCount(0);
  await expect(reply.getByText('# Mock markdown reply')).toHaveCount(1);

  // Scrolled to the top, the first blocks are rendered again.
  await scrollMessagesTo(page, 0);
  await expect(title).toBeInViewport();
  await expect.poll(() => unrenderedOnScreen(page)).toBe(0);

  // The middle of the reply, never rendered (it streamed past faster than a screen), renders too,
  // and what the reader looks at stays where it is while the blocks around it are rendered.
  await scrollMessagesTo(page, 0.5);
  await expect.poll(() => unrenderedOnScreen(page)).toBe(0);
  const onScreen = await reply.evaluate((element) => Array.from(element.querySelectorAll('h2')).find((heading) => {
    const box = heading.getBoundingClientRect();
    return box.top > 100 && box.bottom < innerHeight - 150;
  })?.textContent ?? '');
  const anchor = reply.getByRole('heading', { level: 2, name: onScreen, exact: true });
  await expect(anchor).toBeInViewport();
  const top = (await anchor.boundingBox())?.y ?? Number.NaN;
  await page.waitForTimeout(1500);
  expect(Math.abs(((await anchor.boundingBox())?.y ?? Number.NaN) - top)).toBeLessThan(2);
});

test('a selection in a long reply survives scrolling away: its group is not demoted', async ({ page, mock }) => {
  await streamLongReply(page, mock);
  const reply = lastReply(page);
  await scrollMessagesTo(page, 0);
  const title = reply.getByRole('heading', { level: 1, name: 'Mock markdown reply' });
  await expect(title).toBeInViewport();
  await title.selectText();
  await scrollMessagesTo(page, 1);
  // Other far groups are demoted meanwhile; the selected one keeps its nodes and the selection.
  await expect.poll(() => reply.locator('.markdown-group-demoted').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => getSelection()?.toString())).toBe('Mock markdown reply');
  await expect(title).toHaveCount(1);
});

test('copying a long reply with far groups still in text form copies the formatted reply, not Markdown', async ({ page, context, mock }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await streamLongReply(page, mock);
  const reply = lastReply(page);
  // Far from where the stream left the reader, headings are still their Markdown text.
  const cheapHeading = (): Promise<string> => reply.locator('.markdown-block-deferred')
    .evaluateAll((blocks) => blocks.map((block) => block.textContent ?? '').find((text) => /^#{1,3} \S/.test(text))?.trim() ?? '');
  await expect.poll(cheapHeading).not.toBe('');
  const heading = await cheapHeading();
  // The reader selects the whole reply (as a drag from its first word to its last would) and copies.
  await reply.locator('.markdown-body').evaluate((body) => getSelection()?.selectAllChildren(body));
  await page.keyboard.press('ControlOrMeta+C');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(heading.replace(/^#+ /, ''));
  expect(copied).not.toContain(heading);
  expect(copied).not.toMatch(/^\|.*\|$/m);
});
