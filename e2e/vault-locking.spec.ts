import { expect, test } from './support/fixtures';
import { addKey, createVault, keyCard, lockVault, makeCanaryKey, unlockVault } from './support/vault-helpers';
import { waitForServiceWorkerControl } from './support/service-worker';

test('the vault locks itself after 15 idle minutes', async ({ page }) => {
  await page.clock.install();
  await createVault(page);
  await page.clock.fastForward('14:00');
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
  await page.clock.fastForward('01:01');
  await expect(page.getByRole('form', { name: 'Unlock vault' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Locked' })).toBeVisible();
});

test('the chosen auto-lock time applies and activity keeps the vault open', async ({ page }) => {
  await page.clock.install();
  await createVault(page);
  await page.getByLabel('Lock after inactivity').selectOption({ label: '1 minute' });
  await page.clock.fastForward('00:50');
  await page.getByRole('heading', { level: 1 }).click();
  await page.clock.fastForward('00:50');
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
  await page.clock.fastForward('00:15');
  await expect(page.getByRole('form', { name: 'Unlock vault' })).toBeVisible();
});

// R13's one-second budget is a speed target, so it is measured by the bench, not asserted here. This
// test checks that the other tab does lock: its idle lock is 15 minutes away, so within the wait
// below only the channel can lock it.
test('locking in one tab locks the other, and the channel carries no secret', async ({ context }) => {
  const first = await context.newPage();
  await createVault(first);
  const second = await context.newPage();
  await second.goto('/#/vault');
  await unlockVault(second);
  // A same-origin page without the app listens to the channel: what crosses tabs must carry no secret.
  const listener = await context.newPage();
  await listener.goto('/manifest.webmanifest');
  await listener.evaluate(() => {
    const heard: unknown[] = ((window as unknown as { heard: unknown[] }).heard = []);
    new BroadcastChannel('vivim-byok-vault').onmessage = (event) => heard.push(event.data);
  });

  await first.getByRole('button', { name: 'Lock', exact: true }).click();
  await expect(second.getByRole('form', { name: 'Unlock vault' })).toBeVisible({ timeout: 10_000 });
  await expect(second.getByRole('button', { name: 'Lock', exact: true })).toHaveCount(0);
  await expect.poll(() => listener.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual(['lock']);
});

test('offline with the service worker: reload, unlock, add, remove and lock all work; verification waits for the network', async ({ page, context, mock }) => {
  await createVault(page);
  await addKey(page, 'openai', makeCanaryKey('openai'), mock.baseUrlFor('openai'));
  await expect(keyCard(page, 'openai').getByText('Verified', { exact: true })).toBeVisible();
  await waitForServiceWorkerControl(page);

  await context.setOffline(true);
  await page.reload();
  await unlockVault(page);
  await addKey(page, 'google', makeCanaryKey('google'), mock.baseUrlFor('google'));
  await expect(keyCard(page, 'google').getByText('Not verified yet', { exact: true })).toBeVisible();
  await keyCard(page, 'openai').getByRole('button', { name: 'Remove' }).click();
  await keyCard(page, 'openai').getByRole('button', { name: 'Remove OpenAI key' }).click();
  await expect(keyCard(page, 'openai')).toHaveCount(0);
  await lockVault(page);
  await unlockVault(page);
  await expect(keyCard(page, 'google').getByText('Not verified yet', { exact: true })).toBeVisible();

  await context.setOffline(false);
  // Back online, the waiting key is checked on the `online` event or by the 15-second re-check.
  await expect(keyCard(page, 'google').getByText('Verified', { exact: true })).toBeVisible({ timeout: 25_000 });
  expect(mock.requests.some((request) => request.provider === 'google' && request.path.endsWith('/models'))).toBe(true);
});
