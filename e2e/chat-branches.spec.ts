// Edit any message and regenerate any reply: earlier versions are kept ("‹ 2/3 ›"), stored
// encrypted, survive a reload, and the export follows the version on screen.
import { chatRequests, lastReply, reloadAndUnlock, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';

test('edit the first message of a 3-turn chat, regenerate twice, switch versions, reload keeps them', async ({ page, mock }) => {
  await setUpChat(page, mock);
  for (const [index, question] of ['Tell me about owls', 'And their feathers?', 'And their eyes?'].entries()) {
    await sendMessage(page, question);
    await waitForReplyEnd(page, index + 1);
  }
  const firstMessage = page.getByTestId('user-message').first();
  await firstMessage.getByRole('button', { name: 'Edit message' }).click();
  await page.getByRole('textbox', { name: 'Edited message' }).fill('Tell me about penguins');
  await page.getByRole('button', { name: 'Send edit' }).click();
  await expect.poll(() => chatRequests(mock).length).toBe(4);
  await waitForReplyEnd(page, 1);
  await expect(page.getByTestId('user-message')).toHaveCount(1);
  await expect(firstMessage.getByTestId('version-position')).toHaveText('2/2');
  expect(chatRequests(mock)[3]?.bodyText).toContain('penguins');
  expect(chatRequests(mock)[3]?.bodyText).not.toContain('owls');

  for (const count of [5, 6]) {
    await lastReply(page).getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => chatRequests(mock).length).toBe(count);
    await waitForReplyEnd(page, 1);
  }
  await expect(lastReply(page).getByTestId('version-position')).toHaveText('3/3');
  await lastReply(page).getByRole('button', { name: 'Previous version of this reply' }).click();
  await expect(lastReply(page).getByTestId('version-position')).toHaveText('2/3');

  // Back to the original branch: the three owl turns are there again.
  await firstMessage.getByRole('button', { name: 'Previous version of this message' }).click();
  await expect(page.getByTestId('user-message')).toHaveCount(3);
  await expect(firstMessage).toContainText('owls');
  await expect(firstMessage.getByTestId('version-position')).toHaveText('1/2');

  await reloadAndUnlock(page);
  await expect(page.getByTestId('user-message')).toHaveCount(3);
  await expect(page.getByTestId('user-message').first().getByTestId('version-position')).toHaveText('1/2');
  await page.getByTestId('user-message').first().getByRole('button', { name: 'Next version of this message' }).click();
  await expect(page.getByTestId('user-message')).toHaveCount(1);
  await expect(page.getByTestId('user-message').first()).toContainText('penguins');
  await expect(lastReply(page).getByTestId('version-position')).toHaveText('2/3');

  await reloadAndUnlock(page);
  await expect(page.getByTestId('user-message').first()).toContainText('penguins');
  await expect(lastReply(page).getByTestId('version-position')).toHaveText('2/3');
});

test('math renders as MathML with no inline style, and a .png holding text is refused clearly', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'Euler says $e^{i\\pi} + 1 = 0$ and $$\\frac{a}{b}$$');
  await waitForReplyEnd(page);
  // The mock echoes the prompt's first words, math included, into its Markdown reply.
  const math = lastReply(page).locator('.markdown-body math');
  await expect(math.first()).toBeVisible();
  expect(await lastReply(page).locator('.markdown-body [style]').count()).toBe(0);
  await expect(page.getByTestId('user-message')).toContainText('$e^{i\\pi} + 1 = 0$');

  await page.locator('form[aria-label="Message composer"] input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('this is only text, not a picture') });
  await expect(page.getByRole('alert')).toContainText('photo.png is not a PNG, JPEG, GIF or WebP image');
  await expect(page.getByRole('list', { name: 'Attached images' })).toHaveCount(0);
});
