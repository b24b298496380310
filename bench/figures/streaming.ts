// B2-B4: the same 10,000-token Markdown reply from the same mock, at full speed and at
// 500 tokens/s, rendered by the app's chat screen, by the naive baseline page, and by the two
// contenders (react-markdown, streamdown), in the same browser. Each run streams all four in turn,
// so ratios compare like with like under the same machine load.
import type { Browser, BrowserContext, Page } from 'playwright';
import type { MockProviderServer } from '../../e2e/mock-provider/server';
import { buildMarkdownReply } from '../../e2e/mock-provider/reply-content';
import { countTokens } from '../../e2e/mock-provider/token-count';
import { attachCdp, newBenchContext } from '../lib/browser';
import { APP_REPLY, appReplyDone, newChat, openChat, pressSend, scenarioPrompt, typePrompt, waitForStreamEnd } from '../lib/chat-driver';
import { setUpVault } from '../lib/vault-ui';
import { measureStream, type StreamRun, type StreamSubject } from './stream-run';

export const REPLY_TOKENS = 10_000;
export const PACED_TPS = 500;
export const SUBJECTS = ['app', 'baseline', 'reactMarkdown', 'streamdown'] as const;
export type SubjectName = (typeof SUBJECTS)[number];
type Speed = 'full' | 'paced';

export interface StreamingFigures {
  totalTokens: number;
  runs: Record<SubjectName, Record<Speed, StreamRun[]>>;
  /** Per paced run: the baseline's mean time per render over the last tenth of the reply ÷ the first tenth. */
  baselineRenderGrowth: number[];
  /**
   * Per full-speed run: the baseline's last render (marked + innerHTML of the whole reply), in-page
   * timing. At full speed it renders only a few times, so its CPU is a few such renders (B2's note).
   */
  baselineWholeReplyRenderMs: number[];
}

type RenderTiming = { characters: number; ms: number };

function readBaselineRenders(page: Page): Promise<RenderTiming[]> {
  return page.evaluate(() => (window as unknown as { __baseline: { renders: RenderTiming[] } }).__baseline.renders.slice());
}

/** Reads the baseline page's own render timings: immune to the main thread being saturated. */
async function readBaselineRenderGrowth(page: Page): Promise<number> {
  const renders = await readBaselineRenders(page);
  const total = renders.at(-1)?.characters ?? 0;
  const mean = (list: Array<{ ms: number }>): number => list.reduce((sum, render) => sum + render.ms, 0) / Math.max(list.length, 1);
  const first = renders.filter((render) => render.characters <= total * 0.1);
  const last = renders.filter((render) => render.characters >= total * 0.9);
  return mean(last) / mean(first);
}

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

/** A bench page whose `stream(...)` reads the mock on its main thread (baseline or contenders). */
async function pageSubject(
  context: BrowserContext,
  mock: MockProviderServer,
  path: string,
  ready: string,
  run: (page: Page, url: string, prompt: string) => Promise<void>,
  clear: (page: Page) => Promise<void>,
): Promise<{ page: Page; subject: (speed: Speed) => StreamSubject }> {
  const page = await context.newPage();
  await page.goto(path);
  await page.waitForFunction((name) => typeof (window as unknown as Record<string, unknown>)[name] === 'object', ready);
  const cdp = await attachCdp(page);
  const url = mock.baseUrlFor('openai');
  let streaming: Promise<void> = Promise.resolve();
  return {
    page,
    subject: (speed) => ({
      page, cdp, selector: '.markdown-body',
      // The old reply goes first, so the probe sees the new one as a new element.
      prepare: () => clear(page),
      start: async () => {
        streaming = run(page, url, promptFor(speed));
      },
      waitForEnd: async () => {
        let done = false;
        void streaming.finally(() => (done = true));
        await waitForStreamEnd(page, async () => done);
      },
    }),
  };
}

type ContenderWindow = { __contender: { stream(kind: string, url: string, key: string, prompt: string): Promise<void>; clear(): void } };

export async function measureStreaming(browser: Browser, origin: string, mock: MockProviderServer, runs: number): Promise<StreamingFigures> {
  const totalTokens = countTokens(buildMarkdownReply(REPLY_TOKENS));
  // Two profiles: the app's service worker would answer the bench pages' navigations with the app.
  const appContext = await newBenchContext(browser, origin);
  const pagesContext = await newBenchContext(browser, origin);
  const subjects: Record<SubjectName, (speed: Speed) => StreamSubject> = {
    app: await appSubject(appContext, mock),
    baseline: (await pageSubject(pagesContext, mock, '/bench/baseline/index.html', '__baseline',
      (page, url, prompt) => page.evaluate(([base, text]) => (window as unknown as { __baseline: { stream(u: string, k: string, p: string): Promise<void> } }).__baseline.stream(base, 'sk-proj-BENCH-baseline', text), [url, prompt] as const),
      (page) => page.evaluate(() => document.getElementById('main')?.replaceChildren()))).subject,
    reactMarkdown: await contender(pagesContext, mock, 'react-markdown'),
    streamdown: await contender(pagesContext, mock, 'streamdown'),
  };
  const baselinePage = pagesContext.pages().find((page) => page.url().includes('/bench/baseline/')) as Page;
  const result: StreamingFigures = {
    totalTokens,
    runs: { app: { full: [], paced: [] }, baseline: { full: [], paced: [] }, reactMarkdown: { full: [], paced: [] }, streamdown: { full: [], paced: [] } },
    baselineRenderGrowth: [],
    baselineWholeReplyRenderMs: [],
  };
  // Warm-up at full speed: loads the chat chunks, the worker, the highlighter, and JIT-compiles every renderer.
  for (const name of SUBJECTS) await measureStream(subjects[name]('full'), totalTokens);
  for (let run = 0; run < runs; run += 1) {
    for (const speed of ['full', 'paced'] as const) {
      for (const name of SUBJECTS) result.runs[name][speed].push(await measureStream(subjects[name](speed), totalTokens));
      if (speed === 'paced') result.baselineRenderGrowth.push(await readBaselineRenderGrowth(baselinePage));
      else result.baselineWholeReplyRenderMs.push((await readBaselineRenders(baselinePage)).at(-1)?.ms ?? Number.NaN);
      const busy = SUBJECTS.map((name) => `${name} ${(result.runs[name][speed].at(-1)?.busyMs ?? Number.NaN).toFixed(0)}`).join(', ');
      console.log(`bench: stream run ${run + 1}/${runs} ${speed}: main-thread CPU ms: ${busy}`);
    }
  }
  await appContext.close();
  await pagesContext.close();
  return result;
}

async function contender(context: BrowserContext, mock: MockProviderServer, kind: string): Promise<(speed: Speed) => StreamSubject> {
  const { subject } = await pageSubject(context, mock, '/bench/contenders/index.html', '__contender',
    (page, url, prompt) => page.evaluate(([which, base, text]) => (window as unknown as ContenderWindow).__contender.stream(which, base, 'sk-proj-BENCH-contender', text), [kind, url, prompt] as const),
    async (page) => {
      await page.evaluate(() => (window as unknown as ContenderWindow).__contender.clear());
      await page.waitForFunction(() => document.querySelectorAll('.markdown-body').length === 0);
    });
  return subject;
}
