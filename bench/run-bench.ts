// `npm run bench [-- --runs N] [--skip-build] [--only b1,b5,b6,b7,stream,b8,b9,locks]`: builds the app,
// serves it with `vite preview` on 4191 (4173 is the e2e tests'; 4190 is on the
// browsers' unsafe-port list, so fetch and Chromium refuse it), starts the mock provider, drives one headless Chromium
// and writes bench/report.json and bench/report.md. An instrument, not a test: it exits 0
// whatever the figures say (and still writes a report when a group fails, saying so).
import { cpus } from 'node:os';
import type { Browser } from 'playwright';
import type { MockProviderServer } from '../e2e/mock-provider/server';
import { APP_COPY, prepareAppCopy } from './lib/build-pages';
import { chromiumVersion, launchBrowser } from './lib/browser';
import { parseOptions, wants, type BenchOptions } from './lib/cli';
import { firstLoadFigures, historyFigures, offlineFigures, streamingFigures, heapFigures, historyStreamFigures, lockFigures } from './lib/figure-sets';
import { writeReports, type Figure, type Report } from './lib/report';
import { buildApp, startMock, startPreview } from './lib/servers';
import { measureFirstLoad } from './figures/first-load';
import { measureOfflineStart } from './figures/offline-start';
import { measureUnlockAndHistory } from './figures/unlock-history';
import { measureStreaming } from './figures/streaming';
import { measureHeap } from './figures/heap';
import { measureStreamWithHistory } from './figures/stream-with-history';
import { measureLocks } from './figures/lock-timing';

interface Collected {
  figures: Figure[];
  details: Record<string, unknown>;
  notes: string[];
}

interface Group {
  name: string;
  run(browser: Browser, origin: string, mock: MockProviderServer, options: BenchOptions, out: Collected): Promise<void>;
}

const GROUPS: Group[] = [
  { name: 'b1', async run(browser, origin, _mock, _options, out) {
    const result = await measureFirstLoad(browser, origin);
    out.details.b1 = result;
    out.figures.push(...firstLoadFigures(result));
  } },
  { name: 'b6', async run(browser, origin, _mock, options, out) {
    out.figures.push(...offlineFigures(await measureOfflineStart(browser, origin, options.runs)));
  } },
  { name: 'b5', async run(browser, origin, mock, options, out) {
    const result = await measureUnlockAndHistory(browser, origin, mock, options.runs);
    out.details.history = result;
    out.figures.push(...historyFigures(result, out.notes));
  } },
  { name: 'stream', async run(browser, origin, mock, options, out) {
    const result = await measureStreaming(browser, origin, mock, options.runs);
    out.details.streaming = result;
    out.figures.push(...streamingFigures(result, out.notes));
  } },
  { name: 'b8', async run(browser, origin, mock, _options, out) {
    const result = await measureHeap(browser, origin, mock);
    out.details.heap = result;
    out.figures.push(...heapFigures(result, out.notes));
  } },
  { name: 'b9', async run(browser, origin, mock, options, out) {
    const result = await measureStreamWithHistory(browser, origin, mock, options.runs);
    out.details.b9 = result;
    out.figures.push(...historyStreamFigures(result, out.notes));
  } },
  { name: 'locks', async run(browser, origin, mock, options, out) {
    const result = await measureLocks(browser, origin, mock, options.runs);
    out.details.locks = result;
    out.figures.push(...lockFigures(result));
  } },
];

async function runGroups(browser: Browser, origin: string, mock: MockProviderServer, options: BenchOptions, out: Collected): Promise<void> {
  for (const group of GROUPS) {
    // B7 is measured with B5 on the same seeded profile.
    if (!wants(options, group.name) && !(group.name === 'b5' && wants(options, 'b7'))) continue;
    const started = Date.now();
    try {
      await group.run(browser, origin, mock, options, out);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n').slice(0, 3).join(' ') : String(error);
      out.notes.push(`Group ${group.name} failed and its figures are missing: ${message}`);
    }
    console.log(`bench: ${group.name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  if (!options.skipBuild) {
    console.log('bench: npm run build');
    await buildApp();
  }
  await prepareAppCopy();
  const preview = await startPreview(options.port, APP_COPY);
  const mock = await startMock();
  const browser = await launchBrowser();
  const out: Collected = { figures: [], details: {}, notes: [] };
  try {
    await runGroups(browser, preview.origin, mock, options, out);
    const report: Report = {
      generatedAt: new Date().toISOString(), runs: options.runs, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown',
      chromium: await chromiumVersion(browser), durationSeconds: Math.round((Date.now() - started) / 1000), ...out,
    };
    await writeReports(report);
    console.log(`bench: wrote bench/report.json and bench/report.md in ${report.durationSeconds} s`);
  } finally {
    await browser.close();
    await mock.close();
    preview.close();
  }
}

main().catch((error: unknown) => {
  // Only a bench that could not run at all (build, preview, browser) fails; figures never do.
  console.error('bench: could not run:', error);
  process.exitCode = 1;
});
