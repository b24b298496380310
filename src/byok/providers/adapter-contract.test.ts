// ONE contract every adapter passes (style.md §6). Each provider only supplies its fixtures,
// error bodies and wire expectations; the assertions are shared.
import { afterEach, describe, expect, it } from 'vitest';
import { BYOKError } from '../types';
import type { BYOKProvider, ChatRequest, StreamChunk } from '../types';
import { CONTRACT_PROVIDERS } from './adapter-contract-cases';
import type { ContractProvider, ErrorFixture } from './adapter-contract-cases';
import { setFetchForTests } from './shared/provider-fetch';
import {
  collectAsync,
  convertToCrlf,
  createEventStreamResponse,
  createHangingStream,
  createJsonResponse,
  createRecordingFetch,
  readFixture,
  summariseChunks,
} from './shared/test-helpers';
import type { RecordedRequest } from './shared/test-helpers';

function readStreamFixture(provider: BYOKProvider, name: string): string {
  const text = readFixture(provider, `${provider}-${name}.sse`);
  return provider === 'google' ? convertToCrlf(text) : text;
}

function readErrorFixtures(provider: BYOKProvider): ErrorFixture[] {
  return JSON.parse(readFixture(provider, `${provider}-errors.json`)) as ErrorFixture[];
}

function buildRequest(contract: ContractProvider, extra: Partial<ChatRequest> = {}) {
  return {
    provider: contract.provider,
    model: contract.model,
    messages: [{ role: 'user' as const, content: 'Hi' }],
    settings: { systemPrompt: 'Be terse.', temperature: 0.5, maxTokens: 256 },
    apiKey: contract.apiKey,
    baseUrl: contract.baseUrl,
    ...extra,
  };
}

async function streamWith(contract: ContractProvider, respond: (request: RecordedRequest) => Response, extra: Partial<ChatRequest> = {}) {
  const recording = createRecordingFetch(respond);
  setFetchForTests(recording.fetch);
  const chunks: StreamChunk[] = [];
  let error: unknown;
  try {
    for await (const chunk of contract.createAdapter().streamChat(buildRequest(contract, extra))) chunks.push(chunk);
  } catch (caught) {
    error = caught;
  }
  return { chunks, error, requests: recording.requests };
}

function expectBYOKError(error: unknown, code: string): BYOKError {
  expect(error).toBeInstanceOf(BYOKError);
  const byokError = error as BYOKError;
  expect(byokError.code).toBe(code);
  return byokError;
}

afterEach(() => setFetchForTests(undefined));

describe.each(CONTRACT_PROVIDERS)('$provider adapter contract', (contract) => {
  const { provider } = contract;
  const respondWith = (name: string) => () => createEventStreamResponse(readStreamFixture(provider, name), 7);

  it('streams text, then usage, then exactly one done', async () => {
    const { chunks, error } = await streamWith(contract, respondWith('text'));
    expect(error).toBeUndefined();
    const summary = summariseChunks(chunks);
    expect(summary.content).toBe(contract.expected.text);
    expect(summary.usage).toEqual(contract.expected.usage);
    expect(summary.doneCount).toBe(1);
    expect(chunks.at(-1)).toEqual({ type: 'done', finishReason: 'stop' });
  });

  it('emits a complete tool call with parsed arguments', async () => {
    const { chunks } = await streamWith(contract, respondWith('tool-call'));
    const summary = summariseChunks(chunks);
    expect(summary.toolCalls).toEqual([contract.expected.toolCall]);
    expect(summary.finishReason).toBe('tool-calls');
  });

  it('reports a stream without its end marker as STREAM_INTERRUPTED, keeping the text', async () => {
    const { chunks, error } = await streamWith(contract, respondWith('cut-off'));
    expect(summariseChunks(chunks).content).toBe('The answer is forty');
    expectBYOKError(error, 'STREAM_INTERRUPTED');
  });

  it.each(readErrorFixtures(provider))('maps HTTP $status $name to $code', async (fixture) => {
    const { error } = await streamWith(contract, () => createJsonResponse(fixture.status, fixture.body, fixture.headers));
    const byokError = expectBYOKError(error, fixture.code);
    expect(byokError.provider).toBe(provider);
    expect(byokError.status).toBe(fixture.status);
    if (fixture.retryAfterMs !== undefined) expect(byokError.retryAfterMs).toBe(fixture.retryAfterMs);
    if (['INSUFFICIENT_QUOTA', 'INVALID_API_KEY'].includes(fixture.code)) expect(byokError.retryAfterMs).toBeUndefined();
    expect(byokError.message).not.toContain(contract.apiKey);
  });

  it('treats a 200 that is not an event stream as a JSON error body', async () => {
    const { error } = await streamWith(contract, () => createJsonResponse(200, contract.invalidKey.body));
    expectBYOKError(error, 'INVALID_API_KEY');
  });

  it('scrubs the key from a provider message that echoes it', async () => {
    const body = { error: { message: `Key ${contract.apiKey} is not allowed`, type: 'permission_error' }, message: `Key ${contract.apiKey} is not allowed` };
    const { error } = await streamWith(contract, () => createJsonResponse(403, body));
    const byokError = expectBYOKError(error, 'PERMISSION_DENIED');
    expect(byokError.message).not.toContain(contract.apiKey);
    expect(byokError.message).toContain('[redacted]');
  });

  it('turns a cancelled request into STREAM_ABORTED, not a failure', async () => {
    const controller = new AbortController();
    // The cut-off fixture holds some text; then the body hangs until the abort.
    const recording = createRecordingFetch(() => createEventStreamResponse(createHangingStream(readStreamFixture(provider, 'cut-off'))));
    setFetchForTests(recording.fetch);
    const stream = contract.createAdapter().streamChat(buildRequest(contract, { signal: controller.signal }));
    const received: StreamChunk[] = [];
    const run = (async () => {
      for await (const chunk of stream) {
        received.push(chunk);
        controller.abort();
      }
    })();
    await expect(run).rejects.toMatchObject({ code: 'STREAM_ABORTED' });
    expect(received.length).toBeGreaterThan(0);
  });

  it('does not even call fetch when already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { error, requests } = await streamWith(contract, respondWith('text'), { signal: controller.signal });
    expectBYOKError(error, 'STREAM_ABORTED');
    expect(requests).toHaveLength(0);
  });

  it('maps a rejected fetch (offline, CORS) to NETWORK_ERROR', async () => {
    const { error } = await streamWith(contract, () => {
      throw new TypeError('Failed to fetch');
    });
    const byokError = expectBYOKError(error, 'NETWORK_ERROR');
    expect(byokError.message).toMatch(/offline/);
    expect(byokError.message).toMatch(/CORS/);
  });

  it('puts the key only in its own header, with the safe fetch options', async () => {
    const { requests } = await streamWith(contract, respondWith('text'));
    const [request] = requests;
    expect(request?.url).toBe(contract.streamUrl);
    expect(request?.url).not.toMatch(/[?&]key=/);
    expect(Object.keys(request?.headers ?? {}).sort()).toEqual(contract.streamHeaders);
    const [headerName, headerValue] = contract.keyHeader;
    expect(request?.headers[headerName]).toBe(headerValue);
    const elsewhere = Object.entries(request?.headers ?? {}).filter(([name, value]) => name !== headerName && value.includes(contract.apiKey));
    expect(elsewhere).toEqual([]);
    expect(request?.url).not.toContain(contract.apiKey);
    expect(JSON.stringify(request?.body)).not.toContain(contract.apiKey);
    if (provider === 'anthropic') expect(request?.headers['anthropic-dangerous-direct-browser-access']).toBe('true');
    expect(request?.init).toMatchObject({ method: 'POST', redirect: 'error', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', mode: 'cors' });
  });

  it('sends the body shape the provider accepts', async () => {
    const { requests } = await streamWith(contract, respondWith('text'));
    contract.checkBody(requests[0]?.body as Record<string, unknown>);
  });

  it('lists models from GET /models with the key in its own header', async () => {
    const recording = createRecordingFetch(() => createJsonResponse(200, contract.modelsBody));
    setFetchForTests(recording.fetch);
    const models = await contract.createAdapter().listModels({ apiKey: contract.apiKey, baseUrl: contract.baseUrl });
    expect(models.map((model) => model.id)).toEqual(contract.expectedModelIds);
    const [request] = recording.requests;
    expect(request?.url).toBe(contract.modelsUrl);
    expect(request?.init.method).toBe('GET');
    expect(request?.headers[contract.keyHeader[0]]).toBe(contract.keyHeader[1]);
    expect(request?.init).toMatchObject({ redirect: 'error', credentials: 'omit' });
  });

  it('maps a rejected key on GET /models to INVALID_API_KEY', async () => {
    setFetchForTests(createRecordingFetch(() => createJsonResponse(contract.invalidKey.status, contract.invalidKey.body)).fetch);
    await expect(contract.createAdapter().listModels({ apiKey: contract.apiKey, baseUrl: contract.baseUrl })).rejects.toMatchObject({
      code: 'INVALID_API_KEY',
      provider,
    });
  });

  it('stops with a bounded error on an oversized stream line', async () => {
    const huge = `data: {"padding":"${'x'.repeat(1_100_000)}"}\n\n`;
    const { error } = await streamWith(contract, () => createEventStreamResponse(huge, 65_536));
    expectBYOKError(error, 'STREAM_INTERRUPTED');
  });

  it('yields the same chunks as collectAsync over the adapter', async () => {
    setFetchForTests(createRecordingFetch(respondWith('text')).fetch);
    const chunks = await collectAsync(contract.createAdapter().streamChat(buildRequest(contract)));
    expect(chunks.filter((chunk) => chunk.type === 'done')).toHaveLength(1);
  });

  it.each(['text', 'tool-call', 'cut-off'])('streamChatBatches gives the %s stream\'s chunks and error, batched by network read, in any read size', async (name) => {
    const body = readStreamFixture(provider, name);
    for (const sizes of [1, 7, [3, 50, 11], Number.MAX_SAFE_INTEGER]) {
      const direct = await streamWith(contract, () => createEventStreamResponse(body, sizes));
      setFetchForTests(createRecordingFetch(() => createEventStreamResponse(body, sizes)).fetch);
      const batches: StreamChunk[][] = [];
      let error: unknown;
      try {
        for await (const batch of contract.createAdapter().streamChatBatches(buildRequest(contract))) batches.push(batch);
      } catch (caught) {
        error = caught;
      }
      expect(batches.flat()).toEqual(direct.chunks);
      expect(batches.every((batch) => batch.length > 0)).toBe(true);
      expect((error as BYOKError | undefined)?.code).toBe((direct.error as BYOKError | undefined)?.code);
      // The whole body in one read: its chunks in one batch (and the end of the body's, if any).
      if (sizes === Number.MAX_SAFE_INTEGER) expect(batches.length).toBeLessThanOrEqual(2);
    }
  });
});

