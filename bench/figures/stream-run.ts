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

export async function measureStream(subject: StreamSubject, totalTokens: number): Promise<StreamRun> {
  const { page, cdp } = subject;
  await subject.prepare();
  await armStream(page, subject.selector);
  await startTrace(cdp.session);
  await subject.start();
  await subject.waitForEnd();
  const events = await stopTrace(cdp.session);
  const probeMs = (await streamTrace(page)).probeMs;
  const figures = analyseStreamTrace(events, '/chat/completions', totalTokens, new Set(await offscreenChanges(page)));
  return {
    ...figures,
    busyMs: figures.mainCpuMs - probeMs - figures.protocolCpuMs - figures.transferSizeCpuMs,
    probeMs,
    growth: figures.lastWindowMs / figures.firstWindowMs,
    restyleGrowth: figures.restyledLast / figures.restyledFirst,
    restyleTotalGrowth: figures.restyledLastTotal / figures.restyledFirstTotal,
  };
}
