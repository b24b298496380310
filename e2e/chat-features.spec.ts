// Regenerate, edit-and-resend, tool calls, vision attachments, and the conversation list.
import { chatRequests, chooseModel, lastReply, reloadAndUnlock, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import type { MockProviderServer } from './mock-provider/server';

// A 1×1 PNG.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

test('Regenerate asks again keeping the old reply as a version, and Edit resends the message', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'First question');
  await waitForReplyEnd(page);
  await page.getByRole('button', { name: 'Regenerate' }).click();
  await expect.poll(() => chatRequests(mock).length).toBe(2);
  await waitForReplyEnd(page);
  await expect(page.getByTestId('assistant-message')).toHaveCount(1);
  await expect(lastReply(page).getByTestId('version-position')).toHaveText('2/2');

  await page.getByRole('button', { name: 'Edit message' }).click();
  await expect(page.getByRole('textbox', { name: 'Edited message' })).toHaveValue('First question');
  await page.getByRole('textbox', { name: 'Edited message' }).fill('Edited question');
  await page.getByRole('button', { name: 'Send edit' }).click();
  await expect.poll(() => chatRequests(mock).length).toBe(3);
  await waitForReplyEnd(page);
  await expect(page.getByTestId('user-message')).toHaveCount(1);
  await expect(page.getByTestId('user-message')).toHaveText(/Edited question/);
  expect(chatRequests(mock)[2]?.bodyText).toContain('Edited question');
  expect(chatRequests(mock)[2]?.bodyText).not.toContain('First question');
});

test('a tool call is shown with its name and JSON arguments, as a form while it waits and a block once passed by', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'Weather? [[mock:tool-call]]');
  await waitForReplyEnd(page);
  const form = lastReply(page).getByRole('form', { name: 'Answer the tool calls' });
  await expect(form).toContainText('Tool call: get_weather');
  await expect(form).toContainText('"city": "Paris"');
  // The mock called a tool this conversation never defined: say so rather than pretend to check it.
  await expect(form).toContainText('No tool named get_weather is defined');
  await sendMessage(page, 'Never mind, just say hi');
  await waitForReplyEnd(page, 2);
  const block = page.getByTestId('assistant-message').first().getByRole('figure');
  await expect(block).toContainText('Tool call: get_weather');
  await expect(block).toContainText('"city": "Paris"');
  // The abandoned call goes back described in words, never as a call without a result.
  expect(chatRequests(mock)[1]?.bodyText).toContain('[tool call get_weather');
});

const VISION_FORMATS = [
  { provider: 'openai', marker: '"image_url"' },
  { provider: 'anthropic', marker: '"type":"base64"' },
  { provider: 'google', marker: 'nline' },
] as const;

for (const { provider, marker } of VISION_FORMATS) {
  test(`${provider}: an image attachment goes out in the provider's image format`, async ({ page, mock }) => {
    await setUpChat(page, mock, [provider]);
    await chooseModel(page, provider);
    await page.locator('form[aria-label="Message composer"] input[type=file]').setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: PIXEL });
    await expect(page.getByRole('list', { name: 'Attached images' }).getByRole('img')).toHaveCount(1);
    await sendMessage(page, 'What is in this image?');
    await waitForReplyEnd(page);
    const body = chatRequests(mock)[0]?.bodyText ?? '';
    expect(body).toContain(marker);
    expect(body).toContain(PIXEL.toString('base64'));
    await expect(page.getByTestId('user-message').getByRole('img')).toHaveCount(1);
  });
}

test('an image is refused with a reason for a model without vision', async ({ page, mock }) => {
  await setUpChat(page, mock, ['mistral']);
  await chooseModel(page, 'mistral', 'mistral-small-latest');
  await page.locator('form[aria-label="Message composer"] input[type=file]').setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: PIXEL });
  await expect(page.getByRole('alert')).toContainText('cannot read images');
});

test('conversations can be renamed, searched by text, and deleted after confirming', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'About pelicans and their beaks');
  await waitForReplyEnd(page);
  await page.getByRole('link', { name: '+ New chat' }).click();
  await sendMessage(page, 'About volcanoes');
  await waitForReplyEnd(page);
  const list = page.getByRole('list', { name: 'Saved conversations' });
  await expect(list.getByRole('listitem')).toHaveCount(2);

  await page.getByRole('button', { name: 'Actions for About volcanoes' }).click();
  await page.getByRole('button', { name: 'Rename About volcanoes' }).click();
  await page.getByLabel('New title').fill('Lava notes');
  await page.getByLabel('New title').press('Enter');
  await expect(list.getByRole('link', { name: /Lava notes/ })).toBeVisible();
  await expect(page.getByTestId('conversation-title')).toHaveText('Lava notes');

  await page.getByLabel('Search conversations').fill('BEAKS');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('About pelicans');
  // The matching words show under the title as written, the term itself in a <mark>.
  const snippet = list.getByTestId('search-snippet');
  await expect(snippet).toBeVisible();
  await expect(snippet).toHaveText('About pelicans and their beaks');
  await expect(snippet.locator('mark')).toHaveText('beaks');
  await expect(snippet.locator('mark')).toBeVisible();
  await page.getByLabel('Search conversations').fill('');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByTestId('search-snippet')).toHaveCount(0);

  await page.getByRole('button', { name: 'Actions for Lava notes' }).click();
  await page.getByRole('button', { name: 'Delete Lava notes' }).click();
  await page.getByRole('group', { name: 'Delete Lava notes?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page).toHaveURL(/#\/chat$/);
});

/** One conversation saved from `message`; returns its search snippet in the list (shown while searching). */
async function conversationSnippet(page: Page, mock: MockProviderServer, message: string) {
  await setUpChat(page, mock);
  await sendMessage(page, message);
  await waitForReplyEnd(page);
  return page.getByRole('list', { name: 'Saved conversations' }).getByTestId('search-snippet');
}

test('a search snippet shows the text as written, the match marked even where lower case is longer (ẞ, İ)', async ({ page, mock }) => {
  const snippet = await conversationSnippet(page, mock, 'Wir fahren über die GROẞE STRAẞE nach İZMİR und Ankara');
  await page.getByLabel('Search conversations').fill('straße');
  await expect(snippet).toHaveText('Wir fahren über die GROẞE STRAẞE nach İZMİR und Ankara');
  await expect(snippet.locator('mark')).toHaveText('STRAẞE');
  // "İ" lower-cases to two code units: a match after it must still be marked on the right letters.
  await page.getByLabel('Search conversations').fill('ANKARA');
  await expect(snippet.locator('mark')).toHaveText('Ankara');
  await page.getByLabel('Search conversations').fill('İZMİR');
  await expect(snippet.locator('mark')).toHaveText('İZMİR');
});

test('search folds case and accents: "cafe" finds Café, "izmir" İZMİR, "strasse" STRAẞE, marked as written', async ({ page, mock }) => {
  const snippet = await conversationSnippet(page, mock, 'Un café crème à İZMİR, puis la GROẞE STRAẞE');
  const list = page.getByRole('list', { name: 'Saved conversations' });
  const search = page.getByLabel('Search conversations');
  const cases: Array<[string, string]> = [['cafe creme', 'café crème'], ['izmir', 'İZMİR'], ['strasse', 'STRAẞE'], ['A IZMIR', 'à İZMİR']];
  for (const [query, marked] of cases) {
    await search.fill(query);
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await expect(snippet).toHaveText('Un café crème à İZMİR, puis la GROẞE STRAẞE');
    await expect(snippet.locator('mark')).toHaveText(marked);
  }
  await search.fill('cafes');
  await expect(list.getByRole('listitem')).toHaveCount(0);
  // Still found after a reload and unlock, from the stored (encrypted) search text.
  await reloadAndUnlock(page);
  await page.getByLabel('Search conversations').fill('izmir');
  await expect(page.getByRole('list', { name: 'Saved conversations' }).getByTestId('search-snippet').locator('mark')).toHaveText('İZMİR');
});

test('export as Markdown and JSON; importing it back asks to replace or keep both', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'Exportable question');
  await waitForReplyEnd(page);
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [markdownDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'As Markdown (.md)' }).click()]);
  expect(markdownDownload.suggestedFilename()).toBe('exportable-question.md');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'As JSON (.json)' }).click()]);
  const jsonPath = await jsonDownload.path();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
  await chooser.setFiles(jsonPath);
  const question = page.getByRole('alertdialog', { name: 'This conversation is already here' });
  await expect(question).toContainText('“Exportable question” is already here');
  await question.getByRole('button', { name: 'Keep both' }).click();
  const rows = page.getByRole('list', { name: 'Saved conversations' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('user-message')).toContainText('Exportable question');

  const [again] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import' }).click()]);
  await again.setFiles(jsonPath);
  await question.getByRole('button', { name: 'Replace' }).click();
  await expect(question).toHaveCount(0);
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('user-message')).toContainText('Exportable question');
});
