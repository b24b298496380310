// The composer's model picker: fuzzy search with prices, and the default from the Models screen is
// the model a new chat really sends to, even one the pricing table does not know.
import { chatRequests, composerInput, modelButton, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';

test('"gpt5" finds the GPT-5.x models, with price, context and capabilities', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await modelButton(page).click();
  const search = page.getByRole('combobox', { name: 'Search models' });
  await expect(search).toBeFocused();
  await search.fill('gpt5');
  const options = page.getByRole('option');
  await expect(options.first()).toBeVisible();
  const names = await options.allInnerTexts();
  expect(names.length).toBeGreaterThan(2);
  for (const name of names) expect(name).toMatch(/^GPT-5/);
  await expect(options.first()).toContainText(/\$[\d.]+ \/ \$[\d.]+ per 1M/);
  await expect(options.first()).toContainText('context');
  await expect(options.first()).toContainText('reasoning');
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect(modelButton(page)).toHaveAccessibleName(`Model: ${names[1]?.split('\n')[0]?.trim()}`);
});

test('the default set to an unpriced live model is the one a new chat sends to', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await page.goto('/#/models');
  const button = page.getByRole('button', { name: 'Make default: gpt-mock-unpriced (OpenAI)' });
  await expect(button).toBeVisible({ timeout: 15_000 });
  await button.click();
  await page.goto('/#/chat');
  await expect(modelButton(page)).toHaveAccessibleName('Model: gpt-mock-unpriced');
  await modelButton(page).click();
  await page.getByRole('combobox', { name: 'Search models' }).fill('unpriced');
  await expect(page.getByRole('option')).toContainText('price unknown');
  await page.keyboard.press('Escape');
  await sendMessage(page, 'Which model are you?');
  await waitForReplyEnd(page);
  expect(chatRequests(mock)[0]?.json).toMatchObject({ model: 'gpt-mock-unpriced' });
  await expect(composerInput(page)).toBeVisible();
});
