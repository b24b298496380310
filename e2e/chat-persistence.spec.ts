// Conversations survive reload and lock/unlock; a reload mid-reply keeps what had arrived; and no
// message text is ever stored in the clear in IndexedDB.
import type { Page } from '@playwright/test';
import { composerInput, lastReply, reloadAndUnlock, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';
import { unlockVault } from './support/vault-helpers';

/** Every value of every IndexedDB store, as text (binary values as their bytes read as Latin-1). */
async function readAllIndexedDbText(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const describe = (value: unknown): string => {
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer);
        return String.fromCharCode(...bytes.slice(0, 200_000));
      }
      return JSON.stringify(value, (_key, inner) => (inner instanceof ArrayBuffer || ArrayBuffer.isView(inner) ? describe(inner) : inner));
    };
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of database.objectStoreNames) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = database.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push(...values.map(describe));
      }
      database.close();
    }
    return parts.join('\n');
  });
}

test('conversations survive reload and lock/unlock, and no message text is stored in the clear', async ({ page, mock }) => {
  await setUpChat(page, mock);
  const secret = `zebra-${Date.now()}-marmalade`;
  await sendMessage(page, `Remember ${secret} please`);
  await waitForReplyEnd(page);
  const replyText = (await lastReply(page).locator('.markdown-body').innerText()).trim();
  expect(replyText.length).toBeGreaterThan(10);

  const stored = await readAllIndexedDbText(page);
  expect(stored.length).toBeGreaterThan(100);
  expect(stored).not.toContain(secret);
  expect(stored).not.toContain(replyText.slice(0, 40));

  await reloadAndUnlock(page);
  await expect(page.getByTestId('user-message')).toContainText(secret);
  await expect(lastReply(page).locator('.markdown-body')).toContainText(replyText.slice(0, 40));

  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await page.goto('/#/vault');
  await unlockVault(page);
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible({ timeout: 20_000 });
  await page.goto('/#/chat');
  await page.getByRole('link', { name: new RegExp(`Remember ${secret}`) }).click();
  await expect(page.getByTestId('user-message')).toContainText(secret);
});

test('a reload in the middle of a reply keeps what had arrived', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'Tell me a long story [[mock:text tokens=400 tps=25]]');
  const reply = lastReply(page);
  await expect.poll(async () => (await reply.innerText()).split(/\s+/).length, { timeout: 10_000 }).toBeGreaterThan(25);
  // Give the batched writer (every 400 ms) time to store what is on screen.
  await page.waitForTimeout(900);
  const seen = (await reply.locator('.markdown-body').innerText()).trim().split(/\s+/).slice(0, 15).join(' ');
  await reloadAndUnlock(page);
  await expect(lastReply(page)).toHaveAttribute('data-status', 'interrupted');
  await expect(lastReply(page).locator('.markdown-body')).toContainText(seen);
  await expect(lastReply(page).getByTestId('reply-error')).toHaveAttribute('data-code', 'STREAM_INTERRUPTED');
  await expect(composerInput(page)).toBeEnabled();
});
