// Answers one provider request, in the order a real provider (or a proxy before it) would:
// slow first byte, redirect, auth and request checks, scripted error, then the models list or the stream.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BYOKProvider } from '../../src/byok/types';
import { buildCorsHeaders } from './cors';
import type { MockHttpResponse } from './error-bodies';
import { buildErrorResponse, buildJsonResponse } from './error-bodies';
import { encodeAnthropicStream } from './formats/anthropic-format';
import { encodeGoogleStream } from './formats/google-format';
import { encodeMistralStream, encodeXaiStream } from './formats/openai-compatible-format';
import { encodeOpenAiStream } from './formats/openai-format';
import { encodeOpenAiResponsesStream } from './formats/openai-responses-format';
import { buildModelsList, buildXaiApiKeyInfo } from './models-lists';
import type { ReplyScript, StreamEvent } from './reply-script';
import { buildReplyScript } from './reply-script';
import type { Conversation } from './request-conversation';
import { readConversation } from './request-conversation';
import { checkChatBody, checkRequestHeaders, readProviderKey } from './request-checks';
import type { RecordedRequest } from './request-record';
import type { ParsedRoute } from './routes';
import type { ScenarioChoice, ScenarioParameters } from './scenarios';
import { chooseScenario, isErrorScenario, parseDirective, readNumberParameter, UnknownScenarioError } from './scenarios';
import { delayFirstByte, writeEventStream } from './stream-writer';

export interface ProviderRequest {
  request: IncomingMessage;
  response: ServerResponse;
  url: URL;
  route: ParsedRoute & { provider: BYOKProvider };
  json: unknown;
  entry: RecordedRequest;
  /** Another origin served by this same server, where the redirect scenario points (security.md T21). */
  redirectOrigin: string;
}

const STREAM_CONTENT_TYPES: Record<BYOKProvider, string> = {
  openai: 'text/event-stream; charset=utf-8',
  anthropic: 'text/event-stream; charset=utf-8',
  google: 'text/event-stream',
  xai: 'text/event-stream',
  mistral: 'text/event-stream',
};

function sendMockResponse(input: ProviderRequest, mock: MockHttpResponse, cors: Record<string, string>): void {
  input.entry.status = mock.status;
  input.response.writeHead(mock.status, { ...mock.headers, ...cors });
  input.response.end(mock.body);
}

/** `retryAfter=N` sets or replaces the retry-after header of an error, for wait-time tests. */
function applyRetryAfter(mock: MockHttpResponse, parameters: ScenarioParameters): MockHttpResponse {
  if (parameters.retryAfter === undefined) return mock;
  return { ...mock, headers: { ...mock.headers, 'retry-after': parameters.retryAfter } };
}

function encodeStream(provider: BYOKProvider, script: ReplyScript, parameters: ScenarioParameters, responsesApi: boolean): StreamEvent[] {
  if (responsesApi) return encodeOpenAiResponsesStream(script);
  switch (provider) {
    case 'openai': return encodeOpenAiStream(script);
    case 'anthropic': return encodeAnthropicStream(script);
    case 'google': return encodeGoogleStream(script, parameters.reason);
    case 'xai': return encodeXaiStream(script);
    case 'mistral': return encodeMistralStream(script);
  }
}

function sendRedirect(input: ProviderRequest, parameters: ScenarioParameters, cors: Record<string, string>): void {
  const status = readNumberParameter(parameters, 'status', 307);
  const location = parameters.to ?? `${input.redirectOrigin}/__mock/redirect-target${input.url.pathname}${input.url.search}`;
  input.entry.status = status;
  input.response.writeHead(status, { location, 'content-type': 'application/json', ...cors });
  input.response.end(JSON.stringify({ redirect: location }));
}

async function streamChat(input: ProviderRequest, picked: PickedScenario, cors: Record<string, string>): Promise<void> {
  const { provider } = input.route;
  const { choice, conversation, prompt } = picked;
  const script = buildReplyScript(choice, conversation, provider, prompt);
  const events = encodeStream(provider, script, choice.parameters, input.route.responsesApi === true);
  if (provider === 'google' && input.url.searchParams.get('alt') !== 'sse') {
    // Without alt=sse Gemini answers a JSON array, not SSE (gotcha 1); a client must not get a stream.
    const array = `[${events.map((event) => JSON.stringify(event.payload)).join(',\r\n')}]`;
    sendMockResponse(input, { status: 200, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: array }, cors);
    return;
  }
  input.entry.status = 200;
  input.response.writeHead(200, { 'content-type': STREAM_CONTENT_TYPES[provider], 'cache-control': 'no-cache', ...cors });
  input.response.flushHeaders();
  const outcome = await writeEventStream(input.response, events, {
    tokensPerSecond: readNumberParameter(choice.parameters, 'tps', 0),
    firstEventDelayMs: readNumberParameter(choice.parameters, 'firstEventDelayMs', 0),
    destroyAtEnd: choice.name === 'cut-off' && ['1', 'true'].includes(choice.parameters.destroy ?? ''),
  });
  input.entry.outcome = outcome;
}

interface PickedScenario {
  choice: ScenarioChoice;
  conversation: Conversation;
  /** The last user message without its directive, for the echo reply. */
  prompt: string;
}

/** Scenario of this request: the path's, or the last user message's directive. */
function pickScenario(input: ProviderRequest): PickedScenario {
  const conversation = readConversation(input.route.provider, input.json, input.route.modelFromPath, input.route.responsesApi === true);
  const directive = input.route.endpoint === 'chat' && conversation.lastUserText ? parseDirective(conversation.lastUserText) : null;
  const prompt = directive ? directive.remainingText : conversation.lastUserText ?? '';
  return { choice: chooseScenario(input.route.pathScenario, directive), conversation, prompt };
}

export async function handleProviderRequest(input: ProviderRequest): Promise<void> {
  const { provider, endpoint } = input.route;
  let picked: PickedScenario;
  try {
    picked = pickScenario(input);
  } catch (error) {
    if (!(error instanceof UnknownScenarioError)) throw error;
    sendMockResponse(input, buildJsonResponse(400, { error: { message: error.message, type: 'mock_unknown_scenario' } }), buildCorsHeaders(provider));
    return;
  }
  const { choice } = picked;
  input.entry.scenario = choice.name;
  input.entry.scenarioParameters = choice.parameters;
  const cors = buildCorsHeaders(provider, choice.parameters.expose);
  const delayMs = readNumberParameter(choice.parameters, 'delayMs', choice.name === 'slow-first-byte' ? 2000 : 0);
  if (!(await delayFirstByte(input.response, delayMs))) return;
  if (choice.name === 'redirect') return sendRedirect(input, choice.parameters, cors);

  const model = picked.conversation.model || 'unknown-model';
  const context = { model, endpoint: endpoint === 'chat' || endpoint === 'models' ? endpoint : 'api-key' } as const;
  if (endpoint === 'unknown') {
    sendMockResponse(input, buildJsonResponse(404, { error: { message: `Mock provider: no ${input.request.method} ${input.url.pathname}`, type: 'mock_not_found' } }), cors);
    return;
  }
  const failure = checkRequestHeaders({ provider, headers: input.request.headers, query: input.url.searchParams, context });
  if (failure) return sendMockResponse(input, failure, cors);
  if (isErrorScenario(choice.name)) return sendMockResponse(input, applyRetryAfter(buildErrorResponse(provider, choice.name, context), choice.parameters), cors);
  const bodyFailure = endpoint === 'chat' ? checkChatBody(provider, input.json) : null;
  if (bodyFailure) return sendMockResponse(input, bodyFailure, cors);
  if (endpoint === 'models') return sendMockResponse(input, buildJsonResponse(200, buildModelsList(provider)), cors);
  if (endpoint === 'api-key') return sendMockResponse(input, buildJsonResponse(200, buildXaiApiKeyInfo(readProviderKey(provider, input.request.headers) ?? '')), cors);
  await streamChat(input, picked, cors);
}
