// Chrome tracing over CDP, and what the stream figures read from a trace: main-thread CPU time
// (RunTask thread time, not wall time), long tasks by CPU time, the streaming worker's CPU time,
// network chunks of the chat request and the thread that received them, style recalcs, and when
// the reply's changes were painted: the probe marks each change (performance.mark, so it shares the
// trace's clock) and the first Paint or Commit on the main thread after it is its paint.
import type { CDPSession } from 'playwright';
import { instrumentationCpu } from './instrumentation-tasks';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; elementCount?: number; data?: { url?: string; requestId?: string; elementCount?: number } };
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', 'disabled-by-default-devtools.timeline'];

export async function startTrace(session: CDPSession): Promise<void> {
  await session.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] } });
}

export async function stopTrace(session: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) => session.once('Tracing.tracingComplete', (event) => resolve(event.stream ?? '')));
  await session.send('Tracing.end');
  const handle = await complete;
  const parts: string[] = [];
  for (;;) {
    const chunk = await session.send('IO.read', { handle, size: 4 * 1024 * 1024 });
    parts.push(chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data);
    if (chunk.eof) break;
  }
  await session.send('IO.close', { handle });
  const parsed = JSON.parse(parts.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

export interface StreamTraceFigures {
  /** Main-thread CPU time from the chat request to the paint of the reply's last change of any kind, ms. */
  mainCpuMs: number;
  workerCpuMs: number;
  longTasks: number;
  longestTaskMs: number;
  blockedMs: number;
  networkChunks: number;
  networkChunksOnMain: number;
  firstByteToPaintMs: number;
  lastByteToPaintMs: number;
  /** Main-thread CPU in the first and last 1,000 tokens (by time: the mock paces tokens evenly). */
  firstWindowMs: number;
  lastWindowMs: number;
  /** Mean elements restyled per style recalc in those windows. */
  restyledFirst: number;
  restyledLast: number;
  /** All elements restyled in those windows: per 1,000 tokens, whatever the update rate. */
  restyledFirstTotal: number;
  restyledLastTotal: number;
  streamMs: number;
  /** Of mainCpuMs, tasks that ran only because DevTools drives the page (instrumentation-tasks.ts), ms. */
  protocolCpuMs: number;
  transferSizeCpuMs: number;
  transferSizeTasks: number;
  /** Of mainCpuMs, what came after the final paint: changes off screen (blocks upgraded while idle), ms. */
  deferredCpuMs: number;
  offscreenChanges: number;
  /** The probe's marks of the reply's changes found in the trace (none: the trace missed the reply). */
  changesTraced: number;
}

const LONG_TASK_US = 50_000;

/** CPU time of the part of each task inside [from, to] (a task cut by the edge counts pro rata). */
function cpuInWindow(tasks: TraceEvent[], from: number, to: number): number {
  let total = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    if (end < from || task.ts > to) continue;
    const share = (task.dur ?? 0) === 0 ? 1 : (Math.min(end, to) - Math.max(task.ts, from)) / (task.dur as number);
    total += (task.tdur ?? task.dur ?? 0) * share;
  }
  return total / 1000;
}

function restyledCounts(events: TraceEvent[], from: number, to: number): number[] {
  return events.filter((event) => event.ts >= from && event.ts <= to).map((event) => event.args?.elementCount ?? event.args?.data?.elementCount ?? 0);
}

function meanRestyled(events: TraceEvent[], from: number, to: number): number {
  const counts = restyledCounts(events, from, to);
  return counts.length === 0 ? Number.NaN : counts.reduce((sum, count) => sum + count, 0) / counts.length;
}

function totalRestyled(events: TraceEvent[], from: number, to: number): number {
  return restyledCounts(events, from, to).reduce((sum, count) => sum + count, 0);
}

/**
 * Figures of one stream: `urlPart` picks the chat request; `tokens` sizes the B3 windows;
 * `offscreen` holds the ids of changes the final screen does not show (bench/page/probe.ts).
 */
export function analyseStreamTrace(events: TraceEvent[], urlPart: string, tokens: number, offscreen: ReadonlySet<number> = new Set()): StreamTraceFigures {
  const marks = events.filter((event) => event.cat.includes('blink.user_timing') && event.name.startsWith('bench:'));
  const pid = marks[0]?.pid;
  const main = marks[0]?.tid;
  const frameEnds = events.filter((event) => event.pid === pid && event.tid === main && (event.name === 'Paint' || event.name === 'Commit') && event.ph === 'X')
    .map((event) => event.ts + (event.dur ?? 0)).sort((a, b) => a - b);
  const paintAfter = (ts: number): number => frameEnds.find((end) => end >= ts) ?? Number.NaN;
  const firstTextMark = marks.find((event) => event.name === 'bench:text')?.ts ?? Number.NaN;
  const firstText = paintAfter(firstTextMark);
  // The final paint is when the visible reply is final: changes the final screen does not show do
  // not count for it (bench/page/probe.ts, offscreenChanges). CPU time, long tasks and the worker's
  // time still run to the paint of the last change of any kind, so work put off is never left out
  // (deferredCpuMs says how much of it came after the final paint). For a page that does not follow
  // its reply (the contenders), the same rule would otherwise stop counting at the first screen.
  const changes = marks.filter((event) => event.name.startsWith('bench:mutation'));
  const lastChange = changes.filter((event) => !offscreen.has(Number(event.name.slice('bench:mutation:'.length)))).at(-1)?.ts ?? Number.NaN;
  const finalPaint = paintAfter(lastChange);
  const settledPaint = paintAfter(changes.at(-1)?.ts ?? Number.NaN);
  // A page whose last change shows no paint in the trace still has its CPU counted up to that change.
  const visibleUntil = Number.isFinite(finalPaint) ? finalPaint : lastChange;
  const allChanged = changes.at(-1)?.ts ?? Number.NaN;
  const measuredUntil = Math.max(visibleUntil, Number.isFinite(settledPaint) ? settledPaint : allChanged);
  const workerThreads = new Set(events.filter((event) => event.pid === pid && event.ph === 'M' && event.name === 'thread_name' && /Worker/.test(event.args?.name ?? '')).map((event) => event.tid));
  const tasksOn = (thread: number | undefined): TraceEvent[] => events.filter((event) => event.pid === pid && event.tid === thread && event.name === 'RunTask' && event.ph === 'X');
  const mainTasks = tasksOn(main);
  const requestIds = new Set(events.filter((event) => event.name === 'ResourceSendRequest' && event.args?.data?.url?.includes(urlPart)).map((event) => event.args?.data?.requestId));
  const sent = events.find((event) => event.name === 'ResourceSendRequest' && requestIds.has(event.args?.data?.requestId))?.ts ?? Number.NaN;
  const chunks = events.filter((event) => event.name === 'ResourceReceivedData' && requestIds.has(event.args?.data?.requestId));
  const firstByte = chunks[0]?.ts ?? Number.NaN;
  const lastByte = chunks.at(-1)?.ts ?? Number.NaN;
  const measured = mainTasks.filter((task) => task.ts >= sent && task.ts <= measuredUntil);
  const cpu = measured.map((task) => task.tdur ?? task.dur ?? 0);
  const long = cpu.filter((value) => value > LONG_TASK_US);
  const span = lastByte - firstByte;
  const windowSpan = span * Math.min(1, 1000 / tokens);
  const styles = events.filter((event) => event.pid === pid && event.tid === main && event.name === 'UpdateLayoutTree');
  const instrumentation = instrumentationCpu(measured, events.filter((event) => event.pid === pid && event.tid === main));
  let workerCpu = 0;
  for (const thread of workerThreads) workerCpu += cpuInWindow(tasksOn(thread), sent, measuredUntil);
  return {
    mainCpuMs: cpu.reduce((sum, value) => sum + value, 0) / 1000,
    workerCpuMs: workerCpu,
    longTasks: long.length,
    longestTaskMs: Math.max(0, ...cpu) / 1000,
    blockedMs: long.reduce((sum, value) => sum + value - LONG_TASK_US, 0) / 1000,
    networkChunks: chunks.length,
    networkChunksOnMain: chunks.filter((event) => event.tid === main).length,
    // From the network chunk that brought the first visible text (the last one before it was on the
    // page) to its paint: the mock may stall after its first event while the harness is busy.
    firstByteToPaintMs: (firstText - (chunks.filter((event) => event.ts <= firstTextMark).at(-1)?.ts ?? firstByte)) / 1000,
    lastByteToPaintMs: (finalPaint - lastByte) / 1000,
    firstWindowMs: cpuInWindow(mainTasks, firstByte, firstByte + windowSpan),
    lastWindowMs: cpuInWindow(mainTasks, lastByte - windowSpan, lastByte),
    restyledFirst: meanRestyled(styles, firstByte, firstByte + windowSpan),
    restyledLast: meanRestyled(styles, lastByte - windowSpan, lastByte),
    restyledFirstTotal: totalRestyled(styles, firstByte, firstByte + windowSpan),
    restyledLastTotal: totalRestyled(styles, lastByte - windowSpan, lastByte),
    streamMs: span / 1000,
    protocolCpuMs: instrumentation.protocolMs,
    transferSizeCpuMs: instrumentation.transferSizeMs,
    transferSizeTasks: instrumentation.transferSizeTasks,
    deferredCpuMs: measuredUntil > visibleUntil ? cpuInWindow(mainTasks, visibleUntil, measuredUntil) : 0,
    offscreenChanges: offscreen.size,
    changesTraced: changes.length,
  };
}
