// security.md T18 (R18): the decrypted state lives in zustand stores in memory only. After unlock
// and a chat, nothing of it is persisted to Web Storage (no key, no message, no passphrase), and
// the production build carries no Redux DevTools bridge that could mirror the stores.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';
import { PASSPHRASE } from './support/vault-helpers';

test('T18: after unlock and a chat, Web Storage holds no secret or message', async ({ page, mock }) => {
  await setUpChat(page, mock, ['openai']);
  const message = `Remember the code word ${crypto.randomUUID()}`;
  await sendMessage(page, message);
  await waitForReplyEnd(page);
  // The control: a value written to Web Storage shows up in the same dump.
  await page.evaluate(() => sessionStorage.setItem('t18-control', 'CONTROL-VALUE'));

  const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
  expect(stored).toContain('CONTROL-VALUE');
  for (const secret of ['CANARY', PASSPHRASE, message, 'You said']) expect(stored, `Web Storage must not hold "${secret}"`).not.toContain(secret);
});

test('T18: the production build has no DevTools bridge for the stores', async () => {
  const assets = join(process.cwd(), 'dist', 'assets');
  const scripts = (await readdir(assets)).filter((name) => name.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const name of scripts) {
    const source = await readFile(join(assets, name), 'utf8');
    expect(source, `${name} must not connect to Redux DevTools`).not.toContain('__REDUX_DEVTOOLS_EXTENSION__');
  }
});
