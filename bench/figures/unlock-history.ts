// B5 and B7 on one seeded profile: 5 keys added through the UI, then 1,000 conversations × 50
// messages plus one of 500 messages written by the bench-only seed bundle. Each run reloads (which
// locks), unlocks through the form, then opens the chat screen, the long conversation and a
// search through the UI; then the same three operations through the store functions directly.
import type { Browser, Page } from 'playwright';
import type { MockProviderServer } from '../../e2e/mock-provider/server';
import { newBenchContext } from '../lib/browser';
import { kdfMsSince, loadSeed, pageNow, seedConversations, timeAction, timeStore } from '../lib/page-api';
import { PASSPHRASE, reloadLocked, setUpVault } from '../lib/vault-ui';

const SEARCH_WORD = 'zebracornbench';
const PLAN = {
  passphrase: PASSPHRASE, conversations: 1000, messagesPerConversation: 50, charactersPerMessage: 200,
  longConversationMessages: 500, searchWord: SEARCH_WORD, searchEvery: 100,
};
const LIST_ITEM = 'ul[aria-label="Saved conversations"] > li';

export interface HistoryFigures {
  seedMs: number;
  iterations: number;
  searchMatches: number;
  unlockTotal: number[];
  kdf: number[];
  unlockRest: number[];
  uiError: string | null;
  uiList: number[];
  uiOpen: number[];
  uiOpenFull: number[];
  uiSearch: number[];
  storeList: number[];
  storeOpen: number[];
  storeOpenRecent: number[];
  storeSearch: number[];
  storeSearchWarm: number[];
}

async function timeUnlock(page: Page): Promise<{ total: number; kdf: number; iterations: number }> {
  await reloadLocked(page);
  await page.getByRole('form', { name: 'Unlock vault' }).getByLabel('Passphrase').fill(PASSPHRASE);
  const since = await pageNow(page);
  const { ms } = await timeAction(page, { click: 'form[aria-label="Unlock vault"] button[type="submit"]', ready: { selector: 'li[aria-label$=" key"]', count: 5 } });
  const kdf = await kdfMsSince(page, since);
  return { total: ms, kdf: kdf.ms, iterations: kdf.iterations };
}

interface UiTimes {
  list: number;
  open: number;
  openFull: number;
  search: number;
}

/** The seed's message text starts with "Message <sequence>." (bench/seed-entry.ts). */
const NEWEST_MESSAGE_TEXT = `Message ${PLAN.longConversationMessages - 1}.`;

/**
 * Opening is timed to the visible screen: the newest message painted at the bottom of the list
 * (the list scrolls to it in the same commit). The rest of the history is then read in the
 * background; "full" is timed from the same click to the paint that offers the older messages.
 */
async function timeOpen(page: Page, longId: string): Promise<{ open: number; openFull: number }> {
  const fullReady = page.evaluate(() => (window as unknown as { __bench: { whenReady(selector: string, count: number, exactly: boolean, timeoutMs: number, text?: string): Promise<number> } })
    .__bench.whenReady('[data-testid="message-list"] > div > button', 1, false, 30_000, 'Load earlier messages'));
  const open = await timeAction(page, {
    click: `${LIST_ITEM} a[href="#/chat/${encodeURIComponent(longId)}"]`,
    ready: { selector: 'ol[aria-label="Messages"] > li', count: 1, text: NEWEST_MESSAGE_TEXT },
  });
  const fullAt = await fullReady;
  return { open: open.ms, openFull: fullAt - open.start };
}

/** The chat UI path; throws if the chat screen is not there (then only the store figures count). */
async function timeChatUi(page: Page, longId: string, matches: number): Promise<UiTimes> {
  const list = await timeAction(page, { hash: '#/chat', ready: { selector: LIST_ITEM, count: 1 }, timeoutMs: 20_000 });
  const { open, openFull } = await timeOpen(page, longId);
  const search = await timeAction(page, {
    input: { selector: '#conversation-search', value: SEARCH_WORD },
    ready: { selector: LIST_ITEM, count: matches, exactly: true },
  });
  return { list: list.ms, open, openFull, search: search.ms };
}

function emptyFigures(): HistoryFigures {
  return {
    seedMs: 0, iterations: 0, searchMatches: 0, unlockTotal: [], kdf: [], unlockRest: [], uiError: null,
    uiList: [], uiOpen: [], uiOpenFull: [], uiSearch: [], storeList: [], storeOpen: [], storeOpenRecent: [], storeSearch: [], storeSearchWarm: [],
  };
}

async function measureRun(page: Page, figures: HistoryFigures, longId: string, record: boolean): Promise<void> {
  const unlock = await timeUnlock(page);
  figures.iterations = unlock.iterations;
  let ui: UiTimes | null = null;
  if (figures.uiError === null) {
    ui = await timeChatUi(page, longId, figures.searchMatches).catch((error: unknown) => {
      figures.uiError = error instanceof Error ? error.message.split('\n')[0] ?? 'failed' : String(error);
      return null;
    });
  }
  await loadSeed(page);
  const store = await timeStore(page, PASSPHRASE, longId, SEARCH_WORD);
  if (!record) return;
  figures.unlockTotal.push(unlock.total);
  figures.kdf.push(unlock.kdf);
  figures.unlockRest.push(unlock.total - unlock.kdf);
  if (ui !== null) {
    figures.uiList.push(ui.list);
    figures.uiOpen.push(ui.open);
    figures.uiOpenFull.push(ui.openFull);
    figures.uiSearch.push(ui.search);
  }
  figures.storeList.push(store.list);
  figures.storeOpen.push(store.open);
  figures.storeOpenRecent.push(store.openRecent);
  figures.storeSearch.push(store.search);
  figures.storeSearchWarm.push(store.searchWarm);
}

export async function measureUnlockAndHistory(browser: Browser, origin: string, mock: MockProviderServer, runs: number): Promise<HistoryFigures> {
  const context = await newBenchContext(browser, origin);
  const page = await context.newPage();
  await setUpVault(page, mock);
  await loadSeed(page);
  const seeded = await seedConversations(page, PLAN);
  const figures = emptyFigures();
  figures.seedMs = seeded.ms;
  figures.searchMatches = seeded.matches;
  for (let run = 0; run <= runs; run += 1) await measureRun(page, figures, seeded.longId, run > 0);
  await context.close();
  return figures;
}
