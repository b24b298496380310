// The chat is a full-height app on a phone: messages get most of the screen, every control is a
// real tap target, and the conversation list is a drawer that traps focus and closes with Esc.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { composerInput, lastReply, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { buildConversationExportFile } from './support/conversation-file';
import { expect, test } from './support/fixtures';

async function importLongConversation(page: Page): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).first().click()]);
  await chooser.setFiles(buildConversationExportFile('Twenty messages', 10));
  await expect(page.getByTestId('user-message')).toHaveCount(10);
}

/** Visible controls smaller than 44×44 px (visually hidden ones, 1 px, are not targets). */
async function findSmallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'a[href], button, input, select, textarea, [role="combobox"], [role="option"], [tabindex]:not([tabindex="-1"])';
    const small: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (element.closest('.markdown-body')) continue;
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.width < 44 || box.height < 44) small.push(`${element.tagName} "${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  });
}

test('at 375×812 a 20-message chat gives the messages at least 65 % of the height, with 44×44 targets', async ({ page, mock }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await setUpChat(page, mock);
  await page.getByRole('button', { name: 'Show conversations' }).or(page.getByRole('button', { name: 'Conversations', exact: true })).click();
  await importLongConversation(page);
  const list = await page.getByTestId('message-list').boundingBox();
  expect(list?.height ?? 0).toBeGreaterThanOrEqual(0.65 * 812);
  await expect(composerInput(page)).toBeInViewport();
  expect(await findSmallTargets(page)).toEqual([]);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations).toEqual([]);
});

test('on a phone the conversation list is a drawer: focus moves in, Esc closes it and focus comes back', async ({ page, mock }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await setUpChat(page, mock);
  const opener = page.getByRole('button', { name: 'Conversations', exact: true });
  await opener.click();
  const drawer = page.getByRole('dialog', { name: 'Conversations' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole('button', { name: 'Close' })).toBeFocused();
  for (let step = 0; step < 8; step += 1) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await expect(opener).toBeFocused();
});

test('on a desktop the list is a column that folds away, and the chat has no footer', async ({ page, mock }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await setUpChat(page, mock);
  await expect(page.getByTestId('conversation-column')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
  await page.getByRole('button', { name: 'Conversations', exact: true }).click();
  await expect(page.getByTestId('conversation-column')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show conversations' }).click();
  await expect(page.getByTestId('conversation-column')).toBeVisible();
});

test('turned from a desktop window to a phone, the end of the conversation stays in view', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'A long answer, please.\n[[mock:markdown tokens=600]]');
  await waitForReplyEnd(page);
  const end = lastReply(page).getByTestId('total-time');
  await expect(end).toBeInViewport();
  // Narrower, the reply is several screens taller; the reader was at its end and still is.
  await page.setViewportSize({ width: 375, height: 812 });
  await expect(end).toBeInViewport();
  // Scrolled up to read, the view stays where the reader put it when it changes size again.
  await page.getByTestId('message-list').evaluate((list) => { list.scrollTop = 0; });
  await page.setViewportSize({ width: 414, height: 700 });
  await expect(lastReply(page).getByRole('heading', { level: 1 }).first()).toBeInViewport();
  await expect(end).not.toBeInViewport();
});

/** Boxes the page has scrolled sideways to show something that sticks out (nothing should). */
async function scrolledSideways(page: Page): Promise<string[]> {
  return page.evaluate(() => [window, ...document.querySelectorAll('*')].flatMap((target) => {
    const left = target instanceof Window ? target.scrollX : target.scrollLeft;
    const name = target instanceof Window ? 'window' : `${target.tagName.toLowerCase()}.${String(target.className).split(' ')[0]}`;
    // A code block or table scrolls sideways on purpose; the page and its columns must not.
    return left !== 0 && !(target instanceof Element && target.closest('.markdown-body')) ? [`${name} by ${left} px`] : [];
  }));
}

test('on a phone the model picker opens inside the screen, and nothing scrolls sideways to show it', async ({ page, mock }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await setUpChat(page, mock);
  await page.getByRole('button', { name: /^Model: / }).click();
  const search = page.getByRole('combobox', { name: 'Search models' });
  await expect(search).toBeFocused();
  // The popover: the search field, the list and their frame.
  const picker = await search.locator('..').boundingBox();
  expect(picker?.x ?? -1).toBeGreaterThanOrEqual(0);
  expect((picker?.x ?? 0) + (picker?.width ?? Infinity)).toBeLessThanOrEqual(375);
  expect(await scrolledSideways(page)).toEqual([]);
  expect((await page.getByRole('banner').boundingBox())?.x).toBe(0);
  await page.keyboard.press('Escape');
  await expect(search).toHaveCount(0);
});

test('a row’s actions menu and the export menu close on Escape and on a tap elsewhere, nothing else with them', async ({ page, mock }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await setUpChat(page, mock);
  await sendMessage(page, 'Menus on a phone');
  await waitForReplyEnd(page);
  await page.getByRole('button', { name: 'Conversations', exact: true }).click();
  const drawer = page.getByRole('dialog', { name: 'Conversations' });
  const actions = drawer.getByRole('button', { name: 'Actions for Menus on a phone' });
  const rename = drawer.getByRole('button', { name: 'Rename Menus on a phone' });
  await actions.click();
  await page.keyboard.press('Escape');
  await expect(rename).toHaveCount(0);
  await expect(actions).toBeFocused();
  await expect(drawer).toBeVisible();
  await actions.click();
  await drawer.getByRole('searchbox', { name: 'Search conversations' }).click();
  await expect(rename).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  const exportButton = page.getByRole('button', { name: 'Export', exact: true });
  await exportButton.click();
  await expect(page.getByRole('button', { name: 'As JSON (.json)' })).toBeVisible();
  await page.getByTestId('message-list').click({ position: { x: 20, y: 20 } });
  await expect(page.getByRole('button', { name: 'As JSON (.json)' })).toHaveCount(0);
});

test('offline on the narrowest phones the header still fits, the Lock button whole', async ({ page, mock, context }) => {
  await setUpChat(page, mock);
  await context.setOffline(true);
  await expect(page.getByRole('status').filter({ hasText: 'Offline' })).toBeAttached();
  for (const width of [320, 375]) {
    await page.setViewportSize({ width, height: 740 });
    const sticking = await page.getByRole('banner').evaluate((header) => [...header.querySelectorAll('*')]
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 1 && (box.right > window.innerWidth + 0.5 || box.left < -0.5)).length);
    expect(sticking, `at ${width} px`).toBe(0);
    await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeInViewport({ ratio: 1 });
  }
});
