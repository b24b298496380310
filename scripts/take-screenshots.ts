// Screenshots of the real app for the README and for review: each screen with data in it, at a
// phone (375 px) and a desktop (1440 px) width, light and dark, against the local mock provider.
// Needs a running preview (`npm start`): `npx tsx scripts/take-screenshots.ts [baseUrl]`.
import { mkdir } from 'node:fs/promises';
import { chromium, type Locator, type Page } from 'playwright';
import { startMockProviderServer } from '../e2e/mock-provider/server';
import { chooseModel, sendMessage, waitForReplyEnd } from '../e2e/support/chat-helpers';
import { addKey, createVault, makeCanaryKey } from '../e2e/support/vault-helpers';
import { findChromium } from './find-chromium.mjs';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4173';
const VIEWPORTS = { phone: { width: 375, height: 812 }, desktop: { width: 1440, height: 900 } } as const;

/** The region's box on the whole page, so the sticky app header never covers its top. */
async function documentBox(page: Page, region: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await region.boundingBox();
  if (!box) throw new Error('The region to capture is not on screen');
  return box;
}

/** The whole viewport, or only `region` (scrolled into view) when a screen part is the subject. */
async function captureEverywhere(page: Page, screen: string, region?: Locator): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const [label, viewport] of Object.entries(VIEWPORTS)) {
      await page.setViewportSize(viewport);
      await page.waitForTimeout(200);
      const path = `docs/screenshots/${screen}-${label}-${colorScheme}.png`;
      if (region) await page.screenshot({ path, fullPage: true, clip: await documentBox(page, region) });
      else await page.screenshot({ path });
      console.log(`wrote ${path}`);
    }
  }
}

await mkdir('docs/screenshots', { recursive: true });
const mock = await startMockProviderServer();
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined });
const page = await browser.newPage({ baseURL: baseUrl, viewport: VIEWPORTS.desktop });
try {
  await createVault(page);
  for (const provider of ['openai', 'anthropic', 'mistral'] as const) await addKey(page, provider, makeCanaryKey(provider), mock.baseUrlFor(provider));
  await page.getByText('Verified', { exact: true }).first().waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await captureEverywhere(page, 'vault');

  await page.goto('/#/chat');
  await chooseModel(page, 'anthropic');
  await sendMessage(page, 'What does a vault do?');
  await waitForReplyEnd(page);
  await sendMessage(page, 'Show me a small TypeScript function and a price table, please.\n[[mock:markdown tokens=300]]');
  await waitForReplyEnd(page, 2);
  await captureEverywhere(page, 'chat');

  // The spend view after the replies above: this month's total, per provider and model, the charts.
  await page.goto('/#/vault');
  const spend = page.getByRole('region', { name: 'Spend' });
  await spend.getByTestId('spend-month-total').waitFor();
  await captureEverywhere(page, 'spend', spend);

  await page.goto('/#/models');
  await page.getByText('Merged the live model lists', { exact: false }).waitFor();
  await captureEverywhere(page, 'models');
} finally {
  await browser.close();
  await mock.close();
}
