// The browser's storage fills up while a reply streams: the reply keeps its text on screen and says
// why it was not saved (free space), and a second tab shows it cut off instead of "being written"
// forever.
import { expect, test } from './support/fixtures';
import { lastReply, sendMessage, setUpChat } from './support/chat-helpers';
import { unlockVault } from './support/vault-helpers';

test('a reply whose last save hits a full disk keeps its text, says to free space, and the other tab shows it cut off', async ({ page, context, mock }) => {
  // This tab's message writes fail once `__storageFull` is set, as a full disk makes them fail.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((window as Window & { __storageFull?: boolean }).__storageFull && this.name === 'messages') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    } as IDBObjectStore['put'];
  });
  await setUpChat(page, mock);
  // About 10 s of reply: time to open the second tab while it streams.
  await sendMessage(page, 'Fill the disk [[mock:text tokens=150 tps=15]]');
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute('data-status', 'streaming');

  const second = await context.newPage();
  await second.goto(page.url());
  await unlockVault(second);
  const replyInSecond = second.getByTestId('assistant-message');
  await expect(replyInSecond).toHaveAttribute('data-status', 'streaming');
  await expect(replyInSecond).not.toHaveText('', { timeout: 10_000 });

  await page.evaluate(() => {
    (window as Window & { __storageFull?: boolean }).__storageFull = true;
  });
  await expect(reply).toHaveAttribute('data-status', 'error', { timeout: 30_000 });
  const alert = reply.getByTestId('reply-error');
  await expect(alert).toContainText("the browser's storage for this site is full. Delete old conversations or free disk space");
  await expect(alert).toContainText('The reply above is not stored');
  // The whole reply stays on screen in this tab.
  const shown = await reply.locator('.markdown-body').first().innerText();
  expect(shown.length).toBeGreaterThan(200);
  // And what it cost: the provider billed it whether or not it could be stored.
  await expect(reply.getByText('Output tokens')).toBeVisible();
  await expect(page.getByText(/^Total \$0\.0\d+ · \d+ in \/ [1-9]\d* out$/)).toBeVisible();

  // The other tab no longer waits on it: what was stored is a cut-off reply, and it can send again.
  await expect(replyInSecond).toHaveAttribute('data-status', 'interrupted', { timeout: 10_000 });
  await expect(replyInSecond.getByText('Cut off', { exact: true })).toBeVisible();
  await expect(second.getByText('A reply is being written in another tab.')).toHaveCount(0);
  if (process.env.SHOTS) await page.screenshot({ path: process.env.SHOTS });
});
