// axe-core on the chat screen with real content (a reply, an error, the settings), light and dark,
// at phone and desktop widths.
import AxeBuilder from '@axe-core/playwright';
import { lastReply, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';

for (const colorScheme of ['light', 'dark'] as const) {
  for (const width of [375, 1440]) {
    test(`the chat screen has no axe violations (${colorScheme}, ${width} px)`, async ({ page, mock }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await setUpChat(page, mock);
      await sendMessage(page, 'Markdown please [[mock:markdown tokens=200]]');
      await waitForReplyEnd(page);
      await sendMessage(page, 'Again [[mock:error-429-rate retryAfter=3]]');
      await waitForReplyEnd(page, 2);
      await expect(lastReply(page).getByTestId('reply-error')).toBeVisible();
      await page.getByRole('button', { name: 'Settings' }).click();
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations).toEqual([]);
    });
  }
}
