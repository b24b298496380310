// Typed calls into the probe (bench/page/probe.ts) and the seed entry. Each evaluate body is one
// arrow expression: tsx's keepNames would put `__name` calls into named inner functions, which
// the page does not define.
import type { Page } from 'playwright';
import type { BenchProbe } from '../page/probe';
import type { BenchSeed, SeedPlan } from '../seed-entry';

type WithProbe = { __bench: BenchProbe };
type WithSeed = { __benchSeed: BenchSeed };
export type TimedAction = Parameters<BenchProbe['timeAction']>[0];

export function timeAction(page: Page, action: TimedAction): Promise<{ start: number; end: number; ms: number }> {
  return page.evaluate((input) => (window as unknown as WithProbe).__bench.timeAction(input), action);
}

export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as WithProbe).__bench.now());
}

export async function kdfMsSince(page: Page, since: number): Promise<{ ms: number; iterations: number }> {
  const timings = await page.evaluate((start) => (window as unknown as WithProbe).__bench.kdfSince(start), since);
  return { ms: timings.reduce((total, timing) => total + timing.duration, 0), iterations: timings[0]?.iterations ?? 0 };
}

export function armStream(page: Page, selector: string): Promise<void> {
  return page.evaluate((target) => (window as unknown as WithProbe).__bench.arm(target), selector);
}

export function streamTrace(page: Page) {
  return page.evaluate(() => (window as unknown as WithProbe).__bench.trace());
}

export function offscreenChanges(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as WithProbe).__bench.offscreenChanges());
}


/** Loads dist/bench/seed.js into the app's origin (not precached: built after the app). */
export async function loadSeed(page: Page): Promise<void> {
  await page.addScriptTag({ url: '/bench/seed.js', type: 'module' });
  await page.waitForFunction(() => typeof (window as unknown as Partial<WithSeed>).__benchSeed === 'object');
}

export function seedConversations(page: Page, plan: SeedPlan) {
  return page.evaluate((input) => (window as unknown as WithSeed).__benchSeed.seed(input), plan);
}

export async function timeStore(page: Page, passphrase: string, conversationId: string, query: string) {
  await page.evaluate((secret) => (window as unknown as WithSeed).__benchSeed.unlock(secret), passphrase);
  return page.evaluate(([id, text]) => (window as unknown as WithSeed).__benchSeed.timeStore(id, text), [conversationId, query] as const);
}
