// security.md T15, T17, T19, T20, T41, T42, T45: after a full flow, no key is anywhere it should
// not be, and each key left the browser only in its own provider's header, to its own endpoint.
import type { Page, Request } from '@playwright/test';
import { BYOK_PROVIDERS, type BYOKProvider } from '../src/byok/types';
import { expect, test } from './support/fixtures';
import { addKey, createVault, keyCard, lockVault, makeCanaryKey } from './support/vault-helpers';

const KEY_HEADER: Record<BYOKProvider, string> = {
  openai: 'authorization', anthropic: 'x-api-key', google: 'x-goog-api-key', xai: 'authorization', mistral: 'authorization',
};

function encodingsOf(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [secret, bytes.toString('base64'), bytes.toString('base64url'), bytes.toString('hex'), Buffer.from(secret, 'utf16le').toString('base64')];
}

/** Every string the page keeps at rest, dumped as one text: storage, IndexedDB, caches, cookies, URL, DOM. */
async function dumpEverythingAtRest(page: Page): Promise<string> {
  const inPage = await page.evaluate(async () => {
    const parts: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage }), location.href, JSON.stringify(history.state), document.documentElement.outerHTML];
    for (const input of Array.from(document.querySelectorAll('input'))) parts.push(input.value);
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      const database = await new Promise<IDBDatabase>((resolve, reject) => { const open = indexedDB.open(name); open.onsuccess = () => resolve(open.result); open.onerror = () => reject(open.error); });
      for (const storeName of Array.from(database.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => { const request = database.transaction(storeName).objectStore(storeName).getAll(); request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
        const keys = await new Promise<unknown[]>((resolve, reject) => { const request = database.transaction(storeName).objectStore(storeName).getAllKeys(); request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
        parts.push(JSON.stringify(keys), JSON.stringify(values));
        if (values.some((value) => value instanceof CryptoKey)) parts.push('STORED-CRYPTOKEY');
      }
      database.close();
    }
    for (const cacheName of await caches.keys()) {
      const cache = await caches.open(cacheName);
      for (const request of await cache.keys()) {
        parts.push(request.url, JSON.stringify([...request.headers]));
        const response = await cache.match(request);
        parts.push(response ? await response.clone().text() : '');
      }
    }
    return parts.join('\n');
  });
  const cookies = JSON.stringify(await page.context().cookies());
  return `${inPage}\n${cookies}`;
}

test('keys appear nowhere at rest and travel only in their own header to their own endpoint', async ({ page, mock }) => {
  const requests: Request[] = [];
  page.context().on('request', (request) => requests.push(request));
  const keys = Object.fromEntries(BYOK_PROVIDERS.map((provider) => [provider, makeCanaryKey(provider)])) as Record<BYOKProvider, string>;

  await createVault(page);
  for (const provider of BYOK_PROVIDERS) {
    const form = page.getByRole('form', { name: 'Add key' });
    // T41: the key field never offers the key to autofill, spellcheck or autocorrect.
    await expect(form.getByLabel('API key')).toHaveAttribute('type', 'password');
    await expect(form.getByLabel('API key')).toHaveAttribute('spellcheck', 'false');
    await expect(form.getByLabel('API key')).toHaveAttribute('autocomplete', 'off');
    await expect(form.getByLabel('API key')).toHaveAttribute('autocapitalize', 'off');
    await addKey(page, provider, keys[provider], mock.baseUrlFor(provider));
    await expect(keyCard(page, provider).getByText('Verified', { exact: true })).toBeVisible();
  }
  const unlockedDom = await page.content();
  await lockVault(page);
  const atRest = await dumpEverythingAtRest(page);

  expect(atRest).not.toContain('STORED-CRYPTOKEY');
  for (const provider of BYOK_PROVIDERS) {
    for (const encoding of encodingsOf(keys[provider])) {
      expect(atRest, `${provider} key at rest`).not.toContain(encoding);
      expect(unlockedDom, `${provider} key in the DOM`).not.toContain(encoding);
    }
  }

  let providerRequests = 0;
  for (const request of requests) {
    const headers = await request.allHeaders();
    const url = new URL(request.url());
    for (const provider of BYOK_PROVIDERS) {
      const carriers = Object.entries(headers).filter(([, value]) => value.includes(keys[provider])).map(([name]) => name);
      expect(request.url(), 'a key in a URL').not.toContain(keys[provider]);
      expect(request.postData() ?? '', 'a key in a body').not.toContain(keys[provider]);
      if (carriers.length === 0) continue;
      providerRequests += 1;
      expect(carriers, `${provider} key headers`).toEqual([KEY_HEADER[provider]]);
      expect(url.origin).toBe(mock.origin);
      expect(url.pathname.startsWith(new URL(mock.baseUrlFor(provider)).pathname)).toBe(true);
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer).toBeUndefined();
      if (provider === 'google') expect(url.searchParams.has('key')).toBe(false);
      if (provider === 'anthropic') expect(headers['anthropic-dangerous-direct-browser-access']).toBe('true');
    }
  }
  expect(providerRequests).toBeGreaterThanOrEqual(BYOK_PROVIDERS.length);
});
