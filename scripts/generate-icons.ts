// Renders public/favicon.svg into the PNG icons the manifest lists, with the e2e Chromium.
// Run after changing the mark: `npx tsx scripts/generate-icons.ts`. The PNGs are committed.
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright';
import { findChromium } from './find-chromium.mjs';

const svg = await readFile(new URL('../public/favicon.svg', import.meta.url), 'utf8');

/** `inset` leaves the maskable safe zone (the inner 80 %) around the mark. */
const targets = [
  { file: 'public/icons/icon-192.png', size: 192, inset: 0, background: 'transparent' },
  { file: 'public/icons/icon-512.png', size: 512, inset: 0, background: 'transparent' },
  { file: 'public/icons/icon-maskable-512.png', size: 512, inset: 0.12, background: '#312e81' },
  { file: 'public/apple-touch-icon.png', size: 180, inset: 0, background: '#312e81' },
];

const browser = await chromium.launch({ executablePath: findChromium() ?? undefined });
const page = await browser.newPage();
for (const target of targets) {
  const markSize = Math.round(target.size * (1 - 2 * target.inset));
  await page.setViewportSize({ width: target.size, height: target.size });
  await page.setContent(
    `<body style="margin:0;background:${target.background};display:grid;place-items:center;height:100vh">` +
      `<div style="width:${markSize}px;height:${markSize}px">${svg.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
  );
  await page.screenshot({ path: target.file, omitBackground: target.background === 'transparent' });
  console.log(`wrote ${target.file}`);
}
await browser.close();
