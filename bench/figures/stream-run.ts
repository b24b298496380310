// One measured stream, the same for the app and the naive baseline: busy time from CDP
// TaskDuration, long tasks from the probe, and the probe's stream trace (first and last network
// chunk, first painted text, final paint). CDP TaskDuration is also read at token milestones
// (the probe calls a binding when the count crosses them), which splits busy time into windows.
import type { BrowserContext, Page } from 'playwright';
import type { Cdp } from '../lib/browser';
import { armStream, longTasksSince, pageNow, streamTrace } from '../lib/page-api';

export interface StreamSubject {
  page: Page;
  cdp: Cdp;
  /** The reply element: the next new element matching this selector. */
  selector: string;
  prepare(): Promise<void>;
  start(): Promise<void>;
  waitForEnd(): Promise<void>;
}

export interface StreamRun {
  busyMs: number;
  longTasks: number;
  longestTaskMs: number;
  blockedMs: number;
  firstByteToPaintMs: number;
  lastByteToPaintMs: number;
  firstWindowMs: number;
  lastWindowMs: number;
  growth: number;
  tokens: number;
  streamMs: number;
}

/** Busy time at each milestone the probe reports, keyed by name ('first', 't1000', 'end', …). */
export class MilestoneClock {
  private cdp: Cdp | null = null;
  private readings = new Map<string, Promise<number>>();

  static async install(context: BrowserContext): Promise<MilestoneClock> {
    const clock = new MilestoneClock();
    await context.exposeBinding('__benchMilestone', (_source, name: string) => clock.note(name));
    return clock;
  }

  reset(cdp: Cdp): void {
    this.cdp = cdp;
    this.readings.clear();
  }

  note(name: string): void {
    if (this.cdp !== null && !this.readings.has(name)) this.readings.set(name, this.cdp.taskDuration());
  }

  async read(name: string): Promise<number> {
    return (await this.readings.get(name)) ?? Number.NaN;
  }
}


export async function measureStream(subject: StreamSubject, clock: MilestoneClock, totalTokens: number): Promise<StreamRun> {
  const { page, cdp } = subject;
  await subject.prepare();
  const lastWindowStart = totalTokens - 1000;
  await armStream(page, subject.selector, [1000, lastWindowStart]);
  clock.reset(cdp);
  const since = await pageNow(page);
  const before = await cdp.taskDuration();
  await subject.start();
  await subject.waitForEnd();
  const busyMs = (await cdp.taskDuration()) - before;
  const trace = await streamTrace(page);
  const finalPaint = trace.lastPaintAt ?? Number.NaN;
  const tasks = (await longTasksSince(page, since)).filter((task) => task.start <= finalPaint);
  const [first, firstEnd, lastStart, end] = await Promise.all(['first', 't1000', `t${lastWindowStart}`, 'end'].map((name) => clock.read(name)));
  const firstWindowMs = (firstEnd as number) - (first as number);
  const lastWindowMs = (end as number) - (lastStart as number);
  return {
    busyMs,
    longTasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
    blockedMs: tasks.reduce((total, task) => total + Math.max(0, task.duration - 50), 0),
    firstByteToPaintMs: (trace.firstTextPaintAt ?? Number.NaN) - (trace.firstByteAt ?? Number.NaN),
    lastByteToPaintMs: finalPaint - (trace.lastByteAt ?? Number.NaN),
    firstWindowMs,
    lastWindowMs,
    growth: lastWindowMs / firstWindowMs,
    tokens: trace.tokens,
    streamMs: (trace.endAt ?? Number.NaN) - (trace.firstByteAt ?? Number.NaN),
  };
}
