// B6: offline cold start. A profile with a vault and an active service worker goes offline; each
// run opens a NEW page at #/vault and reads, from the probe, when the unlock form was first
// painted with its passphrase field enabled. performance.now() counts from navigation start.
import type { Browser, Page } from 'playwright';
import { newBenchContext } from '../lib/browser';
import { createVaultInUi } from '../lib/vault-ui';


async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (await page.evaluate(() => navigator.serviceWorker.controller !== null)) return;
  await page.reload();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

async function coldStart(page: Page): Promise<number> {
  await page.goto('/#/vault', { waitUntil: 'commit' });
  await page.waitForFunction(() => typeof (window as { __bench?: unknown }).__bench === 'object');
  const controlled = await page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!controlled) throw new Error('the offline page is not controlled by the service worker');
  return page.evaluate(() => (window as unknown as { __bench: { unlockReadyAt(): Promise<number> } }).__bench.unlockReadyAt());
}

/** Returns one time per run, warm-up excluded. */
export async function measureOfflineStart(browser: Browser, origin: string, runs: number): Promise<number[]> {
  const context = await newBenchContext(browser, origin);
  const setup = await context.newPage();
  await createVaultInUi(setup);
  await waitForServiceWorkerControl(setup);
  await context.setOffline(true);
  const times: number[] = [];
  for (let run = 0; run <= runs; run += 1) {
    const page = await context.newPage();
    const ms = await coldStart(page);
    if (run > 0) times.push(ms);
    await page.close();
  }
  await context.close();
  return times;
}
