// Every provider: a reply streams in progressively, then its tokens and cost match the mock's
// usage and the pricing table; the conversation header keeps the running total.
import { calculateCost, formatCost } from '../src/byok/provider-config';
import { BYOK_PROVIDERS } from '../src/byok/types';
import { countRequestInputTokens } from './mock-provider/token-count';
import { CHAT_MODELS, chatRequests, chooseModel, lastReply, modelButton, reloadAndUnlock, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';

const OUTPUT_TOKENS = 40;

for (const provider of BYOK_PROVIDERS) {
  test(`${provider}: a reply streams in progressively, then tokens and cost match`, async ({ page, mock }) => {
    await setUpChat(page, mock, [provider]);
    await chooseModel(page, provider);
    await sendMessage(page, `Tell me about streaming [[mock:text tokens=${OUTPUT_TOKENS} tps=16]]`);

    const reply = lastReply(page);
    // Partial text is on screen while the stream is still running.
    await expect(reply).toHaveAttribute('data-status', 'streaming');
    await expect.poll(async () => (await reply.innerText()).split(/\s+/).length, { timeout: 10_000 }).toBeGreaterThan(5);
    await expect(reply).toHaveAttribute('data-status', 'streaming');
    await expect(page.getByRole('button', { name: 'Stop' })).toBeVisible();

    await waitForReplyEnd(page);
    await expect(reply).toHaveAttribute('data-status', 'complete');
    const [request] = chatRequests(mock);
    const inputTokens = countRequestInputTokens(provider, request?.json);
    const cost = calculateCost(provider, CHAT_MODELS[provider], inputTokens, OUTPUT_TOKENS);
    expect(cost).not.toBeNull();
    await expect(reply.getByTestId('input-tokens')).toHaveText(String(inputTokens));
    await expect(reply.getByTestId('output-tokens')).toHaveText(String(OUTPUT_TOKENS));
    await expect(reply.getByTestId('cost')).toHaveText(formatCost(cost ?? 0));
    await expect(reply.getByTestId('first-token')).toHaveText(/\d+(\.\d)? m?s/);
    await expect(reply.getByTestId('total-time')).toHaveText(/\d+(\.\d)? m?s/);
    await expect(page.getByTestId('conversation-total')).toContainText(`Total ${formatCost(cost ?? 0)}`);
  });
}

test('the running total adds up over two replies, and the model is remembered', async ({ page, mock }) => {
  await setUpChat(page, mock, ['openai']);
  await chooseModel(page, 'openai', 'gpt-4o-mini');
  await sendMessage(page, 'First [[mock:text tokens=20]]');
  await waitForReplyEnd(page);
  await sendMessage(page, 'Second [[mock:text tokens=30]]');
  await waitForReplyEnd(page, 2);
  const [first, second] = chatRequests(mock);
  const total = [[first, 20], [second, 30]].reduce((sum, [request, output]) => {
    const input = countRequestInputTokens('openai', (request as { json: unknown }).json);
    return sum + (calculateCost('openai', 'gpt-4o-mini', input, output as number) ?? 0);
  }, 0);
  await expect(page.getByTestId('conversation-total')).toContainText(`Total ${formatCost(total)}`);
  expect((second?.json as { model: string }).model).toBe('gpt-4o-mini');
  await reloadAndUnlock(page);
  await expect(modelButton(page)).toHaveAccessibleName('Model: GPT-4o Mini');
  await expect(page.getByTestId('conversation-total')).toContainText(`Total ${formatCost(total)}`);
});

test('the reply is fetched and decoded in a worker: the page itself makes no provider request', async ({ page, mock }) => {
  // Records every fetch the page's own window makes (the worker has a fetch of its own).
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { __pageFetches: string[] }).__pageFetches = calls;
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      calls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      return original(input, init);
    };
  });
  await setUpChat(page, mock, ['openai']);
  await sendMessage(page, 'Stream this from the worker [[mock:text tokens=30 tps=60]]');
  await waitForReplyEnd(page);
  await expect(lastReply(page)).toHaveAttribute('data-status', 'complete');
  expect(chatRequests(mock)).toHaveLength(1);
  expect(page.workers().map((worker) => worker.url()).some((url) => url.includes('stream-worker'))).toBe(true);
  const pageFetches = await page.evaluate(() => (window as unknown as { __pageFetches: string[] }).__pageFetches);
  expect(pageFetches.filter((url) => url.includes('/chat/completions'))).toEqual([]);
});
