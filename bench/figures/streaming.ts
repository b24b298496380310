// B2-B4: the same 10,000-token Markdown reply from the same mock, at full speed and at
// 500 tokens/s, rendered by the app's chat screen and by the naive baseline page, in the same
// browser. Each run pairs an app stream with a baseline stream, so ratios compare like with like.
import type { Browser, BrowserContext } from 'playwright';
import type { MockProviderServer } from '../../e2e/mock-provider/server';
import { buildMarkdownReply } from '../../e2e/mock-provider/reply-content';
import { countTokens } from '../../e2e/mock-provider/token-count';
import { attachCdp, newBenchContext } from '../lib/browser';
import { APP_REPLY, appReplyDone, newChat, openChat, pressSend, scenarioPrompt, typePrompt, waitForStreamEnd } from '../lib/chat-driver';
import { setUpVault } from '../lib/vault-ui';
import { MilestoneClock, measureStream, type StreamRun, type StreamSubject } from './stream-run';

export const REPLY_TOKENS = 10_000;
export const PACED_TPS = 500;

export interface StreamingFigures {
  totalTokens: number;
  app: { full: StreamRun[]; paced: StreamRun[] };
  baseline: { full: StreamRun[]; paced: StreamRun[] };
  /** Per paced run: the baseline's mean time per render over the last tenth of the reply ÷ the first tenth. */
  baselineRenderGrowth: number[];
}

/** Reads the baseline page's own render timings: immune to the main thread being saturated. */
async function readBaselineRenderGrowth(context: BrowserContext): Promise<number> {
  const page = context.pages().find((candidate) => candidate.url().includes('/bench/baseline/'));
  if (!page) return Number.NaN;
  const renders = await page.evaluate(() => (window as unknown as { __baseline: { renders: Array<{ characters: number; ms: number }> } }).__baseline.renders.slice());
  const total = renders.at(-1)?.characters ?? 0;
  const mean = (list: Array<{ ms: number }>): number => list.reduce((sum, render) => sum + render.ms, 0) / Math.max(list.length, 1);
  const first = renders.filter((render) => render.characters <= total * 0.1);
  const last = renders.filter((render) => render.characters >= total * 0.9);
  return mean(last) / mean(first);
}

type Speed = 'full' | 'paced';
const promptFor = (speed: Speed): string => scenarioPrompt('markdown', { tokens: REPLY_TOKENS, tps: speed === 'paced' ? PACED_TPS : undefined });

async function appSubject(context: BrowserContext, mock: MockProviderServer): Promise<(speed: Speed) => StreamSubject> {
  const page = await context.newPage();
  await setUpVault(page, mock, ['openai']);
  await openChat(page);
  const cdp = await attachCdp(page);
  return (speed) => ({
    page, cdp, selector: APP_REPLY,
    prepare: async () => {
      await newChat(page);
      await typePrompt(page, promptFor(speed));
    },
    start: () => pressSend(page),
    waitForEnd: () => waitForStreamEnd(page, appReplyDone(page)),
  });
}

async function baselineSubject(context: BrowserContext, mock: MockProviderServer): Promise<(speed: Speed) => StreamSubject> {
  const page = await context.newPage();
  await page.goto('/bench/baseline/index.html');
  await page.waitForFunction(() => typeof (window as { __baseline?: unknown }).__baseline === 'object');
  const cdp = await attachCdp(page);
  let streaming: Promise<void> = Promise.resolve();
  const url = mock.baseUrlFor('openai');
  return (speed) => ({
    page, cdp, selector: '.markdown-body',
    // The old reply goes first, so the probe sees the new one as a new element.
    prepare: () => page.evaluate(() => document.getElementById('main')?.replaceChildren()),
    start: async () => {
      streaming = page.evaluate(([base, prompt]) => (window as unknown as { __baseline: { stream(u: string, k: string, p: string): Promise<void> } })
        .__baseline.stream(base, 'sk-proj-BENCH-baseline', prompt), [url, promptFor(speed)] as const);
    },
    waitForEnd: async () => {
      await streaming;
      await waitForStreamEnd(page, async () => true);
    },
  });
}

export async function measureStreaming(browser: Browser, origin: string, mock: MockProviderServer, runs: number): Promise<StreamingFigures> {
  const totalTokens = countTokens(buildMarkdownReply(REPLY_TOKENS));
  // Two profiles: the app's service worker would answer the baseline's navigation with the app.
  const appContext = await newBenchContext(browser, origin);
  const baselineContext = await newBenchContext(browser, origin);
  const appClock = await MilestoneClock.install(appContext);
  const baselineClock = await MilestoneClock.install(baselineContext);
  const app = await appSubject(appContext, mock);
  const baseline = await baselineSubject(baselineContext, mock);
  const result: StreamingFigures = { totalTokens, app: { full: [], paced: [] }, baseline: { full: [], paced: [] }, baselineRenderGrowth: [] };
  // Warm-up at full speed: loads the chat chunks, the highlighter, and JIT-compiles both renderers.
  await measureStream(app('full'), appClock, totalTokens);
  await measureStream(baseline('full'), baselineClock, totalTokens);
  for (let run = 0; run < runs; run += 1) {
    for (const speed of ['full', 'paced'] as const) {
      result.app[speed].push(await measureStream(app(speed), appClock, totalTokens));
      result.baseline[speed].push(await measureStream(baseline(speed), baselineClock, totalTokens));
      if (speed === 'paced') result.baselineRenderGrowth.push(await readBaselineRenderGrowth(baselineContext));
      const busy = (side: StreamRun[]): string => (side.at(-1)?.busyMs ?? Number.NaN).toFixed(0);
      console.log(`bench: stream run ${run + 1}/${runs} ${speed}: app busy ${busy(result.app[speed])} ms, baseline ${busy(result.baseline[speed])} ms`);
    }
  }
  await appContext.close();
  await baselineContext.close();
  return result;
}
