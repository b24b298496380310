// One conversation open in two tabs of the same browser: each shows what the other writes, and
// neither can overwrite or hide the other's messages.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import type { MockProviderServer } from './mock-provider/server';
import { chatRequests, composerInput, lastReply, reloadAndUnlock, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { unlockVault } from './support/vault-helpers';

/** The same conversation in a second tab (unlocking is per tab, security.md R13). */
async function openSecondTab(context: BrowserContext, first: Page, options: { deaf?: boolean } = {}): Promise<Page> {
  const second = await context.newPage();
  // A tab that has not heard the other tab's news yet (a frozen background tab, a slow machine):
  // it drops the conversation channel's messages, so its view stays as it was.
  if (options.deaf) {
    await second.addInitScript(() => {
      const listen = BroadcastChannel.prototype.addEventListener;
      BroadcastChannel.prototype.addEventListener = function (this: BroadcastChannel, ...args: Parameters<BroadcastChannel['addEventListener']>) {
        if (this.name === 'vivim-byok-conversations') return;
        listen.apply(this, args);
      } as BroadcastChannel['addEventListener'];
    });
  }
  await second.goto(first.url());
  await unlockVault(second);
  return second;
}

/** A conversation with one finished exchange, open in this tab and in a second one. */
async function oneExchangeInTwoTabs(page: Page, context: BrowserContext, mock: MockProviderServer, question: string, options: { deaf?: boolean } = {}): Promise<Page> {
  await setUpChat(page, mock);
  await sendMessage(page, question);
  await waitForReplyEnd(page);
  const second = await openSecondTab(context, page, options);
  await expect(second.getByTestId('assistant-message')).toHaveCount(1);
  return second;
}

/** With the second tab closed, what the first one reads back after a reload: the user's messages in order. */
async function expectStoredQuestions(first: Page, second: Page, questions: string[]): Promise<void> {
  await second.close();
  await reloadAndUnlock(first);
  const texts = await first.getByTestId('user-message').allInnerTexts();
  expect(texts.map((text) => text.replace(/^You said\s*/, ''))).toEqual(questions);
}

test('a message sent in one tab shows in the other, and the other tab’s next reply builds on it', async ({ page, context, mock }) => {
  const second = await oneExchangeInTwoTabs(page, context, mock, 'First from tab one');

  await sendMessage(page, 'Second from tab one');
  await waitForReplyEnd(page, 2);
  await expect(second.getByText('Second from tab one', { exact: true })).toBeVisible();
  await expect(second.getByTestId('assistant-message')).toHaveCount(2);

  await sendMessage(second, 'Third from tab two');
  await waitForReplyEnd(second, 3);
  expect(chatRequests(mock).at(-1)?.bodyText).toContain('Second from tab one');
  await expect(page.getByText('Third from tab two', { exact: true })).toBeVisible();
  await expectStoredQuestions(page, second, ['First from tab one', 'Second from tab one', 'Third from tab two']);
});

test('a tab that has not seen the other tab’s messages cannot write over them: it shows them and keeps the draft', async ({ page, context, mock }) => {
  const second = await oneExchangeInTwoTabs(page, context, mock, 'First from tab one', { deaf: true });

  await sendMessage(page, 'Second from tab one');
  await waitForReplyEnd(page, 2);
  await expect(second.getByText('Second from tab one', { exact: true })).toHaveCount(0);

  await sendMessage(second, 'Written without seeing the second');
  await expect(second.getByText('Changed in another tab', { exact: false })).toBeVisible();
  await expect(second.getByText('Second from tab one', { exact: true })).toBeVisible();
  await expect(composerInput(second)).toHaveValue('Written without seeing the second');
  expect(chatRequests(mock)).toHaveLength(2);

  await composerInput(second).press('Enter');
  await waitForReplyEnd(second, 3);
  await expectStoredQuestions(page, second, ['First from tab one', 'Second from tab one', 'Written without seeing the second']);
});

test('a reply still streaming in one tab is shown as such in the other, never as cut off', async ({ page, context, mock }) => {
  await setUpChat(page, mock);
  // 20 s of reply: on a loaded CI machine opening the second tab alone has taken 15 s.
  await sendMessage(page, 'Slow one [[mock:text tokens=200 tps=10]]');
  await expect(lastReply(page)).toHaveAttribute('data-status', 'streaming');
  const second = await openSecondTab(context, page);
  const reply = second.getByTestId('assistant-message');
  await expect(reply).toHaveAttribute('data-status', 'streaming');
  await expect(reply.getByText('Still being written in another tab…')).toBeVisible();
  await expect(second.getByText('A reply is being written in another tab.')).toBeVisible();
  await composerInput(second).fill('Waiting for it');
  await expect(second.getByRole('button', { name: 'Send' })).toBeDisabled();

  await waitForReplyEnd(page);
  await expect(reply).toHaveAttribute('data-status', 'complete', { timeout: 15_000 });
  await expect(reply.getByText('Cut off')).toHaveCount(0);
  await expect(reply).toContainText(await lastReply(page).locator('.markdown-body').first().innerText());
  await expect(second.getByRole('button', { name: 'Send' })).toBeEnabled();
});

test('a conversation deleted in one tab is closed in the other, with a note saying why', async ({ page, context, mock }) => {
  const second = await oneExchangeInTwoTabs(page, context, mock, 'Soon gone');

  await page.getByRole('button', { name: 'Actions for Soon gone' }).click();
  await page.getByRole('button', { name: 'Delete Soon gone' }).click();
  await page.getByRole('group', { name: 'Delete Soon gone?' }).getByRole('button', { name: 'Delete' }).click();

  await expect(second.getByText('This conversation was deleted in another tab.')).toBeVisible();
  await expect(second.getByRole('heading', { name: 'Conversation not found' })).toBeVisible();
  await expect(second.getByRole('textbox', { name: 'Message', exact: true })).toHaveCount(0);
});

test('a rename in one tab survives the reply another tab is streaming into the conversation', async ({ page, context, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'Named by its first message [[mock:text tokens=80 tps=10]]');
  await expect(lastReply(page)).toHaveAttribute('data-status', 'streaming');
  const second = await openSecondTab(context, page);
  await second.getByRole('button', { name: /^Actions for Named by its first message/ }).click();
  await second.getByRole('button', { name: /^Rename Named by its first message/ }).click();
  await second.getByRole('textbox', { name: 'New title' }).fill('Renamed in tab two');
  await second.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('link', { name: /Renamed in tab two/ })).toBeVisible();

  await waitForReplyEnd(page);
  await reloadAndUnlock(page);
  await expect(page.getByRole('heading', { name: 'Renamed in tab two' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Renamed in tab two/ })).toBeVisible();
});
