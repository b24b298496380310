// One Chromium for the whole bench (the app and the baseline run in the same browser process),
// launched with the flags the e2e config uses, plus the CDP reads every figure shares.
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright';
import { findChromium } from '../../scripts/find-chromium.mjs';
import { PROBE_FILE } from './build-pages';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium() ?? undefined,
    // This machine's network is closed: keep Chromium from calling home at start.
    args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh profile (storage, service worker) with the probe injected into every page. */
export async function newBenchContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 } });
  await context.addInitScript({ path: PROBE_FILE });
  return context;
}

export interface Cdp {
  session: CDPSession;
  /** Main-thread busy time so far, ms (CDP Performance TaskDuration). */
  taskDuration(): Promise<number>;
  /** Used JS heap after a forced GC, bytes. */
  heapAfterGc(): Promise<number>;
  /** The DOM and the rest of the browser's own objects (Blink's heap, not V8's) after a forced GC, bytes. */
  embedderHeapAfterGc(): Promise<number>;
}

export async function attachCdp(page: Page): Promise<Cdp> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable', { timeDomain: 'threadTicks' });
  return {
    session,
    async taskDuration() {
      const { metrics } = await session.send('Performance.getMetrics');
      return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
    },
    async heapAfterGc() {
      await session.send('HeapProfiler.collectGarbage');
      await session.send('HeapProfiler.collectGarbage');
      const usage = await session.send('Runtime.getHeapUsage');
      return usage.usedSize;
    },
    async embedderHeapAfterGc() {
      await session.send('HeapProfiler.collectGarbage');
      // Newer than the protocol types Playwright ships; NaN where the browser does not report it.
      const usage = (await session.send('Runtime.getHeapUsage')) as { embedderHeapUsedSize?: number };
      return usage.embedderHeapUsedSize ?? Number.NaN;
    },
  };
}

export async function chromiumVersion(browser: Browser): Promise<string> {
  return browser.version();
}
