// Stop keeps the text, a cut-off keeps the text and says so, and every HTTP error shows its own
// words (describeError) and the action that fixes it, in place, with Retry.
import { chatRequests, composerInput, lastReply, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';

test('Stop mid-stream keeps the text and marks the reply stopped', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'Long answer please [[mock:text tokens=300 tps=20]]');
  const reply = lastReply(page);
  await expect.poll(async () => (await reply.innerText()).split(/\s+/).length, { timeout: 10_000 }).toBeGreaterThan(8);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(reply).toHaveAttribute('data-status', 'stopped');
  await expect(reply.getByTestId('reply-status')).toContainText('Stopped');
  const kept = await reply.locator('.markdown-body').innerText();
  expect(kept.split(/\s+/).length).toBeGreaterThan(8);
  await expect(reply.getByTestId('reply-error')).toHaveCount(0);
  await expect.poll(() => chatRequests(mock)[0]?.outcome).toBe('client-closed');
});

test('Esc stops the reply from the composer', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'Long answer please [[mock:text tokens=300 tps=20]]');
  await expect.poll(async () => (await lastReply(page).innerText()).length, { timeout: 10_000 }).toBeGreaterThan(20);
  await composerInput(page).press('Escape');
  await expect(lastReply(page)).toHaveAttribute('data-status', 'stopped');
});

test('a cut-off stream keeps the text and shows STREAM_INTERRUPTED', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'Go [[mock:cut-off]]');
  await waitForReplyEnd(page);
  const reply = lastReply(page);
  await expect(reply).toHaveAttribute('data-status', 'interrupted');
  expect((await reply.locator('.markdown-body').innerText()).trim().length).toBeGreaterThan(0);
  await expect(reply.getByTestId('reply-error')).toHaveAttribute('data-code', 'STREAM_INTERRUPTED');
  await expect(reply.getByTestId('reply-error')).toContainText('The reply was cut off');
  await expect(reply.getByRole('button', { name: 'Retry' })).toBeVisible();
});

const ERROR_CASES = [
  { scenario: 'error-401', code: 'INVALID_API_KEY', text: 'OpenAI rejected the key', action: (reply: ReturnType<typeof lastReply>) => expect(reply.getByRole('link', { name: 'Re-enter the key in the vault' })).toHaveAttribute('href', '#/vault') },
  { scenario: 'error-429-rate retryAfter=7', code: 'RATE_LIMITED', text: 'rate limiting', action: (reply: ReturnType<typeof lastReply>) => expect(reply.getByTestId('auto-retry')).toContainText(/Retrying by itself in [1-7] s/) },
  { scenario: 'error-429-quota', code: 'INSUFFICIENT_QUOTA', text: 'out of credit', action: null },
  { scenario: 'error-404', code: 'MODEL_NOT_FOUND', text: 'Model not available', action: (reply: ReturnType<typeof lastReply>) => expect(reply.getByRole('button', { name: 'Pick another model' })).toBeVisible() },
  { scenario: 'error-400-context', code: 'CONTEXT_TOO_LONG', text: 'too long for this model', action: (reply: ReturnType<typeof lastReply>) => expect(reply.getByRole('link', { name: 'start a new conversation' })).toBeVisible() },
  { scenario: 'error-500', code: 'SERVER_ERROR', text: 'server error', action: null },
  { scenario: 'error-503', code: 'PROVIDER_OVERLOADED', text: 'overloaded', action: null },
] as const;

for (const errorCase of ERROR_CASES) {
  test(`${errorCase.scenario} shows ${errorCase.code} with its action and Retry`, async ({ page, mock }) => {
    await setUpChat(page, mock);
    await sendMessage(page, `Hello [[mock:${errorCase.scenario}]]`);
    await waitForReplyEnd(page);
    const reply = lastReply(page);
    await expect(reply).toHaveAttribute('data-status', 'error');
    const error = reply.getByTestId('reply-error');
    await expect(error).toHaveAttribute('data-code', errorCase.code);
    await expect(error).toContainText(errorCase.text);
    if (errorCase.action) await errorCase.action(reply);
    await expect(reply.getByRole('button', { name: /^Retry( now)?$/ })).toBeVisible();
  });
}

test('a rate limit counts down, retries once by itself, and the countdown can be cancelled', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await sendMessage(page, 'Hello [[mock:error-429-rate retryAfter=2]]');
  await waitForReplyEnd(page);
  await expect(lastReply(page).getByTestId('auto-retry')).toBeVisible();
  await expect.poll(() => chatRequests(mock).length, { timeout: 10_000 }).toBe(2);
  await waitForReplyEnd(page);
  // The retry was rate limited too: it says so and leaves the next try to the person.
  await expect(lastReply(page).getByTestId('reply-error')).toHaveAttribute('data-code', 'RATE_LIMITED');
  await expect(lastReply(page).getByTestId('auto-retry')).toHaveCount(0);
  await page.waitForTimeout(2500);
  expect(chatRequests(mock)).toHaveLength(2);

  await sendMessage(page, 'Again [[mock:error-429-rate retryAfter=2]]');
  await expect(page.getByTestId('assistant-message')).toHaveCount(2);
  await lastReply(page).getByRole('button', { name: 'Cancel retry' }).click();
  await page.waitForTimeout(3000);
  expect(chatRequests(mock)).toHaveLength(3);
});

test('a network failure says to check the connection and CORS, and Retry sends again', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await page.route('**/openai/v1/chat/completions', (route) => route.abort('connectionrefused'));
  await sendMessage(page, 'Hello there');
  await waitForReplyEnd(page);
  const error = lastReply(page).getByTestId('reply-error');
  await expect(error).toHaveAttribute('data-code', 'NETWORK_ERROR');
  await expect(error).toContainText('CORS');
  await page.unroute('**/openai/v1/chat/completions');
  await lastReply(page).getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('assistant-message')).toHaveCount(1);
  await expect(lastReply(page)).toHaveAttribute('data-status', 'complete', { timeout: 15_000 });
  expect(chatRequests(mock)).toHaveLength(1);
});
