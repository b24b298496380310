// security.md T23 (R20, R28): provider requests carry no cookie and no Referer, and never come from
// the service worker's cache. The mock records every header it receives; the control requests show
// that a cookie and a Referer would be seen if the app sent them.
import { expect, test } from './support/fixtures';
import { chatRequests, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { waitForServiceWorkerControl } from './support/service-worker';
import { unlockVault } from './support/vault-helpers';

test('T23: provider requests send no Cookie and no Referer and are not served by the service worker', async ({ page, mock, baseURL }) => {
  // Cookies ignore ports: one set for the app's host is also in scope for the mock on 127.0.0.1.
  await page.context().addCookies([{ name: 'session', value: 'e2e-cookie-CANARY', url: baseURL ?? 'http://127.0.0.1' }]);
  const providerResponses: { url: string; fromServiceWorker: boolean }[] = [];
  page.context().on('response', (response) => {
    if (response.url().startsWith(mock.origin)) providerResponses.push({ url: response.url(), fromServiceWorker: response.fromServiceWorker() });
  });

  await setUpChat(page, mock);
  await waitForServiceWorkerControl(page);
  const navigation = await page.reload();
  expect(navigation?.fromServiceWorker(), 'control: the app shell comes from the worker').toBe(true);
  await unlockVault(page);
  await sendMessage(page, 'Hello [[mock:text tokens=5]]');
  await waitForReplyEnd(page);

  const providerRequests = mock.requests.filter((request) => request.provider !== null && request.method !== 'OPTIONS');
  expect(chatRequests(mock).length).toBeGreaterThanOrEqual(1);
  for (const request of providerRequests) {
    expect(request.headers.cookie, `${request.method} ${request.path}`).toBeUndefined();
    expect(request.headers.referer, `${request.method} ${request.path}`).toBeUndefined();
  }
  expect(providerResponses.length).toBeGreaterThanOrEqual(1);
  for (const response of providerResponses) expect(response.fromServiceWorker, response.url).toBe(false);

  // Control: a page fetch that asks for both does deliver them to the mock's record.
  const before = mock.requests.length;
  await page.evaluate(async (url) => {
    await fetch(url, { credentials: 'include', referrerPolicy: 'unsafe-url', mode: 'no-cors' }).catch(() => undefined);
  }, `${mock.baseUrlFor('openai')}/models`);
  await expect.poll(() => mock.requests.length).toBeGreaterThan(before);
  const control = mock.requests[before];
  expect(control?.headers.cookie).toContain('e2e-cookie-CANARY');
  expect(control?.headers.referer).toContain(new URL(baseURL ?? 'http://127.0.0.1').host);
});
