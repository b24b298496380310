// Reasoning and tools against the mock, for each provider (issue 13): thinking streams before the
// answer and folds away after it; effort "high" goes out in the provider's own field; a tool the
// user defines is called, the user types its result, and the next request carries it in the
// provider's shape before the model's answer shows.
import type { BYOKProvider } from '../src/byok/types';
import { chatRequests, chooseModel, composerInput, lastReply, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';

interface ReasoningCase {
  provider: BYOKProvider;
  model: string;
  effortIn: (body: Record<string, unknown>) => unknown;
  /** The tool result as the provider expects it in the next request. */
  resultIn: (body: Record<string, unknown>) => unknown;
  resultShape: unknown;
}

const at = (value: unknown, ...path: Array<string | number>): unknown =>
  path.reduce<unknown>((current, key) => (current as Record<string | number, unknown> | undefined)?.[key], value);
const lastOf = (value: unknown): unknown => (Array.isArray(value) ? value.at(-1) : undefined);

const CASES: ReasoningCase[] = [
  {
    provider: 'openai', model: 'o3-pro',
    effortIn: (body) => at(body, 'reasoning', 'effort'),
    resultIn: (body) => lastOf(body['input']),
    resultShape: { type: 'function_call_output', call_id: expect.stringMatching(/^call_/), output: '{"tempC": 17}' },
  },
  {
    provider: 'anthropic', model: 'claude-sonnet-4-6',
    effortIn: (body) => at(body, 'output_config', 'effort'),
    resultIn: (body) => at(lastOf(body['messages']), 'content', 0),
    resultShape: { type: 'tool_result', tool_use_id: expect.stringMatching(/^toolu_/), content: '{"tempC": 17}' },
  },
  {
    provider: 'google', model: 'gemini-3.5-flash',
    effortIn: (body) => at(body, 'generationConfig', 'thinkingConfig', 'thinkingLevel'),
    resultIn: (body) => at(lastOf(body['contents']), 'parts', 0),
    resultShape: { functionResponse: { name: 'get_weather', response: { tempC: 17 } } },
  },
  {
    provider: 'xai', model: 'grok-4.3',
    effortIn: (body) => body['reasoning_effort'],
    resultIn: (body) => lastOf(body['messages']),
    resultShape: { role: 'tool', tool_call_id: expect.stringMatching(/^call_/), content: '{"tempC": 17}' },
  },
  {
    provider: 'mistral', model: 'mistral-small-latest',
    effortIn: (body) => body['reasoning_effort'],
    resultIn: (body) => lastOf(body['messages']),
    resultShape: { role: 'tool', tool_call_id: expect.stringMatching(/^[A-Za-z0-9]{9}$/), name: 'get_weather', content: '{"tempC": 17}' },
  },
];

test('openai: a reasoning model on Chat Completions shows no thinking, and its reply says how many output tokens were reasoning', async ({ page, mock }) => {
  await setUpChat(page, mock, ['openai']);
  await chooseModel(page, 'openai', 'gpt-5.6-sol');
  await sendMessage(page, 'Think quietly [[mock:thinking]]');
  await waitForReplyEnd(page);
  expect(chatRequests(mock)[0]?.path).toMatch(/\/chat\/completions$/);
  await expect(lastReply(page).getByTestId('thinking-section')).toHaveCount(0);
  const output = Number((await lastReply(page).getByTestId('output-tokens').innerText()).replace(/[^\d]/g, ''));
  const reasoning = Number((await lastReply(page).getByTestId('reasoning-tokens').innerText()).replace(/[^\d]/g, ''));
  expect(reasoning).toBe(24);
  expect(output).toBeGreaterThan(reasoning);
  await expect(lastReply(page).getByLabel('Reply details')).toContainText('of them reasoning');
});

for (const testCase of CASES) {
  test(`${testCase.provider}: thinking streams before the answer and folds away; effort "high" is sent`, async ({ page, mock }) => {
    await setUpChat(page, mock, [testCase.provider]);
    await chooseModel(page, testCase.provider, testCase.model);
    await page.getByLabel('Effort').selectOption('high');
    // 24 reasoning tokens at 4 a second: six seconds of thinking, enough to see it open on a busy machine.
    await sendMessage(page, 'Is it warm in Paris? [[mock:thinking tps=4]]');

    const thinking = lastReply(page).getByTestId('thinking-section');
    // While the model thinks: the section is open, streams reasoning, and no answer text exists yet.
    await expect(thinking).toHaveAttribute('data-thinking', 'true');
    await expect(thinking).toHaveAttribute('open', '');
    await expect(thinking.getByRole('region', { name: 'Thinking' })).toContainText('Thinking it through');
    await expect(lastReply(page).locator('.markdown-body').last()).toHaveText('');

    await waitForReplyEnd(page);
    await expect(lastReply(page)).toContainText('You said: "Is it warm in Paris?"');
    await expect(thinking).not.toHaveAttribute('open', '');
    await expect(thinking.locator('summary')).toContainText(/Thought for .+/);
    if (testCase.provider !== 'mistral') await expect(thinking.locator('summary')).toContainText('24 reasoning tokens');
    await thinking.locator('summary').click();
    await expect(thinking.getByRole('region', { name: 'Thinking' })).toBeVisible();

    const body = chatRequests(mock)[0]?.json as Record<string, unknown>;
    expect(testCase.effortIn(body)).toBe('high');
  });

  test(`${testCase.provider}: define get_weather, answer its call, and the model continues`, async ({ page, mock }) => {
    await setUpChat(page, mock, [testCase.provider]);
    await chooseModel(page, testCase.provider, testCase.model);
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Define a tool' }).click();
    const form = page.getByRole('form', { name: 'New tool' });
    await form.getByLabel('Tool name').fill('get weather');
    await expect(form.getByText('Use a letter first')).toBeVisible();
    await form.getByLabel('Tool name').fill('get_weather');
    await form.getByLabel('Description').fill('Current weather in a city');
    await form.getByLabel('Parameters (JSON Schema)').fill('{"type":"object","properties":{"city":{"type":"string"}},');
    await expect(form.getByText(/Not valid JSON/)).toBeVisible();
    await expect(form.getByRole('button', { name: 'Add tool' })).toBeDisabled();
    await form.getByLabel('Parameters (JSON Schema)').fill('{"type":"object","properties":{"city":{"type":"string"},"unit":{"type":"string"}},"required":["city"]}');
    await expect(form.getByText('Valid schema.')).toBeVisible();
    await form.getByRole('button', { name: 'Add tool' }).click();
    await expect(page.getByRole('list', { name: 'Conversation tools' }).getByRole('checkbox')).toBeChecked();

    await sendMessage(page, 'Weather in Paris? [[mock:tool-call thinking=1]]');
    await waitForReplyEnd(page);
    const callForm = page.getByRole('form', { name: 'Answer the tool calls' });
    await expect(callForm.getByTestId('tool-call-form')).toHaveCount(1);
    await expect(callForm).toContainText('Tool call: get_weather');
    await expect(callForm).toContainText('"city": "Paris"');
    await expect(callForm).toContainText('Arguments match the schema.');
    await expect(callForm.getByRole('button', { name: 'Send result' })).toBeDisabled();
    await callForm.getByLabel('Result of get_weather').fill('{"tempC": 17}');
    await callForm.getByRole('button', { name: 'Send result' }).click();

    await expect(page.getByTestId('tool-result')).toContainText('{"tempC": 17}');
    await waitForReplyEnd(page, 2);
    await expect(lastReply(page)).toContainText('the tool result was received');
    const requests = chatRequests(mock);
    expect(requests).toHaveLength(2);
    const first = requests[0]?.json as Record<string, unknown>;
    const second = requests[1]?.json as Record<string, unknown>;
    expect(JSON.stringify(first)).toContain('get_weather');
    expect(testCase.resultIn(second)).toEqual(testCase.resultShape);
    // What each provider needs replayed after a call made while thinking.
    if (testCase.provider === 'anthropic') expect(requests[1]?.bodyText).toMatch(/"type":"thinking","thinking":"Thinking it through[^"]*","signature":"[^"]+"/);
    if (testCase.provider === 'google') expect(requests[1]?.bodyText).toMatch(/"functionCall":\{[^}]*\}[^}]*\},"thoughtSignature":"(?!skip_)/);
    if (testCase.provider === 'openai') expect(requests[1]?.bodyText).toContain('"encrypted_content"');
    await expect(composerInput(page)).toBeVisible();
  });
}
