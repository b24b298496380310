// security.md T46 (R31): a key must never sit in the clipboard for long. The app meets R31 by never
// putting a saved key on screen or in the clipboard at all: a key card shows the provider and the
// last 4 characters, and offers no copy action. This test is the tripwire for that design. Anyone
// who adds a "copy key" control, or shows a saved key, makes it fail, and must then build R31's
// auto-clear (30 s by default, best effort) with its own T46 test (copy, fast-forward 31 s, the
// clipboard no longer holds the key).
import { expect, test } from './support/fixtures';
import { addKey, createVault, keyCard, makeCanaryKey, PROVIDER_NAMES, unlockVault } from './support/vault-helpers';
import type { BYOKProvider } from '../src/byok/types';

/** The only actions a key card offers. A new one (a copy button above all) must pass review against R31. */
const KEY_CARD_ACTIONS = ['Re-verify', 'Replace key', 'Set budget', 'Remove'];
const PROVIDERS: BYOKProvider[] = ['openai', 'anthropic'];

test('T46: no saved key can reach the clipboard: no copy action on a key card, no key on screen to select', async ({ page, context, mock }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // Every clipboard write the page makes, whatever the API, is recorded.
  await page.addInitScript(() => {
    const written: string[] = ((window as unknown as { clipboardWrites: string[] }).clipboardWrites = []);
    const writeText = navigator.clipboard.writeText.bind(navigator.clipboard);
    navigator.clipboard.writeText = (text: string) => {
      written.push(text);
      return writeText(text);
    };
    document.addEventListener('copy', () => written.push(String(document.getSelection() ?? '')), { capture: true });
  });
  const keys = PROVIDERS.map((provider) => ({ provider, apiKey: makeCanaryKey(provider) }));
  await createVault(page);
  for (const { provider, apiKey } of keys) await addKey(page, provider, apiKey, mock.baseUrlFor(provider));
  await page.reload();
  await unlockVault(page);

  for (const { provider, apiKey } of keys) {
    const card = keyCard(page, provider);
    await expect(card).toBeVisible();
    // The card names the key by its last 4 characters only.
    await expect(card).toContainText(apiKey.slice(-4));
    await expect(card).not.toContainText(apiKey.slice(0, -4));
    const actions = await card.getByRole('button').allTextContents();
    expect(actions, `${PROVIDER_NAMES[provider]} key card actions (R31: a copy action needs clipboard auto-clear)`).toEqual(KEY_CARD_ACTIONS);
    await expect(card.getByRole('button', { name: /copy|show|reveal/i })).toHaveCount(0);
    // "Replace key" opens an empty field: the saved key is not put back on screen to copy.
    await card.getByRole('button', { name: 'Replace key' }).click();
    for (const value of await card.locator('input').evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))) {
      expect(value).not.toContain(apiKey.slice(0, -4));
    }
  }

  // Select the whole vault screen and copy it, as a user could: the clipboard gets the screen's
  // text (the control: the card headings are there), and no key.
  await page.evaluate(() => {
    document.getSelection()?.selectAllChildren(document.body);
    document.execCommand('copy');
  });
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard, 'the control: select-all and copy did copy the vault screen').toContain(`${PROVIDER_NAMES.anthropic}`);
  const writes = await page.evaluate(() => (window as unknown as { clipboardWrites: string[] }).clipboardWrites);
  expect(writes.length, 'the copy was seen').toBeGreaterThan(0);
  for (const { apiKey } of keys) {
    expect(clipboard).not.toContain(apiKey.slice(0, -4));
    for (const written of writes) expect(written).not.toContain(apiKey.slice(0, -4));
  }
});
