// security.md T16 (R17): after a full flow in a real on-disk browser profile — create, add a key,
// chat, lock — no file of the profile holds the key in any encoding. A control value written in
// the clear through the same IndexedDB is found by the same scan, so the method can see a leak.
import { chromium } from '@playwright/test';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../scripts/find-chromium.mjs';
import { sendMessage, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';
import { addKey, createVault, lockVault, makeCanaryKey } from './support/vault-helpers';

/** The ways a string can sit in a file: as UTF-8/Latin-1, UTF-16, base64 and hex. */
function encodingsOf(secret: string): Buffer[] {
  const utf8 = Buffer.from(secret, 'utf8');
  return [utf8, Buffer.from(secret, 'utf16le'), Buffer.from(utf8.toString('base64')), Buffer.from(utf8.toString('hex'))];
}

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

/** Paths of the profile's files that contain `secret` in any of its encodings. */
async function profileFilesHolding(profile: string, secret: string): Promise<string[]> {
  const needles = encodingsOf(secret);
  const hits: string[] = [];
  for (const path of await filesUnder(profile)) {
    const bytes = await readFile(path).catch(() => null);
    if (bytes && needles.some((needle) => bytes.includes(needle))) hits.push(path);
  }
  return hits;
}

test('T16: no profile file holds the key after create, add, chat and lock', async ({ mock, baseURL }) => {
  const profile = await mkdtemp(join(tmpdir(), 'vivim-profile-'));
  const apiKey = makeCanaryKey('openai');
  const control = `CONTROL-${crypto.randomUUID()}`;
  const context = await chromium.launchPersistentContext(profile, {
    baseURL,
    executablePath: findChromium() ?? undefined,
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();

    await createVault(page);
    await addKey(page, 'openai', apiKey, mock.baseUrlFor('openai'));
    await page.goto('/#/chat');
    await sendMessage(page, 'Hello from a profile on disk');
    await waitForReplyEnd(page);
    // The control: a value stored in the clear through IndexedDB, as a leak would be.
    await page.evaluate(async (value) => {
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('t16-control');
        open.onupgradeneeded = () => open.result.createObjectStore('values');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = database.transaction('values', 'readwrite');
        transaction.objectStore('values').put(value, 'control');
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error);
      });
      database.close();
    }, control);
    await lockVault(page);
  } finally {
    await context.close();
  }

  try {
    expect(await profileFilesHolding(profile, apiKey), 'no profile file holds the key').toEqual([]);
    expect((await profileFilesHolding(profile, control)).length, 'the control written in the clear is found').toBeGreaterThan(0);
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
