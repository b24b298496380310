// The browser's storage fills up. While a reply streams: the reply keeps its text on screen and
// says why it was not saved (free space), and a second tab shows it cut off instead of "being
// written" forever. While adding a key or importing a backup: the form says the storage is full,
// and nothing is lost.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { lastReply, sendMessage, setUpChat } from './support/chat-helpers';
import { PROVIDER_NAMES, addKey, createVault, keyCard, makeCanaryKey, unlockVault, PASSPHRASE } from './support/vault-helpers';

/** From when `__storageFull` is set, this tab's writes to `objectStore` fail, as a full disk makes them fail. */
async function failWritesOnceFull(page: Page, objectStore: string): Promise<void> {
  await page.addInitScript((storeName) => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if ((window as Window & { __storageFull?: boolean }).__storageFull && this.name === storeName) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    } as IDBObjectStore['put'];
  }, objectStore);
}

/** Fills the storage (`full`), or frees it again. */
const setStorageFull = (page: Page, full: boolean): Promise<void> => page.evaluate((value) => {
  (window as Window & { __storageFull?: boolean }).__storageFull = value;
}, full);

test('a reply whose last save hits a full disk keeps its text, says to free space, and the other tab shows it cut off', async ({ page, context, mock }) => {
  await failWritesOnceFull(page, 'messages');
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

  await setStorageFull(page, true);
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
});

test('a key added while the storage is full is refused with a note to free space; the form keeps it and the vault is unchanged', async ({ page, mock }) => {
  await failWritesOnceFull(page, 'vault');
  await createVault(page);
  await setStorageFull(page, true);
  const form = page.getByRole('form', { name: 'Add key' });
  const apiKey = makeCanaryKey('xai');
  await form.getByLabel('Provider').selectOption({ label: PROVIDER_NAMES.xai });
  await form.getByLabel('API key').fill(apiKey);
  await form.getByText('Advanced').click();
  await form.getByLabel('Endpoint').fill(mock.baseUrlFor('xai'));
  await form.getByRole('checkbox', { name: /^I trust .+ with this key$/ }).check();
  await form.getByRole('button', { name: 'Save key' }).click();
  await expect(form.getByText(/storage for this site is full, so nothing was saved\. Free disk space/)).toBeVisible();
  await expect(form.getByLabel('API key')).toHaveValue(apiKey);
  await expect(keyCard(page, 'xai')).toHaveCount(0);

  // Space freed: the same form saves it.
  await setStorageFull(page, false);
  await form.getByRole('button', { name: 'Save key' }).click();
  await expect(keyCard(page, 'xai')).toBeVisible();
});

test('a backup imported while the storage is full is refused with a note to free space; the keys and budgets stay as they were', async ({ page, mock }) => {
  await failWritesOnceFull(page, 'vault');
  await failWritesOnceFull(page, 'data');
  await createVault(page);
  await addKey(page, 'openai', makeCanaryKey('openai'), mock.baseUrlFor('openai'));
  const budgetForm = keyCard(page, 'openai').getByRole('form', { name: 'Monthly budget for OpenAI' });
  await keyCard(page, 'openai').getByRole('button', { name: 'Set budget' }).click();
  await budgetForm.getByLabel('Monthly budget (USD)').fill('5');
  await budgetForm.getByRole('button', { name: 'Save budget' }).click();
  await expect(budgetForm).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export encrypted backup' }).click();
  const backupPath = await (await download).path();
  // Since the backup: another key.
  await addKey(page, 'mistral', makeCanaryKey('mistral'), mock.baseUrlFor('mistral'));

  await setStorageFull(page, true);
  const form = page.getByRole('form', { name: 'Import backup' });
  const importBackup = async (): Promise<void> => {
    await form.getByLabel('Backup file').setInputFiles(backupPath);
    await form.getByLabel('Backup passphrase').fill(PASSPHRASE);
    await form.getByLabel('Current passphrase').fill(PASSPHRASE);
    await form.getByRole('button', { name: 'Import backup' }).click();
  };
  await importBackup();
  await expect(form.getByText(/storage for this site is full, so nothing was saved\. Free disk space/)).toBeVisible();
  // As stored, not only as shown: read again after a reload.
  await page.reload();
  await unlockVault(page);
  await expect(keyCard(page, 'mistral')).toBeVisible();
  await expect(keyCard(page, 'openai').getByText('$5.00')).toBeVisible();

  // Space freed: the same backup imports, its budget with it.
  await setStorageFull(page, false);
  await importBackup();
  await expect(keyCard(page, 'mistral')).toHaveCount(0, { timeout: 20_000 });
  await expect(keyCard(page, 'openai').getByText('$5.00')).toBeVisible();
});
