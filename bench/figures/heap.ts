// B8: used JS heap (CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage) after ten
// 10,000-token replies at full speed in one conversation, as a long session would accumulate
// them. One sequence per bench (ten replies take about a minute on two cores); the heap after
// each reply is kept in the details, so growth per reply is visible too.
import type { Browser } from 'playwright';
import type { MockProviderServer } from '../../e2e/mock-provider/server';
import { attachCdp, newBenchContext } from '../lib/browser';
import { APP_REPLY, appReplyDone, openChat, pressSend, scenarioPrompt, typePrompt, waitForStreamEnd } from '../lib/chat-driver';
import { armStream } from '../lib/page-api';
import { setUpVault } from '../lib/vault-ui';

export const HEAP_REPLIES = 10;

export interface HeapFigures {
  beforeBytes: number;
  afterEachReplyBytes: number[];
  /** The DOM (Blink's heap) after each reply: the replies stay on the page. */
  embedderAfterEachReplyBytes: number[];
}

export async function measureHeap(browser: Browser, origin: string, mock: MockProviderServer): Promise<HeapFigures> {
  const context = await newBenchContext(browser, origin);
  const page = await context.newPage();
  await setUpVault(page, mock, ['openai']);
  await openChat(page);
  const cdp = await attachCdp(page);
  const result: HeapFigures = { beforeBytes: await cdp.heapAfterGc(), afterEachReplyBytes: [], embedderAfterEachReplyBytes: [] };
  for (let reply = 0; reply < HEAP_REPLIES; reply += 1) {
    await armStream(page, APP_REPLY);
    await typePrompt(page, scenarioPrompt('markdown', { tokens: 10_000 }));
    await pressSend(page);
    await waitForStreamEnd(page, appReplyDone(page));
    result.afterEachReplyBytes.push(await cdp.heapAfterGc());
    result.embedderAfterEachReplyBytes.push(await cdp.embedderHeapAfterGc());
  }
  await context.close();
  return result;
}
