// Passkey unlock (security.md R10, T35–T37) with Chromium's virtual authenticator over CDP. WebAuthn
// refuses IP-address origins, so this file talks to the preview server as localhost.
import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { lastReply, sendMessage, waitForReplyEnd } from './support/chat-helpers';
import { PASSPHRASE, addKey, createVault, lockVault, makeCanaryKey, unlockVault } from './support/vault-helpers';

test.use({ baseURL: `http://localhost:${process.env.PREVIEW_PORT ?? 4173}` });

async function addAuthenticator(page: Page, options: Record<string, unknown>): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2', ctap2Version: 'ctap2_1', transport: 'internal', hasResidentKey: true, hasUserVerification: true,
      isUserVerified: true, automaticPresenceSimulation: true, ...options,
    },
  });
  return { cdp, authenticatorId };
}

async function addPasskey(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'Add passkey' });
  await form.getByLabel('Passkey name').fill('Test authenticator');
  await form.getByLabel('Passphrase (to add a passkey)').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Add a passkey' }).click();
}

test('T35/T37: create a passkey, lock, unlock with it, refuse it without user verification, unlock with the passphrase', async ({ page }) => {
  // Every WebAuthn call's user-verification setting, kept across the reloads that locks cause (R10: 'required').
  await page.addInitScript(() => {
    const record = (value: unknown) => sessionStorage.setItem('e2e-uv', JSON.stringify([...JSON.parse(sessionStorage.getItem('e2e-uv') ?? '[]'), value ?? 'unset']));
    const { create, get } = navigator.credentials;
    navigator.credentials.create = (options) => (record(options?.publicKey?.authenticatorSelection?.userVerification), create.call(navigator.credentials, options));
    navigator.credentials.get = (options) => (record(options?.publicKey?.userVerification), get.call(navigator.credentials, options));
  });
  await page.goto('/#/vault');
  const { cdp, authenticatorId } = await addAuthenticator(page, { hasPrf: true });
  await createVault(page);
  await addPasskey(page);
  await expect(page.getByText('Passkey added.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Remove Test authenticator' })).toBeVisible();

  await lockVault(page);
  await page.getByRole('button', { name: 'Unlock with a passkey' }).click();
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible({ timeout: 20_000 });

  await lockVault(page);
  await cdp.send('WebAuthn.setUserVerified', { authenticatorId, isUserVerified: false });
  await page.getByRole('button', { name: 'Unlock with a passkey' }).click();
  await expect(page.getByRole('alert')).toContainText('not verified', { timeout: 20_000 });
  await expect(page.getByRole('form', { name: 'Unlock vault' })).toBeVisible();
  const userVerification = JSON.parse(await page.evaluate(() => sessionStorage.getItem('e2e-uv') ?? '[]')) as string[];
  expect(userVerification.length, 'create, then two unlock attempts').toBeGreaterThanOrEqual(3);
  expect(new Set(userVerification), 'every WebAuthn call requires user verification').toEqual(new Set(['required']));

  // The passphrase always keeps working.
  await unlockVault(page);
});

test('T35: a key saved before the passkey decrypts after a passkey unlock (the same data key)', async ({ page, mock }) => {
  await page.goto('/#/vault');
  await addAuthenticator(page, { hasPrf: true });
  await createVault(page);
  await addKey(page, 'openai', makeCanaryKey('openai'), mock.baseUrlFor('openai'));
  await addPasskey(page);
  await expect(page.getByText('Passkey added.')).toBeVisible({ timeout: 20_000 });

  await lockVault(page);
  await page.getByRole('button', { name: 'Unlock with a passkey' }).click();
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible({ timeout: 20_000 });
  // A reply needs the stored key decrypted with the data key the passkey unwrapped.
  await page.goto('/#/chat');
  await sendMessage(page, 'Hello after a passkey unlock');
  await waitForReplyEnd(page);
  await expect(lastReply(page)).toHaveAttribute('data-status', 'complete');
  expect(mock.requests.filter((request) => request.method === 'POST').map((request) => request.outcome)).toEqual(['completed']);
});

test('T36: an hmac-secret authenticator (PRF only from get()) enrols through the second get() and unlocks', async ({ page }) => {
  await page.goto('/#/vault');
  await addAuthenticator(page, { hasHmacSecret: true });
  await createVault(page);
  await addPasskey(page);
  await expect(page.getByText('Passkey added.')).toBeVisible({ timeout: 20_000 });
  await lockVault(page);
  await page.getByRole('button', { name: 'Unlock with a passkey' }).click();
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible({ timeout: 20_000 });
});

test('T39: a passkey is removed freely; the passphrase has no remove control and still unlocks', async ({ page }) => {
  await page.goto('/#/vault');
  await addAuthenticator(page, { hasPrf: true });
  await createVault(page);
  await addPasskey(page);
  await expect(page.getByText('Passkey added.')).toBeVisible({ timeout: 20_000 });
  // Nothing on the vault screen offers to remove, disable or replace the passphrase by a passkey.
  await expect(page.getByRole('button', { name: /(remove|delete|disable|turn off).*passphrase|passkey only/i })).toHaveCount(0);

  await page.getByRole('button', { name: 'Remove Test authenticator' }).click();
  await expect(page.getByText('Passkey removed.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('list', { name: 'Passkeys' })).toHaveCount(0);
  await lockVault(page);
  await expect(page.getByRole('button', { name: 'Unlock with a passkey' })).toHaveCount(0);
  await unlockVault(page);
});

test('T36: an authenticator without PRF is refused with an explanation; the passphrase is unaffected', async ({ page }) => {
  await page.goto('/#/vault');
  await addAuthenticator(page, {});
  await createVault(page);
  await addPasskey(page);
  await expect(page.getByRole('alert')).toContainText('PRF', { timeout: 20_000 });
  await expect(page.getByRole('list', { name: 'Passkeys' })).toHaveCount(0);
  await lockVault(page);
  await expect(page.getByRole('button', { name: 'Unlock with a passkey' })).toHaveCount(0);
  await unlockVault(page);
});
