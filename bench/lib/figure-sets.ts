// Turns each group's raw measurements into report rows held against performance.md's budgets.
import type { FirstLoad } from '../figures/first-load';
import type { HeapFigures } from '../figures/heap';
import type { StreamRun } from '../figures/stream-run';
import type { HistoryStreamFigures } from '../figures/stream-with-history';
import type { StreamingFigures } from '../figures/streaming';
import type { HistoryFigures } from '../figures/unlock-history';
import type { LockFigures } from '../figures/lock-timing';
import { figure, type Figure } from './report';
import { MESSAGES_FIRST_READ } from '../../src/features/chat/render-window';

const KB = 1000;
const MB = 1024 * 1024;

export function firstLoadFigures(result: FirstLoad): Figure[] {
  return [
    figure({ id: 'B1', what: 'first screen JS, gzip (dist/, files from the network log)', unit: 'KB', runs: [result.jsGzip / KB], budget: 120 }),
    figure({ id: 'B1', what: 'first screen CSS, gzip', unit: 'KB', runs: [result.cssGzip / KB], budget: null }),
    figure({ id: 'B1', what: 'first screen JS as transferred (preview serves it uncompressed)', unit: 'KB', runs: [result.jsNetwork / KB], budget: null }),
  ];
}

export function offlineFigures(runs: number[]): Figure[] {
  return [figure({ id: 'B6', what: 'offline cold start via the service worker to a usable unlock form (p50)', unit: 'ms', runs, budget: 400 })];
}

export function historyFigures(result: HistoryFigures, notes: string[]): Figure[] {
  const rows = [
    figure({ id: 'B5', what: `unlock: KDF (PBKDF2, ${result.iterations.toLocaleString('en')} iterations)`, unit: 'ms', runs: result.kdf, budget: null }),
    figure({ id: 'B5', what: 'unlock: the rest (5 keys, 1,000 conversations), to the painted key list', unit: 'ms', runs: result.unlockRest, budget: 100 }),
    figure({ id: 'B7', what: 'chat UI: conversation list painted after unlock (1,000 × 50)', unit: 'ms', runs: result.uiList, budget: 200 }),
    figure({ id: 'B7', what: 'chat UI: open a 500-message conversation, the visible screen painted (newest message at the bottom)', unit: 'ms', runs: result.uiOpen, budget: 100 }),
    figure({ id: 'B7', what: 'chat UI: open a 500-message conversation, all 500 read and older ones offered ("Load earlier messages" painted)', unit: 'ms', runs: result.uiOpenFull, budget: null }),
    figure({ id: 'B7', what: `chat UI: search all, typed to ${result.searchMatches} results painted`, unit: 'ms', runs: result.uiSearch, budget: 150 }),
    figure({ id: 'B7', what: 'store: listConversations (1,001 metas)', unit: 'ms', runs: result.storeList, budget: 200 }),
    figure({ id: 'B7', what: `store: loadRecentMessages (the newest ${MESSAGES_FIRST_READ} of 500, read first on opening)`, unit: 'ms', runs: result.storeOpenRecent, budget: 100 }),
    figure({ id: 'B7', what: 'store: loadMessages (all 500 messages, read after the first screen)', unit: 'ms', runs: result.storeOpen, budget: null }),
    figure({ id: 'B7', what: 'store: searchConversations (all), first search after unlock: cold cache, reads and decrypts the 16 search shards (1,001 conversations)', unit: 'ms', runs: result.storeSearch, budget: 150 }),
    figure({ id: 'B7', what: 'store: searchConversations (all) again, cache filled (as the app leaves it after its background fill)', unit: 'ms', runs: result.storeSearchWarm, budget: null }),
  ];
  notes.push(`B5/B7: seeding 1,000 conversations × 50 messages + one of 500 took ${(result.seedMs / 1000).toFixed(1)} s (bench seed bundle: the store's own seal functions, 50 conversations per transaction).`);
  if (result.uiError !== null) notes.push(`B7 chat UI figures missing: ${result.uiError}`);
  return rows;
}

const pick = (runs: StreamRun[], field: keyof StreamRun): number[] => runs.map((run) => run[field]);
const ratios = (app: number[], other: number[]): number[] => app.map((value, index) => value / (other[index] ?? Number.NaN));

function speedRows(result: StreamingFigures, speed: 'full' | 'paced', label: string): Figure[] {
  const { app, baseline, reactMarkdown, streamdown } = {
    app: result.runs.app[speed], baseline: result.runs.baseline[speed], reactMarkdown: result.runs.reactMarkdown[speed], streamdown: result.runs.streamdown[speed],
  };
  const busy = (runs: StreamRun[]): number[] => pick(runs, 'busyMs');
  return [
    figure({ id: 'B2', what: `${label}: app main-thread CPU ÷ naive baseline's`, unit: '×', runs: ratios(busy(app), busy(baseline)), budget: 0.25 }),
    figure({ id: 'B2', what: `${label}: app main-thread CPU ÷ streamdown's`, unit: '×', runs: ratios(busy(app), busy(streamdown)), budget: 0.5 }),
    figure({ id: 'B2', what: `${label}: app main-thread CPU ÷ react-markdown's`, unit: '×', runs: ratios(busy(app), busy(reactMarkdown)), budget: null }),
    figure({ id: 'B2', what: `${label}: app main-thread CPU (probe and DevTools subtracted)`, unit: 'ms', runs: busy(app), budget: null }),
    figure({ id: 'B2', what: `${label}: app streaming worker CPU (off the main thread)`, unit: 'ms', runs: pick(app, 'workerCpuMs'), budget: null }),
    figure({ id: 'B2', what: `${label}: naive baseline main-thread CPU`, unit: 'ms', runs: busy(baseline), budget: null }),
    figure({ id: 'B2', what: `${label}: react-markdown main-thread CPU`, unit: 'ms', runs: busy(reactMarkdown), budget: null }),
    figure({ id: 'B2', what: `${label}: streamdown main-thread CPU`, unit: 'ms', runs: busy(streamdown), budget: null }),
    figure({ id: 'B2', what: `${label}: probe's own time in the app run (subtracted above)`, unit: 'ms', runs: pick(app, 'probeMs'), budget: null }),
    figure({ id: 'B2', what: `${label}: DevTools' own tasks in the app run: the harness's commands + transfer-size notices (subtracted above)`, unit: 'ms', runs: app.map((run) => run.protocolCpuMs + run.transferSizeCpuMs), budget: null }),
    figure({ id: 'B2', what: `${label}: DevTools' own tasks in the naive baseline run (subtracted from its CPU)`, unit: 'ms', runs: baseline.map((run) => run.protocolCpuMs + run.transferSizeCpuMs), budget: null }),
    figure({ id: 'B2', what: `${label}: transfer-size notices on the app's main thread (tasks)`, unit: '', runs: pick(app, 'transferSizeTasks'), budget: null }),
    figure({ id: 'B2', what: `${label}: app long tasks (CPU > 50 ms)`, unit: '', runs: pick(app, 'longTasks'), budget: 0, budgetText: '0' }),
    figure({ id: 'B2', what: `${label}: app longest task (CPU)`, unit: 'ms', runs: pick(app, 'longestTaskMs'), budget: 50 }),
    figure({ id: 'B2', what: `${label}: app last byte → final paint (the visible reply final)`, unit: 'ms', runs: pick(app, 'lastByteToPaintMs'), budget: 50 }),
    figure({ id: 'B2', what: `${label}: of the app's main-thread CPU, after the final paint (off-screen work: blocks near the viewport rendered and far ones demoted, when idle)`, unit: 'ms', runs: pick(app, 'deferredCpuMs'), budget: null }),
    figure({ id: 'B2', what: `${label}: network chunks of the reply (app run)`, unit: '', runs: pick(app, 'networkChunks'), budget: null }),
    // What the naive baseline's CPU is made of: one render (marked + innerHTML of the text so far) per network chunk it read.
    figure({ id: 'B2', what: `${label}: naive baseline's renders (one per network chunk it read)`, unit: '', runs: pick(baseline, 'networkChunks'), budget: null }),
    figure({ id: 'B2', what: `${label}: app network chunks handled on the main thread`, unit: '', runs: pick(app, 'networkChunksOnMain'), budget: null }),
    figure({ id: 'B4', what: `${label}: app first text: its network chunk → painted (p50)`, unit: 'ms', runs: pick(app, 'firstByteToPaintMs'), budget: 16 }),
  ];
}

export function streamingFigures(result: StreamingFigures, notes: string[]): Figure[] {
  const paced = result.runs;
  notes.push(`B2–B4: a ${result.totalTokens}-token Markdown reply (mock 'markdown' scenario); "paced" is 500 tokens/s, "full" is as fast as the mock writes. Every figure comes from a Chrome trace: main-thread CPU is RunTask thread time from the chat request to the paint of the reply's last change, minus the probe's own time and minus tasks that run only because DevTools drives the page (the harness's page.evaluate polls, and the per-read transfer-size notices Chromium sends only while DevTools is attached: its ReduceTransferSizeUpdatedIPC feature; for the app's worker fetch each one is a task on the page's main thread), for every page alike; long tasks are RunTasks over 50 ms of CPU; a paint is the first Paint/Commit after the probe's mark of a change. The final paint is that of the last change the viewport shows: changes wholly outside the viewport once the stream is over (judged by the probe from the final layout) are left out of it (their CPU is still counted, and also shown on its own line).`);
  notes.push('B3 windows: main-thread CPU in the first and the last 1,000 tokens\' worth of the stream\'s time (the mock paces tokens evenly at 500 tok/s).');
  notes.push('Contenders: the naive baseline (marked + innerHTML of the whole reply), react-markdown 10.1.0 + remark-gfm 4.0.1 (whole reply per update) and streamdown 2.7.1, all reading the same SSE on their main thread and updating once per network chunk read (React batches what arrives while it renders); the app reads it in its streaming worker and updates 20 to 7 times a second, and about 2.5 times a second for text faster than about 1,500 tokens/s (full speed). streamdown runs without its Tailwind styles.');
  return [
    ...speedRows(result, 'full', 'full speed'),
    figure({ id: 'B2', what: 'full speed: naive baseline\'s last render, the whole reply (marked + innerHTML; in-page timing, without style, layout and paint)', unit: 'ms', runs: result.baselineWholeReplyRenderMs, budget: null }),
    ...speedRows(result, 'paced', '500 tok/s'),
    figure({ id: 'B3', what: 'app: main-thread CPU of the last 1,000 tokens ÷ the first 1,000 (500 tok/s)', unit: '×', runs: pick(paced.app.paced, 'growth'), budget: 1.15 }),
    // Issue 14's check that no growing container invalidates its whole subtree: the style work per
    // token stays flat. Per recalc it rises, since the app updates less often as a reply grows (20
    // to 7 times a second), so each update carries more new elements; a subtree-wide invalidation
    // would show as thousands per recalc (the naive baseline's).
    figure({ id: 'B3', what: 'app: elements restyled, all style recalcs of the last 1,000 tokens ÷ the first 1,000 (500 tok/s)', unit: '×', runs: pick(paced.app.paced, 'restyleTotalGrowth'), budget: 1.15 }),
    figure({ id: 'B3', what: 'app: elements restyled per style recalc, last 1,000 tokens ÷ first 1,000 (fewer, larger updates as the reply grows)', unit: '×', runs: pick(paced.app.paced, 'restyleGrowth'), budget: null }),
    figure({ id: 'B3', what: 'streamdown: same CPU ratio', unit: '×', runs: pick(paced.streamdown.paced, 'growth'), budget: null }),
    figure({ id: 'B3', what: 'naive baseline: same CPU ratio (saturated near 100 % busy, so it understates)', unit: '×', runs: pick(paced.baseline.paced, 'growth'), budget: null }),
    figure({ id: 'B3', what: 'naive baseline: time per render, last tenth of the reply ÷ first tenth (in-page timing; shows it is naive)', unit: '×', runs: result.baselineRenderGrowth, budget: 2, direction: 'min', budgetText: '≫ 1 expected' }),
  ];
}

/**
 * "Flat" from reply 5 to reply 10: the five replies' own text, held three times (the message in
 * the store, each block's source in the renderer, the search cache's lower-cased copy), and
 * nothing that grows with their rendered form. 10,000 tokens of the mock's Markdown are 54.6 KB.
 */
const FLAT_HEAP_GROWTH_MB = (3 * 5 * 54_646) / MB;

export function heapFigures(result: HeapFigures, notes: string[]): Figure[] {
  const after = result.afterEachReplyBytes.at(-1) ?? Number.NaN;
  notes.push(`B8: heap before the first reply ${(result.beforeBytes / MB).toFixed(1)} MB; after each reply: ${result.afterEachReplyBytes.map((bytes) => (bytes / MB).toFixed(1)).join(', ')} MB (one sequence of ten). DOM and other browser objects (Blink's heap) after each reply: ${result.embedderAfterEachReplyBytes.map((bytes) => (bytes / MB).toFixed(1)).join(', ')} MB. "Flat" is growth of at most the five replies' text held three times (store, renderer, search cache): ${FLAT_HEAP_GROWTH_MB.toFixed(2)} MB.`);
  const fifth = result.afterEachReplyBytes[4] ?? Number.NaN;
  const embedderGrowth = (result.embedderAfterEachReplyBytes.at(-1) ?? Number.NaN) - (result.embedderAfterEachReplyBytes[4] ?? Number.NaN);
  return [
    figure({ id: 'B8', what: 'JS heap after ten 10,000-token replies (after GC; the page, not the streaming worker)', unit: 'MB', runs: [after / MB], budget: 16 }),
    figure({ id: 'B8', what: 'JS heap growth from reply 5 to reply 10 (flat: at most the five replies\' text, three times)', unit: 'MB', runs: [(after - fifth) / MB], budget: Number(FLAT_HEAP_GROWTH_MB.toFixed(2)) }),
    figure({ id: 'B8', what: 'DOM and other browser objects (Blink\'s heap, not in the JS heap) growth from reply 5 to reply 10', unit: 'MB', runs: [embedderGrowth / MB], budget: null }),
  ];
}

export function historyStreamFigures(result: HistoryStreamFigures, notes: string[]): Figure[] {
  notes.push(`B9: ${(result.storedCharacters / 1e6).toFixed(1)} M characters stored in 300 conversations; a 400-delta reply at 200 tokens/s.`);
  return [
    figure({ id: 'B9', what: 'long tasks (CPU > 50 ms) while a 400-delta reply streams over 300 stored conversations', unit: '', runs: pick(result.runs, 'longTasks'), budget: 0, budgetText: '0' }),
    figure({ id: 'B9', what: 'time blocked (Σ long task − 50 ms)', unit: 'ms', runs: pick(result.runs, 'blockedMs'), budget: 0 }),
    figure({ id: 'B9', what: 'main-thread CPU during that stream', unit: 'ms', runs: pick(result.runs, 'busyMs'), budget: null }),
  ];
}

export function lockFigures(result: LockFigures): Figure[] {
  return [
    figure({ id: 'T40', what: 'Lock during a streaming reply → its provider request closed (security.md)', unit: 'ms', runs: result.abortMs, budget: 1000 }),
    figure({ id: 'R13', what: 'Lock in one tab → the other tab wiped and reloading (security.md)', unit: 'ms', runs: result.otherTabMs, budget: 1000 }),
  ];
}
