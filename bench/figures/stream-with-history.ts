// B9: 300 stored conversations (20 messages × 500 characters each, about 3 MB of text), then a
// 400-delta reply streamed at 200 tokens/s: long tasks by CPU time (from a trace) and the time they
// block (the part of each long task over 50 ms), from the request to the final paint. A renderer or store that rewrites the whole
// history on every delta shows up here.
import type { Browser } from 'playwright';
import type { MockProviderServer } from '../../e2e/mock-provider/server';
import { attachCdp, newBenchContext } from '../lib/browser';
import { APP_REPLY, appReplyDone, newChat, openChat, pressSend, scenarioPrompt, typePrompt, waitForStreamEnd } from '../lib/chat-driver';
import { loadSeed, seedConversations } from '../lib/page-api';
import { PASSPHRASE, reloadLocked, setUpVault, unlockInUi } from '../lib/vault-ui';
import { measureStream, type StreamRun } from './stream-run';

export const B9_DELTAS = 400;
const PLAN = {
  passphrase: PASSPHRASE, conversations: 300, messagesPerConversation: 20, charactersPerMessage: 500,
  longConversationMessages: 0, searchWord: '', searchEvery: 1_000_000,
};

export interface HistoryStreamFigures {
  storedCharacters: number;
  runs: StreamRun[];
}

export async function measureStreamWithHistory(browser: Browser, origin: string, mock: MockProviderServer, runs: number): Promise<HistoryStreamFigures> {
  const context = await newBenchContext(browser, origin);
  const page = await context.newPage();
  await setUpVault(page, mock, ['openai']);
  await loadSeed(page);
  await seedConversations(page, PLAN);
  // The app reads the conversation list once per unlock (ahead, right after unlocking): what the
  // seed wrote behind its back is read after the next unlock, as it would be after a restart.
  await reloadLocked(page);
  await unlockInUi(page);
  await openChat(page);
  // The list is windowed: it renders its first rows and grows as the reader scrolls.
  await page.waitForFunction((count) => document.querySelectorAll('ul[aria-label="Saved conversations"] > li').length >= count, Math.min(PLAN.conversations, 20));
  const cdp = await attachCdp(page);
  const subject = {
    page, cdp, selector: APP_REPLY,
    prepare: async () => {
      await newChat(page);
      await typePrompt(page, scenarioPrompt('text', { tokens: B9_DELTAS, tps: 200 }));
    },
    start: () => pressSend(page),
    waitForEnd: () => waitForStreamEnd(page, appReplyDone(page)),
  };
  const result: HistoryStreamFigures = { storedCharacters: PLAN.conversations * PLAN.messagesPerConversation * PLAN.charactersPerMessage, runs: [] };
  for (let run = 0; run <= runs; run += 1) {
    const measured = await measureStream(subject, B9_DELTAS);
    if (run > 0) result.runs.push(measured);
  }
  await context.close();
  return result;
}
