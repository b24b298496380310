// security.md T27/T28: the XSS corpus streamed as a model reply runs nothing, opens no dialog and
// fetches nothing from attacker.example; links are safe and images are never loaded.
import { lastReply, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';

test('the XSS corpus as a streamed reply is inert', async ({ page, mock }) => {
  const attackerRequests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => { if (request.url().includes('attacker.example')) attackerRequests.push(request.url()); });
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  await setUpChat(page, mock);
  await sendMessage(page, 'Show me [[mock:xss tps=200]]');
  await waitForReplyEnd(page);
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute('data-status', 'complete');
  await expect(reply).toContainText('[image removed: a]');
  await expect(reply).toContainText('<script>window.__pwned=1</script>');

  // Click every link the reply kept: none may run script.
  for (const link of await reply.locator('.markdown-body a').all()) {
    expect(await link.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  }
  const body = reply.locator('.markdown-body');
  await expect(body.locator('script, iframe, svg, img, details, object, embed')).toHaveCount(0);
  // Math is typeset (KaTeX, MathML only), but nothing inside it links, loads or carries a style.
  await expect(body.locator('math [href], math mglyph, math maction, math [style], math [src]')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  expect(attackerRequests).toEqual([]);
  await expect(page).toHaveURL(/#\/chat\//);
});
