import { expect, test } from '@playwright/test';
import { waitForServiceWorkerControl } from './support/service-worker';

test('the manifest is served with the fields an installable app needs', async ({ request }) => {
  const response = await request.get('/manifest.webmanifest');
  expect(response.status()).toBe(200);
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: 'VIVIM BYOK',
    short_name: expect.any(String),
    description: expect.stringContaining('API keys'),
    start_url: expect.any(String),
    display: 'standalone',
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
  });
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest.icons.some((icon: { purpose?: string }) => icon.purpose?.includes('maskable'))).toBe(true);
});

test('every icon the manifest and the page name answers 200 with a PNG of its declared size', async ({ request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  for (const icon of manifest.icons as Array<{ src: string; sizes: string; type: string }>) {
    const response = await request.get(`/${icon.src}`);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()['content-type']).toContain('image/png');
    const bytes = await response.body();
    // PNG signature, then the IHDR chunk's width and height.
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    const [width, height] = icon.sizes.split('x').map(Number);
    expect(bytes.readUInt32BE(16)).toBe(width);
    expect(bytes.readUInt32BE(20)).toBe(height);
  }
  for (const path of ['/favicon.svg', '/apple-touch-icon.png']) {
    expect((await request.get(path)).status(), path).toBe(200);
  }
});

test('the built page has no inline script and the worker precaches the shell', async ({ request }) => {
  const html = await (await request.get('/')).text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/\son[a-z]+=/i);
  const worker = await (await request.get('/sw.js')).text();
  expect(worker).toContain('index.html');
  expect(worker).not.toMatch(/registerRoute\([^)]*https?:/);
});

test('after the service worker activates, every route opens offline', async ({ page, context }) => {
  await page.goto('/#/vault');
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);

  for (const [hash, heading] of [['#/vault', 'Key vault'], ['#/models', 'Models'], ['#/chat', 'Chat']] as const) {
    await page.goto(`/${hash}`);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  }
  await context.setOffline(false);
});
