// security.md T32 (R12): the idle timeout is checked at every use, not only by a timer. A hidden or
// frozen tab gets no timer callbacks, so the test recreates exactly that: the page's clock is paused
// (no timer can fire), the page goes frozen → active over CDP, and the clock jumps 16 minutes. The
// idle timer has not locked the vault (the Lock button is still there); then Send is pressed by a
// script (not a trusted input event, so no activity is recorded on the way). The send must be
// refused before any decrypt: no crypto.subtle.decrypt call, no provider request, the vault locked.
import { chatRequests, composerInput, setUpChat } from './support/chat-helpers';
import { expect, test } from './support/fixtures';
import { unlockVault } from './support/vault-helpers';

const DECRYPT_COUNT_KEY = 'e2e-decrypt-calls';

test('T32: after 16 minutes in which no timer could fire, a send is refused before any decrypt', async ({ page, mock }) => {
  // Counts every decrypt in sessionStorage, so the count survives the reload that follows a lock.
  await page.addInitScript((countKey) => {
    const decrypt = crypto.subtle.decrypt.bind(crypto.subtle);
    crypto.subtle.decrypt = (...args: Parameters<SubtleCrypto['decrypt']>) => {
      sessionStorage.setItem(countKey, String(Number(sessionStorage.getItem(countKey) ?? 0) + 1));
      return decrypt(...args);
    };
  }, DECRYPT_COUNT_KEY);
  await page.clock.install();
  await setUpChat(page, mock);
  await composerInput(page).fill('This must not leave the page');

  const pausedAt = await page.evaluate(() => Date.now()) + 1_000;
  await page.clock.pauseAt(pausedAt);
  // The T32 recipe. Chromium ignores a lifecycle change for a visible page (headless pages are
  // always visible), so the paused clock is what keeps every timer from firing, as a freeze would.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
  await cdp.send('Page.setWebLifecycleState', { state: 'active' });
  await page.clock.setSystemTime(pausedAt + 16 * 60_000);

  // No timer noticed: the page still shows an open vault, so only a check at use can refuse.
  await expect(page.getByRole('button', { name: 'Lock', exact: true })).toBeVisible();
  const decryptsBefore = await page.evaluate((countKey) => Number(sessionStorage.getItem(countKey) ?? 0), DECRYPT_COUNT_KEY);
  await page.evaluate(() => ((window as unknown as { beforeSend: boolean }).beforeSend = true));
  await page.getByRole('button', { name: 'Send', exact: true }).evaluate((button: HTMLButtonElement) => button.click());

  // Refused means locked, wiped and reloaded; the new page needs running timers to start up.
  // (An evaluate that meets the navigation half-way counts as "not reloaded yet".)
  await expect.poll(() => page.evaluate(() => (window as unknown as { beforeSend?: boolean }).beforeSend ?? false).catch(() => true), { message: 'the refused send locked the vault and reloaded the page' }).toBe(false);
  await page.clock.resume();
  await expect(page.getByRole('form', { name: 'Unlock vault' })).toBeVisible();
  expect(chatRequests(mock), 'no provider request was made').toEqual([]);
  const decryptsAfter = await page.evaluate((countKey) => Number(sessionStorage.getItem(countKey) ?? 0), DECRYPT_COUNT_KEY);
  expect(decryptsAfter - decryptsBefore, 'decrypt calls after the 16 minutes').toBe(0);

  // The vault opens again with the passphrase, and the refused message was never sent.
  await unlockVault(page);
  expect(chatRequests(mock)).toEqual([]);
});
