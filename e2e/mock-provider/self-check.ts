// Self-check of the mock provider: `npx tsx e2e/mock-provider/self-check.ts`.
// vitest only runs src/** (toolchain.md landmine 4), so this script proves the wire formats here.
import assert from 'node:assert/strict';
import type { BYOKProvider } from '../../src/byok/types';
import { BYOK_PROVIDERS } from '../../src/byok/types';
import { buildMarkdownReply, buildTextReply, XSS_PAYLOADS } from './reply-content';
import type { MockProviderServer } from './server';
import { startMockProviderServer } from './server';
import type { CheckRunner } from './self-check-http';
import { runErrorChecks, runHttpChecks } from './self-check-http';
import { chat } from './self-check-readers';
import { countRequestInputTokens, countTokens, TOOL_CALL_OUTPUT_TOKENS } from './token-count';

const failures: string[] = [];
let passed = 0;

const check: CheckRunner = async (name, body) => {
  try {
    await body();
    passed += 1;
  } catch (error) {
    failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
};

async function runTextChecks(server: MockProviderServer, provider: BYOKProvider): Promise<void> {
  await check(`${provider} default echo`, async () => {
    const { response, reply, body } = await chat(server, provider, 'Hello there friend', { includeUsage: true });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    assert.ok(reply?.ended, 'end marker');
    assert.match(reply.text, /You said: "Hello there friend"/);
    assert.deepEqual(reply.usage, { input: countRequestInputTokens(provider, body), output: countTokens(reply.text) });
  });
  await check(`${provider} text tokens=50 streams in separate reads`, async () => {
    const { reply, reads } = await chat(server, provider, '[[mock:text tokens=50 tps=1000]] go', { includeUsage: true });
    assert.equal(reply?.text, buildTextReply(50));
    assert.equal(reply.usage?.output, 50);
    assert.ok(reads > 5, `only ${reads} reads`);
  });
  await check(`${provider} tool-call`, async () => {
    const { reply } = await chat(server, provider, '[[mock:tool-call]] weather?', { includeUsage: true, tools: ['get_weather'] });
    assert.equal(reply?.toolCalls.length, 1);
    assert.equal(reply.toolCalls[0]?.name, 'get_weather');
    assert.deepEqual(reply.toolCalls[0]?.arguments, { city: 'Paris', unit: 'celsius' });
    assert.equal(reply.usage?.output, TOOL_CALL_OUTPUT_TOKENS);
    if (provider === 'mistral') assert.match(reply.toolCalls[0]?.id ?? '', /^[A-Za-z0-9]{9}$/);
    assert.equal(reply.finish, { openai: 'tool_calls', anthropic: 'tool_use', google: 'STOP', xai: 'tool_calls', mistral: 'tool_calls' }[provider]);
  });
  await check(`${provider} parallel-tool-calls`, async () => {
    const { reply } = await chat(server, provider, '[[mock:parallel-tool-calls]]', { includeUsage: true, tools: ['get_weather', 'get_time'] });
    assert.deepEqual(reply?.toolCalls.map((call) => call.name), ['get_weather', 'get_time']);
  });
  await check(`${provider} stream-error`, async () => {
    const { response, reply } = await chat(server, provider, '[[mock:stream-error]]');
    assert.equal(response.status, 200);
    assert.ok(reply?.error, 'in-stream error');
    assert.equal(reply.ended, false);
    assert.equal(reply.text, buildTextReply(10));
  });
  await check(`${provider} cut-off`, async () => {
    const { reply } = await chat(server, provider, '[[mock:cut-off tokens=8]]', { includeUsage: true });
    assert.equal(reply?.ended, false);
    assert.equal(reply.finish, null);
    assert.equal(reply.text, buildTextReply(4));
  });
  await check(`${provider} markdown and xss`, async () => {
    const markdown = await chat(server, provider, '[[mock:markdown tokens=300]]');
    assert.equal(markdown.reply?.text, buildMarkdownReply(300));
    assert.ok(countTokens(markdown.reply.text) >= 300);
    const xss = await chat(server, provider, '[[mock:xss]]');
    assert.equal(xss.reply?.text, XSS_PAYLOADS.join('\n\n'));
  });
}

async function runOpenAiFamilyChecks(server: MockProviderServer): Promise<void> {
  await check('openai without include_usage sends no usage', async () => {
    const { raw, reply } = await chat(server, 'openai', 'hi');
    assert.equal(reply?.usage, null);
    assert.ok(!raw.includes('"usage"'));
    assert.ok(raw.endsWith('data: [DONE]\n\n'));
  });
  await check('mistral usage rides on the last content chunk', async () => {
    const { raw } = await chat(server, 'mistral', 'hi');
    assert.ok(!raw.includes('"choices":[]'));
    assert.match(raw, /"finish_reason":"stop","logprobs":null}\],"usage":\{"prompt_tokens":1/);
  });
  await check('tool result ends the tool loop', async () => {
    const messages = [
      { role: 'user', content: '[[mock:tool-call]] weather?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '{"temp":21}' },
    ];
    const { reply } = await chat(server, 'openai', '', { messages });
    assert.equal(reply?.toolCalls.length, 0);
    assert.match(reply.text, /tool result was received/);
  });
  await check('google blocked-prompt', async () => {
    const { reply } = await chat(server, 'google', '[[mock:blocked-prompt]]');
    assert.equal(reply?.blockReason, 'PROHIBITED_CONTENT');
    assert.equal(reply.text, '');
  });
}

async function main(): Promise<void> {
  const server = await startMockProviderServer();
  try {
    for (const provider of BYOK_PROVIDERS) await runTextChecks(server, provider);
    await runOpenAiFamilyChecks(server);
    await runErrorChecks(server, check);
    await runHttpChecks(server, check);
  } finally {
    await server.close();
  }
  for (const failure of failures) console.error(`FAIL ${failure}`);
  console.log(`${passed} passed, ${failures.length} failed`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

void main();
