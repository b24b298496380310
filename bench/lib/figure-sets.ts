// Turns each group's raw measurements into report rows held against performance.md's budgets.
import type { FirstLoad } from '../figures/first-load';
import type { HeapFigures } from '../figures/heap';
import type { StreamRun } from '../figures/stream-run';
import type { HistoryStreamFigures } from '../figures/stream-with-history';
import type { StreamingFigures } from '../figures/streaming';
import type { HistoryFigures } from '../figures/unlock-history';
import { figure, type Figure } from './report';

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
  return [figure({ id: 'B6', what: 'offline cold start via the service worker to a usable unlock form (p50)', unit: 'ms', runs, budget: 500 })];
}

export function historyFigures(result: HistoryFigures, notes: string[]): Figure[] {
  const rows = [
    figure({ id: 'B5', what: `unlock: KDF (PBKDF2, ${result.iterations.toLocaleString('en')} iterations)`, unit: 'ms', runs: result.kdf, budget: null }),
    figure({ id: 'B5', what: 'unlock: the rest (5 keys, 1,000 conversations), to the painted key list', unit: 'ms', runs: result.unlockRest, budget: 100 }),
    figure({ id: 'B7', what: 'chat UI: conversation list painted after unlock (1,000 × 50)', unit: 'ms', runs: result.uiList, budget: 200 }),
    figure({ id: 'B7', what: 'chat UI: open a 500-message conversation, all painted', unit: 'ms', runs: result.uiOpen, budget: 100 }),
    figure({ id: 'B7', what: `chat UI: search all, typed to ${result.searchMatches} results painted`, unit: 'ms', runs: result.uiSearch, budget: 150 }),
    figure({ id: 'B7', what: 'store: listConversations (1,001 metas)', unit: 'ms', runs: result.storeList, budget: 200 }),
    figure({ id: 'B7', what: 'store: loadMessages (500 messages)', unit: 'ms', runs: result.storeOpen, budget: 100 }),
    figure({ id: 'B7', what: 'store: searchConversations (all)', unit: 'ms', runs: result.storeSearch, budget: 150 }),
  ];
  notes.push(`B5/B7: seeding 1,000 conversations × 50 messages + one of 500 took ${(result.seedMs / 1000).toFixed(1)} s (bench seed bundle: the store's own seal functions, 50 conversations per transaction).`);
  if (result.uiError !== null) notes.push(`B7 chat UI figures missing: ${result.uiError}`);
  return rows;
}

const pick = (runs: StreamRun[], field: keyof StreamRun): number[] => runs.map((run) => run[field]);
const ratios = (app: number[], baseline: number[]): number[] => app.map((value, index) => value / (baseline[index] ?? Number.NaN));

function speedRows(result: StreamingFigures, speed: 'full' | 'paced', label: string): Figure[] {
  const app = result.app[speed];
  const baseline = result.baseline[speed];
  return [
    figure({ id: 'B2', what: `${label}: app main-thread busy ÷ naive baseline's`, unit: '×', runs: ratios(pick(app, 'busyMs'), pick(baseline, 'busyMs')), budget: 0.25 }),
    figure({ id: 'B2', what: `${label}: app main-thread busy`, unit: 'ms', runs: pick(app, 'busyMs'), budget: null }),
    figure({ id: 'B2', what: `${label}: baseline main-thread busy`, unit: 'ms', runs: pick(baseline, 'busyMs'), budget: null }),
    figure({ id: 'B2', what: `${label}: app long tasks (> 50 ms)`, unit: '', runs: pick(app, 'longTasks'), budget: 0, budgetText: '0' }),
    figure({ id: 'B2', what: `${label}: app longest task`, unit: 'ms', runs: pick(app, 'longestTaskMs'), budget: 50 }),
    figure({ id: 'B2', what: `${label}: app last byte → final paint`, unit: 'ms', runs: pick(app, 'lastByteToPaintMs'), budget: 50 }),
    figure({ id: 'B4', what: `${label}: app first byte → first token painted (p50)`, unit: 'ms', runs: pick(app, 'firstByteToPaintMs'), budget: 16 }),
  ];
}

export function streamingFigures(result: StreamingFigures, notes: string[]): Figure[] {
  notes.push(`B2–B4: a ${result.totalTokens}-token Markdown reply (mock 'markdown' scenario); "paced" is 500 tokens/s, "full" is as fast as the mock writes.`);
  notes.push('B3 windows: main-thread busy time (CDP TaskDuration) between the first network chunk and token 1,000, and between token N−1,000 and the last chunk, at 500 tokens/s.');
  const share = (runs: StreamRun[]): string => `${Math.round(100 * Math.max(...runs.map((run) => run.busyMs / run.streamMs)))}%`;
  notes.push(`B3 caveat: at 500 tok/s the main thread was busy up to ${share(result.app.paced)} (app) and ${share(result.baseline.paced)} (baseline) of the stream's wall time; near 100% a window's busy time is capped by its length, so both ratios understate growth.`);
  notes.push('Baseline: it re-parses the whole reply with marked and sets innerHTML once per network chunk read (each chunk holds one or more deltas). At 500 tok/s that is about one delta per render; at full speed the mock\'s chunks hold many deltas, so the full-speed baseline renders only a few times and its busy time is low (a per-event naive render of 10,000 tokens takes minutes).');
  return [
    ...speedRows(result, 'full', 'full speed'),
    ...speedRows(result, 'paced', '500 tok/s'),
    figure({ id: 'B3', what: 'app: busy time of the last 1,000 tokens ÷ the first 1,000 (500 tok/s)', unit: '×', runs: pick(result.app.paced, 'growth'), budget: 1.5 }),
    figure({ id: 'B3', what: 'naive baseline: same ratio, from CDP busy time (saturated, see note)', unit: '×', runs: pick(result.baseline.paced, 'growth'), budget: null }),
    figure({ id: 'B3', what: 'naive baseline: time per render, last tenth of the reply ÷ first tenth (in-page timing; shows it is naive)', unit: '×', runs: result.baselineRenderGrowth, budget: 2, direction: 'min', budgetText: '≫ 1 expected' }),
  ];
}

export function heapFigures(result: HeapFigures, notes: string[]): Figure[] {
  const after = result.afterEachReplyBytes.at(-1) ?? Number.NaN;
  notes.push(`B8: heap before the first reply ${(result.beforeBytes / MB).toFixed(1)} MB; after each reply: ${result.afterEachReplyBytes.map((bytes) => (bytes / MB).toFixed(1)).join(', ')} MB (one sequence of ten).`);
  return [figure({ id: 'B8', what: 'JS heap after ten 10,000-token replies (after GC)', unit: 'MB', runs: [after / MB], budget: 50 })];
}

export function historyStreamFigures(result: HistoryStreamFigures, notes: string[]): Figure[] {
  notes.push(`B9: ${(result.storedCharacters / 1e6).toFixed(1)} M characters stored in 300 conversations; a 400-delta reply at 200 tokens/s.`);
  return [
    figure({ id: 'B9', what: 'long tasks while a 400-delta reply streams over 300 stored conversations', unit: '', runs: pick(result.runs, 'longTasks'), budget: 0, budgetText: '0' }),
    figure({ id: 'B9', what: 'time blocked (Σ long task − 50 ms)', unit: 'ms', runs: pick(result.runs, 'blockedMs'), budget: 0 }),
    figure({ id: 'B9', what: 'main-thread busy during that stream', unit: 'ms', runs: pick(result.runs, 'busyMs'), budget: null }),
  ];
}
