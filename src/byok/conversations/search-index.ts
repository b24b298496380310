// Search over the conversations' search texts (search-text.ts), through the session's in-memory
// cache (search-cache.ts): only texts not in the cache yet are read and decrypted (search-fill.ts:
// 16 shards, plus older per-conversation records not moved yet), so every search after the first
// costs a scan of memory, not 1,000 decryptions (performance.md B7).
import { BYOKError } from '../types';
import { untilForegroundDone } from './background-reads';
import { CONVERSATIONS_STORE, readAllKeys } from './conversation-database';
import { parseSearchText, type RecordKey, type SearchText } from './conversation-records';
import type { CorruptRecordReport, ReadOptions } from './conversation-types';
import { isLiveCache, openSearchCache, replaceCachedSearchText, type SearchTexts } from './search-cache';
import { fillMissing, type FillResult, type ReportCorrupt } from './search-fill';
import { findSearchSnippet, type SearchSnippet } from './search-snippet';
import { createSearchPrefilter, matchesSearch, normaliseForSearch } from './search-text';
import { moveLegacySearchRecords } from './search-upgrade';

function corruptReporter(options: ReadOptions): ReportCorrupt {
  return (conversationId, error) => {
    const byokError = error instanceof BYOKError ? error : new BYOKError('DECRYPTION_FAILED', 'A stored conversation record could not be read.', { cause: error });
    const report: CorruptRecordReport = { kind: 'search-text', conversationId, error: byokError };
    options.onCorruptRecord?.(report);
  };
}

/**
 * Per cache, for the background move: conversations whose search text is still in a format-1 or -2
 * record, and shards written before accent folding.
 */
const outdated = new WeakMap<SearchTexts, { ids: Set<string>; shards: Set<number> }>();

function noteOutdated(texts: SearchTexts, { legacyIds, staleShards }: FillResult): void {
  if (legacyIds.length === 0 && staleShards.length === 0) return;
  const noted = outdated.get(texts) ?? { ids: new Set<string>(), shards: new Set<number>() };
  for (const id of legacyIds) noted.ids.add(id);
  for (const shard of staleShards) noted.shards.add(shard);
  outdated.set(texts, noted);
}

async function readConversationIds(): Promise<string[]> {
  return (await readAllKeys(CONVERSATIONS_STORE)).filter((id): id is string => typeof id === 'string');
}

/**
 * The fill running now (the background one or a search's). Whoever comes next waits for it and
 * then reads only what is still missing, so typing fast never decrypts a record twice.
 */
interface Fill {
  done: Promise<void>;
  /** A search is waiting for this fill: read the rest at once. */
  hurry: boolean;
  /** Resolves when hurry is set, so a fill waiting for an idle moment stops waiting. */
  hurried: Promise<void>;
  wake: () => void;
}
let inFlight: Fill | null = null;

type IdleScheduler = (callback: () => void, options: { timeout: number }) => number;

/**
 * Between background chunks, wait until the page is idle (at most `IDLE_WAIT_MS`), so opening a
 * conversation, rendering it or typing goes before the next chunk's read and decryption (the
 * bench saw the fill slow down an open that came right after the list). A plain timer where
 * there is no requestIdleCallback (Safari, Node tests).
 */
const IDLE_WAIT_MS = 300;
const whenPageIdle = (): Promise<void> => new Promise((resolve) => {
  const whenIdle = (globalThis as { requestIdleCallback?: IdleScheduler }).requestIdleCallback;
  if (typeof whenIdle === 'function') whenIdle(() => resolve(), { timeout: IDLE_WAIT_MS });
  else setTimeout(resolve, 0);
});
/** Then, right before the next read, never while an open holds background reads (background-reads.ts). */
const yieldToPage = async (): Promise<void> => {
  await whenPageIdle();
  await untilForegroundDone();
};

function runFill(fill: (state: Fill) => Promise<void>, hurry: boolean): Promise<void> {
  let wake = (): void => undefined;
  const hurried = new Promise<void>((resolve) => (wake = resolve));
  const state: Fill = { hurry, done: Promise.resolve(), hurried, wake };
  state.done = fill(state).finally(() => {
    if (inFlight === state) inFlight = null;
  });
  inFlight = state;
  return state.done;
}

async function joinFill(): Promise<void> {
  while (inFlight !== null) {
    inFlight.hurry = true;
    inFlight.wake();
    await inFlight.done.catch(() => undefined);
  }
}

/**
 * Fills the cache in the background, one small chunk at a time with a yield between, so it can
 * run right after the list is shown without holding up what the user does next. Never rejects:
 * a locked vault or a storage error just ends it (the next search reads what is still missing).
 */
export async function primeSearchCache(key: RecordKey): Promise<void> {
  await joinFill();
  await runFill(async (state) => {
    const texts = openSearchCache(key.dek);
    const missing = (await readConversationIds()).filter((id) => !texts.has(id));
    // A search that joins does not wait for the page to be idle (it is what the reader waits for):
    // the rest is then read at once, in parallel, as the search itself would.
    const step = async (): Promise<boolean> => {
      if (!state.hurry) await Promise.race([yieldToPage(), state.hurried]);
      return !state.hurry;
    };
    noteOutdated(texts, await fillMissing(key, texts, missing, () => undefined, { step }));
  }, false).catch(() => undefined);
  await upgradeInBackground(key).catch(() => undefined);
}

let upgrading = false;

/**
 * Moves the format-1 and -2 search records the fills came across into their shards, and rewrites
 * shards written before accent folding (search-upgrade.ts), one shard per idle moment.
 */
async function upgradeInBackground(key: RecordKey): Promise<void> {
  const texts = openSearchCache(key.dek);
  const noted = outdated.get(texts);
  if (upgrading || noted === undefined || noted.ids.size + noted.shards.size === 0) return;
  const { ids, shards } = noted;
  upgrading = true;
  try {
    const staleShards = [...shards];
    shards.clear();
    await moveLegacySearchRecords(key, [...ids], {
      // As the fill: never in the middle of opening a conversation (yieldToPage, background-reads.ts).
      yieldToPage,
      shouldContinue: () => isLiveCache(texts),
      onUpgraded: (id, oldJson, newJson) => {
        ids.delete(id);
        replaceCachedSearchText(texts, id, oldJson, newJson);
      },
    }, staleShards);
  } finally {
    upgrading = false;
  }
}

/** A matching conversation and the words around its first match (null for an empty query). */
export interface SearchHit {
  id: string;
  snippet: SearchSnippet | null;
}

/**
 * Ids of conversations whose title or finished message text contains `query`, case-insensitively,
 * in no particular order (the caller filters its sorted list). An empty query matches every
 * conversation. A corrupt search record is skipped and reported.
 */
export async function searchCached(key: RecordKey, query: string, options: ReadOptions = {}): Promise<string[]> {
  const texts = await readyTexts(key, query, options);
  if (texts.needle === '') return texts.conversationIds;
  return texts.conversationIds.filter((id) => parseMatching(texts, id, (searchText) => matchesSearch(searchText, texts.needle)));
}

/**
 * As searchCached, with each match's snippet cut from the same cached text: it decrypts nothing
 * more, and parses only the records the cheap prefilter lets through, as the search itself does.
 */
export async function searchCachedWithSnippets(key: RecordKey, query: string, options: ReadOptions = {}): Promise<SearchHit[]> {
  const texts = await readyTexts(key, query, options);
  if (texts.needle === '') return texts.conversationIds.map((id) => ({ id, snippet: null }));
  const hits: SearchHit[] = [];
  for (const id of texts.conversationIds) {
    let snippet: SearchSnippet | null = null;
    if (parseMatching(texts, id, (searchText) => (snippet = findSearchSnippet(searchText, texts.needle)) !== null)) hits.push({ id, snippet });
  }
  return hits;
}

interface ReadyTexts {
  conversationIds: string[];
  texts: SearchTexts;
  needle: string;
  mayMatch: (json: string) => boolean;
  report: ReportCorrupt;
}

/** Validates the query and fills whatever the cache is still missing (nothing for an empty query). */
async function readyTexts(key: RecordKey, query: string, options: ReadOptions): Promise<ReadyTexts> {
  if (typeof query !== 'string') throw new BYOKError('INVALID_REQUEST', 'The search query must be a string.');
  const conversationIds = await readConversationIds();
  const report = corruptReporter(options);
  const needle = query === '' ? '' : normaliseForSearch(query);
  if (needle === '') return { conversationIds, texts: new Map(), needle, mayMatch: () => false, report };
  const texts = await fillNow(key, conversationIds, report);
  return { conversationIds, texts, needle, mayMatch: createSearchPrefilter(needle), report };
}

/** Hurries a fill under way, then reads whatever is still missing at once, as a search does. */
async function fillNow(key: RecordKey, conversationIds: string[], report: ReportCorrupt): Promise<SearchTexts> {
  await joinFill();
  const texts = openSearchCache(key.dek);
  const missing = conversationIds.filter((id) => !texts.has(id));
  if (missing.length > 0) {
    await runFill(async () => {
      noteOutdated(texts, await fillMissing(key, texts, missing, report, null));
    }, true);
  }
  return texts;
}

/**
 * Fills the cache now, without waiting for idle moments: the reader is about to search (the search
 * field has the focus), and the first keystroke then finds every text in memory. A record that
 * cannot be read is left out, as by the background fill: the search reads it again and reports it.
 */
export async function fillSearchCacheNow(key: RecordKey): Promise<void> {
  await fillNow(key, await readConversationIds(), () => undefined);
}

/**
 * Runs `test` on the record of `id`: a text this tab wrote as it is, JSON read from storage parsed
 * when the prefilter lets it through; false otherwise.
 */
function parseMatching(ready: ReadyTexts, id: string, test: (searchText: SearchText) => boolean): boolean {
  const cached = ready.texts.get(id);
  if (cached === undefined || cached === null) return false;
  if (typeof cached === 'object') return test(cached);
  if (!ready.mayMatch(cached)) return false;
  try {
    return test(parseSearchText(cached));
  } catch (error) {
    ready.report(id, error);
    return false;
  }
}
