// One measured stream, the same for the app, the naive baseline and the contenders: a Chrome trace
// from before Send to after the reply has been quiet for a while, read by bench/lib/trace.ts. CPU
// time is the main thread's RunTask thread time from the chat request to the final paint, minus
// the probe's own time on the stream path and the tasks that ran only because DevTools drives the
// page (bench/lib/instrumentation-tasks.ts); both are reported too.
import type { Page } from 'playwright';
import type { Cdp } from '../lib/browser';
import { armStream, offscreenChanges, streamTrace } from '../lib/page-api';
import { analyseStreamTrace, startTrace, stopTrace, type StreamTraceFigures } from '../lib/trace';

export interface StreamSubject {
  page: Page;
  cdp: Cdp;
  /** The reply element: the next new element matching this selector. */
  selector: string;
  prepare(): Promise<void>;
  start(): Promise<void>;
  waitForEnd(): Promise<void>;
}

export interface StreamRun extends StreamTraceFigures {
  /** Main-thread CPU time with the probe's and DevTools' own time subtracted. */
  busyMs: number;
  probeMs: number;
  growth: number;
  restyleGrowth: number;
  restyleTotalGrowth: number;
}

/** Why a trace cannot be read as the stream it should hold, or null when it can. */
export function traceProblem(figures: StreamTraceFigures): string | null {
  if (figures.networkChunks === 0) return 'no network chunk of the chat request';
  // A last change with no paint after it is not a problem: a page that does not follow its reply
  // may not paint it (trace.ts counts its CPU up to that change).
  if (figures.changesTraced === 0) return 'no mark of the reply\'s changes (the probe\'s marks are missing)';
  return null;
}

interface Attempt {
  run: StreamRun;
  /** What the trace and the probe saw, for the log line of a trace that cannot be read. */
  seen: string;
}

async function measureOnce(subject: StreamSubject, totalTokens: number): Promise<Attempt> {
  const { page, cdp } = subject;
  await subject.prepare();
  await armStream(page, subject.selector);
  await startTrace(cdp.session);
  await subject.start();
  await subject.waitForEnd();
  const events = await stopTrace(cdp.session);
  const probe = await streamTrace(page);
  const probeMs = probe.probeMs;
  const figures = analyseStreamTrace(events, '/chat/completions', totalTokens, new Set(await offscreenChanges(page)));
  const run = {
    ...figures,
    busyMs: figures.mainCpuMs - probeMs - figures.protocolCpuMs - figures.transferSizeCpuMs,
    probeMs,
    growth: figures.lastWindowMs / figures.firstWindowMs,
    restyleGrowth: figures.restyledLast / figures.restyledFirst,
    restyleTotalGrowth: figures.restyledLastTotal / figures.restyledFirstTotal,
  };
  const marks = events.filter((event) => event.name.startsWith('bench:')).length;
  return { run, seen: `${events.length} trace events, ${marks} bench marks; the probe ${probe.firstTextAt === null ? 'saw no' : 'saw the'} reply text` };
}

const ATTEMPTS = 3;

/**
 * A trace that missed the reply (seen about once per full run: no probe marks, so no main thread
 * to read, and a CPU time of minus the probe's) is run again rather than counted as a figure.
 */
export async function measureStream(subject: StreamSubject, totalTokens: number): Promise<StreamRun> {
  for (let attempt = 1; ; attempt += 1) {
    const { run, seen } = await measureOnce(subject, totalTokens);
    const problem = traceProblem(run);
    if (problem === null) return run;
    if (attempt === ATTEMPTS) throw new Error(`bench: ${ATTEMPTS} traces in a row could not be read: ${problem} (${seen})`);
    console.log(`bench: a trace could not be read: ${problem} (${seen}); the run is measured again`);
  }
}
