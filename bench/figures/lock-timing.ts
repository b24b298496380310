// Lock timings (security.md T40 and R13, ≤ 1 s each): timings belong here, not in the e2e tests,
// which check only that the request is aborted and that the other tab locks.
// - Lock click → the provider request of a slow streaming reply closed, seen by the mock.
// - Lock click in tab A → tab B wiped and reloading (B's new document's time origin).
// Both clocks are this machine's wall clock: the click time comes from the page, the rest from here.
import type { Browser, Page } from 'playwright';
import type { RecordedRequest } from '../../e2e/mock-provider/request-record';
import type { MockProviderServer } from '../../e2e/mock-provider/server';
import { newBenchContext } from '../lib/browser';
import { openChat, pressSend, scenarioPrompt, typePrompt } from '../lib/chat-driver';
import { setUpVault, unlockInUi } from '../lib/vault-ui';

export interface LockFigures {
  abortMs: number[];
  otherTabMs: number[];
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Clicks Lock and returns the page's wall-clock time of the click (kept across the reload). */
async function clickLock(page: Page): Promise<number> {
  await page.evaluate(() => {
    document.addEventListener('click', () => sessionStorage.setItem('bench-lock-clicked-at', String(Date.now())), { capture: true, once: true });
  });
  // A lock wipes at once (the unlock form may show) and then reloads: wait for the new document,
  // or the next unlock would type into a form the reload is about to replace.
  const reloaded = page.waitForEvent('load', { timeout: 20_000 });
  await page.getByRole('button', { name: 'Lock', exact: true }).click();
  await reloaded;
  await page.getByRole('form', { name: 'Unlock vault' }).waitFor({ timeout: 20_000 });
  return Number(await page.evaluate(() => sessionStorage.getItem('bench-lock-clicked-at')));
}

/** The chat request of the reply just sent, once its response is streaming. */
async function streamingChatRequest(mock: MockProviderServer, after: number): Promise<RecordedRequest> {
  for (;;) {
    const request = mock.requests.find((entry) => entry.sequence > after && entry.method === 'POST' && entry.outcome === 'pending');
    if (request !== undefined) return request;
    await sleep(5);
  }
}

async function lockDuringReply(page: Page, mock: MockProviderServer): Promise<number> {
  await unlockInUi(page);
  await openChat(page);
  const after = mock.requests.at(-1)?.sequence ?? 0;
  await typePrompt(page, scenarioPrompt('text', { tokens: 600, tps: 10 }));
  await pressSend(page);
  const request = await streamingChatRequest(mock, after);
  let closedAt = 0;
  const watching = (async () => {
    while (request.outcome === 'pending') await sleep(2);
    closedAt = Date.now();
  })();
  const clickedAt = await clickLock(page);
  await watching;
  return closedAt - clickedAt;
}

async function lockOtherTab(first: Page, second: Page): Promise<number> {
  for (const page of [first, second]) {
    await page.goto('/#/vault');
    // From the chat, the route change keeps the chat's own unlock form up until the vault screen
    // is in: typing before that would go into a form about to be replaced.
    await page.getByRole('heading', { name: 'Key vault', level: 1 }).waitFor();
    await unlockInUi(page);
  }
  const reloaded = second.waitForEvent('framenavigated', { timeout: 20_000 });
  const clickedAt = await clickLock(first);
  await reloaded;
  await second.waitForLoadState('domcontentloaded');
  const origin = await second.evaluate(() => performance.timeOrigin);
  return origin - clickedAt;
}

export async function measureLocks(browser: Browser, origin: string, mock: MockProviderServer, runs: number): Promise<LockFigures> {
  const context = await newBenchContext(browser, origin);
  const page = await context.newPage();
  await setUpVault(page, mock, ['openai']);
  await page.reload();
  const other = await context.newPage();
  const figures: LockFigures = { abortMs: [], otherTabMs: [] };
  for (let run = 0; run <= runs; run += 1) {
    const abort = await lockDuringReply(page, mock);
    const otherTab = await lockOtherTab(page, other);
    if (run === 0) continue;
    figures.abortMs.push(abort);
    figures.otherTabMs.push(otherTab);
  }
  await context.close();
  return figures;
}
