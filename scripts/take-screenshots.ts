// Screenshots of each screen at a phone and a desktop width, for the README and for review.
// Needs a running preview (`npm start`): `npx tsx scripts/take-screenshots.ts [baseUrl]`.
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright';
import { findChromium } from './find-chromium.mjs';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:4173';
const widths = { phone: { width: 375, height: 812 }, desktop: { width: 1440, height: 900 } };
const screens = ['vault', 'models', 'chat'];

await mkdir('docs/screenshots', { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium() ?? undefined });
for (const colorScheme of ['light', 'dark'] as const) {
  for (const [label, viewport] of Object.entries(widths)) {
    const page = await browser.newPage({ viewport, colorScheme });
    for (const screen of screens) {
      await page.goto(`${baseUrl}/#/${screen}`);
      await page.locator('main h1').waitFor();
      const path = `docs/screenshots/${screen}-${label}-${colorScheme}.png`;
      await page.screenshot({ path });
      console.log(`wrote ${path}`);
    }
    await page.close();
  }
}
await browser.close();
