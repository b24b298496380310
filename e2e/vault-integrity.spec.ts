// Issue 15's acceptance across tabs and time: a passphrase change in one tab can never be undone
// by another tab's write, an import in one tab locks the others, and a lock after a freeze and
// resume still wipes and reloads the page.
import type { Page } from '@playwright/test';
import { chooseModel, composerInput, sendMessage, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';
import { PASSPHRASE, addKey, createVault, makeCanaryKey, unlockVault } from './support/vault-helpers';

const NEW_PASSPHRASE = 'a brand new passphrase for this vault';

async function changePassphrase(page: Page, current: string, next: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Change passphrase' });
  await form.getByLabel('Current passphrase').fill(current);
  await form.getByLabel('New passphrase', { exact: true }).fill(next);
  await form.getByLabel('Confirm new passphrase').fill(next);
  await form.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(form.getByText('Passphrase changed.')).toBeVisible({ timeout: 20_000 });
}

async function expectWrongPassphrase(page: Page, passphrase: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Unlock vault' });
  await form.getByLabel('Passphrase').fill(passphrase);
  await form.getByRole('button', { name: 'Unlock' }).click();
  await expect(form.getByRole('alert')).toContainText('does not open this vault', { timeout: 20_000 });
}

/** A marker that only survives as long as the page is not reloaded. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __sameDocument?: boolean }).__sameDocument = true;
  });
}
// Asked while the page reloads (a lock wipes, then reloads), the marked document is going away: not the same one.
const isSameDocument = (page: Page) => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true)
  .catch((error: Error) => {
    if (/Execution context was destroyed|navigat/i.test(error.message)) return false;
    throw error;
  });

test('passphrase change in A, a finished reply in B, lock: only the new passphrase unlocks', async ({ context, mock }) => {
  const tabA = await context.newPage();
  await createVault(tabA);
  await addKey(tabA, 'openai', makeCanaryKey('openai'), mock.baseUrlFor('openai'));
  const tabB = await context.newPage();
  await tabB.goto('/#/vault');
  await unlockVault(tabB);

  await changePassphrase(tabA, PASSPHRASE, NEW_PASSPHRASE);
  // B held the old header in memory: it was told to lock before A committed.
  await expect(tabB.getByRole('form', { name: 'Unlock vault' })).toBeVisible({ timeout: 5_000 });
  await expectWrongPassphrase(tabB, PASSPHRASE);
  await unlockVault(tabB, NEW_PASSPHRASE);

  // A reply finishes in B: it writes the key's "last used" to the vault header.
  await tabB.goto('/#/chat');
  await expect(composerInput(tabB)).toBeVisible();
  await chooseModel(tabB, 'openai');
  await sendMessage(tabB, 'Hello after the change [[mock:text tokens=8]]');
  await waitForReplyEnd(tabB);
  // Locking in B locks A too, which wipes and reloads itself (R13): wait for that reload rather
  // than navigating A at the same moment.
  const tabAReloaded = tabA.waitForEvent('load');
  await tabB.getByRole('button', { name: 'Lock', exact: true }).click();
  await tabAReloaded;

  await expect(tabA.getByRole('form', { name: 'Unlock vault' })).toBeVisible();
  await expectWrongPassphrase(tabA, PASSPHRASE);
  await unlockVault(tabA, NEW_PASSPHRASE);
});

test('importing a backup in A locks B', async ({ context, mock }) => {
  const tabA = await context.newPage();
  await createVault(tabA);
  await addKey(tabA, 'mistral', makeCanaryKey('mistral'), mock.baseUrlFor('mistral'));
  const downloadPromise = tabA.waitForEvent('download');
  await tabA.getByRole('button', { name: 'Export encrypted backup' }).click();
  const backupPath = await (await downloadPromise).path();

  const tabB = await context.newPage();
  await tabB.goto('/#/vault');
  await unlockVault(tabB);
  await markPage(tabB);

  const form = tabA.getByRole('form', { name: 'Import backup' });
  await form.getByLabel('Backup file').setInputFiles(backupPath);
  await form.getByLabel('Backup passphrase').fill(PASSPHRASE);
  await form.getByLabel('Current passphrase').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Import backup' }).click();

  await expect(tabB.getByRole('form', { name: 'Unlock vault' })).toBeVisible({ timeout: 5_000 });
  // Locked means wiped and reloaded.
  await expect.poll(() => isSameDocument(tabB)).toBe(false);
  await expect(tabA.getByRole('button', { name: 'Lock', exact: true })).toBeVisible({ timeout: 20_000 });
});

test('a page frozen and resumed locks, reloads, and still reloads on the next lock', async ({ page }) => {
  await createVault(page);
  await markPage(page);
  // Chromium freezes only hidden pages (CDP Page.setWebLifecycleState does nothing to a visible
  // one), so the page lifecycle events are simulated, in the order the browser sends them.
  await page.evaluate(() => {
    document.dispatchEvent(new Event('freeze'));
    document.dispatchEvent(new Event('resume'));
  });
  await expect(page.getByRole('form', { name: 'Unlock vault' })).toBeVisible();
  await expect.poll(() => isSameDocument(page)).toBe(false);

  await unlockVault(page);
  await markPage(page);
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(page.getByRole('form', { name: 'Unlock vault' })).toBeVisible();
  await expect.poll(() => isSameDocument(page)).toBe(false);
});

test('#/chat/%E0 shows "not found" instead of crashing the screen', async ({ page, mock }) => {
  await createVault(page);
  await addKey(page, 'openai', makeCanaryKey('openai'), mock.baseUrlFor('openai'));
  await page.goto('/#/chat/%E0');
  await expect(page.getByText('Conversation not found')).toBeVisible();
});
