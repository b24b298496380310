// Self-check, part two: error bodies, auth, CORS, redirects, pacing, the record and the control API.
import assert from 'node:assert/strict';
import type { BYOKProvider } from '../../src/byok/types';
import { BYOK_PROVIDERS } from '../../src/byok/types';
import type { ErrorScenario } from './scenarios';
import { ERROR_SCENARIOS } from './scenarios';
import type { MockProviderServer } from './server';
import { startMockProviderServer } from './server';
import { buildAuthHeaders, buildChatRequest, readWholeBody, VALID_KEYS } from './self-check-client';
import { chat } from './self-check-readers';

export type CheckRunner = (name: string, body: () => Promise<void>) => Promise<void>;

/** Expected status per provider, in ERROR_SCENARIOS order (providers.md §1). */
const EXPECTED_STATUS: Record<BYOKProvider, number[]> = {
  openai: [401, 403, 404, 429, 429, 400, 400, 500, 503, 503],
  anthropic: [401, 403, 404, 429, 400, 400, 400, 500, 529, 529],
  google: [400, 403, 404, 429, 429, 400, 400, 500, 503, 503],
  xai: [400, 403, 404, 429, 403, 400, 400, 500, 503, 503],
  mistral: [401, 403, 400, 429, 402, 400, 400, 500, 503, 503],
};

/** A phrase each provider's body must carry, where the mapping depends on it. */
const EXPECTED_MARKERS: Partial<Record<`${BYOKProvider}:${ErrorScenario}`, string>> = {
  'google:error-401': 'API_KEY_INVALID',
  'google:error-429-rate': '"retryDelay": "34s"',
  'google:error-429-quota': 'PerDay',
  'openai:error-429-quota': '"code":"insufficient_quota"',
  'anthropic:error-429-quota': 'credit balance is too low',
  'xai:error-429-quota': 'used all available credits',
  'mistral:error-404': '"type":"invalid_model"',
  'openai:error-400-context': 'context_length_exceeded',
  'anthropic:error-overloaded': 'overloaded_error',
};

export async function runErrorChecks(server: MockProviderServer, check: CheckRunner): Promise<void> {
  for (const provider of BYOK_PROVIDERS) {
    await check(`${provider} error scenarios`, async () => {
      for (const [index, scenario] of ERROR_SCENARIOS.entries()) {
        // Half through the path, half through a directive: both routes must work.
        const { response, raw } = index % 2 === 0 ? await chat(server, provider, 'hi', {}, scenario) : await chat(server, provider, `[[mock:${scenario}]]`);
        assert.equal(response.status, EXPECTED_STATUS[provider][index], `${scenario} status`);
        assert.match(response.headers.get('content-type') ?? '', /^application\/json/, `${scenario} content type`);
        assert.equal(response.headers.get('access-control-allow-origin'), '*');
        const marker = EXPECTED_MARKERS[`${provider}:${scenario}`];
        if (marker) assert.ok(raw.includes(marker), `${scenario} body lacks ${marker}`);
        JSON.parse(raw);
      }
    });
    await check(`${provider} INVALID key on chat and models`, async () => {
      const { response } = await chat(server, provider, 'hi', { key: `${VALID_KEYS[provider]}-INVALID` });
      assert.equal(response.status, EXPECTED_STATUS[provider][0]);
      const models = await fetch(`${server.baseUrlFor(provider)}/models`, { headers: buildAuthHeaders(provider, 'INVALID-key') });
      assert.equal(models.status, EXPECTED_STATUS[provider][0]);
      if (provider === 'mistral') assert.deepEqual(await models.json(), { detail: 'Unauthorized' });
    });
  }
  await check('retry-after exposed for OpenAI, hidden for Gemini', async () => {
    const openai = await chat(server, 'openai', '[[mock:error-429-rate]]');
    assert.equal(openai.response.headers.get('retry-after'), '2');
    assert.match(openai.response.headers.get('access-control-expose-headers') ?? '', /retry-after/);
    const google = await chat(server, 'google', '[[mock:error-429-rate retryAfter=5]]');
    assert.equal(google.response.headers.get('retry-after'), '5');
    assert.equal(google.response.headers.get('access-control-expose-headers'), null);
  });
}

async function runModelsChecks(server: MockProviderServer, check: CheckRunner): Promise<void> {
  await check('models lists', async () => {
    const read = async (provider: BYOKProvider) => (await fetch(`${server.baseUrlFor(provider)}/models`, { headers: buildAuthHeaders(provider, VALID_KEYS[provider]) })).json();
    const openai = await read('openai');
    assert.ok(openai.data.some((model: { id: string }) => model.id === 'gpt-mock-unpriced'));
    const anthropic = await read('anthropic');
    assert.equal(anthropic.has_more, false);
    const google = await read('google');
    assert.ok(google.models.some((model: { name: string }) => model.name === 'models/gemini-2.5-flash'));
    const mistral = await read('mistral');
    assert.equal(typeof mistral.data[0].capabilities.function_calling, 'boolean');
    const apiKey = await (await fetch(`${server.baseUrlFor('xai')}/api-key`, { headers: buildAuthHeaders('xai', VALID_KEYS.xai) })).json();
    assert.equal(apiKey.api_key_blocked, false);
  });
}

async function runCorsChecks(server: MockProviderServer, check: CheckRunner): Promise<void> {
  const preflight = (provider: BYOKProvider, headers: string) => fetch(`${server.baseUrlFor(provider)}/chat/completions`, {
    method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:4173', 'access-control-request-method': 'POST', 'access-control-request-headers': headers },
  });
  await check('preflights', async () => {
    const openai = await preflight('openai', 'authorization,content-type,x-stainless-timeout');
    assert.equal(openai.status, 204);
    assert.equal(openai.headers.get('access-control-allow-origin'), '*');
    assert.match(openai.headers.get('access-control-allow-headers') ?? '', /x-stainless-timeout/);
    assert.ok(openai.headers.get('access-control-max-age'));
    const refused = await preflight('mistral', 'authorization,content-type,x-stainless-timeout');
    assert.equal(refused.status, 400);
    assert.equal(refused.headers.get('access-control-allow-origin'), null);
    assert.equal((await preflight('mistral', 'authorization,content-type')).status, 204);
  });
  await check('anthropic CORS header required from a browser origin', async () => {
    const without = await chat(server, 'anthropic', 'hi', { headers: { origin: 'http://127.0.0.1:4173' } });
    assert.equal(without.response.status, 401);
    assert.match(without.raw, /anthropic-dangerous-direct-browser-access/);
    const withHeader = await chat(server, 'anthropic', 'hi', { headers: { origin: 'http://127.0.0.1:4173', 'anthropic-dangerous-direct-browser-access': 'true' } });
    assert.equal(withHeader.response.status, 200);
  });
}

async function runRequestChecks(server: MockProviderServer, check: CheckRunner): Promise<void> {
  await check('key in query is rejected and recorded', async () => {
    const response = await fetch(`${server.baseUrlFor('google')}/models?key=AIzaLeak`, { headers: buildAuthHeaders('google', VALID_KEYS.google) });
    assert.equal(response.status, 400);
    assert.equal(response.headers.get('x-mock-failure'), 'key-in-query');
    assert.equal(server.requests.at(-1)?.query.key, 'AIzaLeak');
  });
  await check('strict bodies: Mistral stream_options, Anthropic max_tokens, unknown scenario', async () => {
    assert.equal((await chat(server, 'mistral', 'hi', { extraBody: { stream_options: { include_usage: true } } })).response.status, 422);
    const anthropic = buildChatRequest(server.baseUrlFor('anthropic'), 'anthropic', 'hi');
    const body = JSON.parse(String(anthropic.init.body));
    delete body.max_tokens;
    assert.equal((await fetch(anthropic.url, { ...anthropic.init, body: JSON.stringify(body) })).status, 400);
    assert.equal((await chat(server, 'openai', '[[mock:no-such-thing]]')).response.status, 400);
  });
  await check('gemini without alt=sse answers a JSON array', async () => {
    const request = buildChatRequest(server.baseUrlFor('google'), 'google', 'hi');
    const response = await fetch(request.url.replace('?alt=sse', ''), request.init);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
    assert.ok(Array.isArray(await response.json()));
  });
  await check('path scenario with parameters', async () => {
    const { reply } = await chat(server, 'openai', 'hi', {}, 'text,tokens=7');
    assert.equal(reply?.text.split(' ').length, 7);
  });
}

async function runTimingChecks(server: MockProviderServer, check: CheckRunner): Promise<void> {
  await check('slow first byte and pace', async () => {
    let start = Date.now();
    await chat(server, 'openai', '[[mock:slow-first-byte delayMs=300]]');
    assert.ok(Date.now() - start >= 280, 'delayMs');
    start = Date.now();
    await chat(server, 'anthropic', '[[mock:text tokens=20 tps=100]]');
    assert.ok(Date.now() - start >= 180, 'tps');
  });
  await check('client abort is recorded as client-closed', async () => {
    const controller = new AbortController();
    const { url, init } = buildChatRequest(server.baseUrlFor('xai'), 'xai', '[[mock:text tokens=200 tps=20]]');
    const response = await fetch(url, { ...init, signal: controller.signal });
    await response.body?.getReader().read();
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 150));
    assert.equal(server.requests.at(-1)?.outcome, 'client-closed');
  });
}

async function runRedirectAndControlChecks(server: MockProviderServer, check: CheckRunner): Promise<void> {
  await check('redirect to another origin', async () => {
    const { url, init } = buildChatRequest(server.baseUrlFor('anthropic', 'redirect'), 'anthropic', 'hi');
    const manual = await fetch(url, { ...init, redirect: 'manual' });
    assert.equal(manual.status, 307);
    assert.notEqual(new URL(manual.headers.get('location') ?? '').origin, server.origin);
    await assert.rejects(fetch(url, { ...init, redirect: 'error' }));
    assert.ok(!server.requests.some((entry) => entry.isRedirectTarget));
  });
  await check('control API', async () => {
    const listed = await (await fetch(`${server.origin}/__mock/requests`)).json();
    assert.equal(listed.length, server.requests.length);
    assert.equal((await fetch(`${server.origin}/__mock/requests`, { method: 'DELETE' })).status, 204);
    assert.equal(server.requests.length, 0);
    assert.equal((await (await fetch(`${server.origin}/__mock/health`)).json()).ok, true);
    await readWholeBody(await fetch(server.origin));
  });
  await check('many servers on port 0', async () => {
    const servers = await Promise.all([1, 2, 3, 4].map(() => startMockProviderServer()));
    assert.equal(new Set(servers.map((started) => started.port)).size, 4);
    await Promise.all(servers.map((started) => started.close()));
  });
}

export async function runHttpChecks(server: MockProviderServer, check: CheckRunner): Promise<void> {
  await runModelsChecks(server, check);
  await runCorsChecks(server, check);
  await runRequestChecks(server, check);
  await runTimingChecks(server, check);
  await runRedirectAndControlChecks(server, check);
}
