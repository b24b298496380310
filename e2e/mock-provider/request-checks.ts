// The checks a real provider makes before it streams: the key in its own header, Anthropic's
// browser and version headers, Mistral's strict body. Failing them gives the provider's real error,
// so a client bug here fails a test the same way it would fail in production.
import type { IncomingHttpHeaders } from 'node:http';
import type { BYOKProvider } from '../../src/byok/types';
import type { ErrorContext, MockHttpResponse } from './error-bodies';
import {
  buildAnthropicError, buildErrorResponse, buildGoogleError, buildJsonResponse, buildMistralError, buildOpenAiError,
} from './error-bodies';

export interface RequestCheckInput {
  provider: BYOKProvider;
  headers: IncomingHttpHeaders;
  query: URLSearchParams;
  context: ErrorContext;
}

/** The key a provider reads, from the one header it reads it from (providers.md §0 "Auth"). */
export function readProviderKey(provider: BYOKProvider, headers: IncomingHttpHeaders): string | null {
  if (provider === 'anthropic') return typeof headers['x-api-key'] === 'string' ? headers['x-api-key'] : null;
  if (provider === 'google') return typeof headers['x-goog-api-key'] === 'string' ? headers['x-goog-api-key'] : null;
  const match = /^Bearer (.+)$/.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** The provider's answer to a request that carries no key at all. */
function buildMissingKeyResponse(provider: BYOKProvider, context: ErrorContext): MockHttpResponse {
  switch (provider) {
    case 'openai':
      return buildOpenAiError(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys.", 'invalid_request_error', null);
    case 'anthropic':
      return buildAnthropicError(401, 'authentication_error', 'x-api-key header is required');
    case 'google':
      return buildGoogleError(403, 'PERMISSION_DENIED', "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.");
    default:
      // xAI and Mistral: answered like a wrong key (inferred).
      return buildErrorResponse(provider, 'error-401', context);
  }
}

/** Anthropic from a browser: the opt-in header, then the version header (providers.md §3.1, gotcha 15). */
function checkAnthropicHeaders(headers: IncomingHttpHeaders): MockHttpResponse | null {
  if (headers.origin !== undefined && headers['anthropic-dangerous-direct-browser-access'] !== 'true') {
    return buildJsonResponse(401, { type: 'error', error: { type: 'authentication_error', message: "CORS requests must set 'anthropic-dangerous-direct-browser-access' header" } });
  }
  return null;
}

const MISTRAL_CHAT_FIELDS = new Set([
  'model', 'messages', 'temperature', 'top_p', 'max_tokens', 'stream', 'stop', 'random_seed', 'response_format', 'tools',
  'tool_choice', 'presence_penalty', 'frequency_penalty', 'n', 'prediction', 'parallel_tool_calls', 'safe_prompt', 'prompt_mode',
  // Accepted by Small 4 and Medium 3.5 (providers-reasoning.md §6.1).
  'reasoning_effort',
]);

const MISTRAL_TOOL_CALL_ID = /^[A-Za-z0-9]{9}$/;

/** Mistral rejects unknown fields (422) and foreign tool-call ids (400), gotcha 7 and §6.2. */
function checkMistralBody(body: Record<string, unknown>): MockHttpResponse | null {
  const extra = Object.keys(body).filter((field) => !MISTRAL_CHAT_FIELDS.has(field));
  if (extra.length > 0) {
    const detail = extra.map((field) => ({ type: 'extra_forbidden', loc: ['body', field], msg: 'Extra inputs are not permitted', input: body[field] }));
    return buildJsonResponse(422, { object: 'error', message: { detail }, type: 'invalid_request_error', param: null, code: null });
  }
  const messages = Array.isArray(body.messages) ? (body.messages as Array<Record<string, unknown>>) : [];
  const ids = messages.flatMap((message) => [
    ...(Array.isArray(message.tool_calls) ? (message.tool_calls as Array<Record<string, unknown>>).map((call) => call.id) : []),
    ...(message.role === 'tool' ? [message.tool_call_id] : []),
  ]);
  const badId = ids.find((id) => typeof id !== 'string' || !MISTRAL_TOOL_CALL_ID.test(id));
  if (badId !== undefined) {
    return buildMistralError(400, `Tool call id was ${String(badId)} but must be a-z, A-Z, 0-9, with a length of 9.`, 'invalid_function_call', '3280');
  }
  return null;
}

/** Checks on the body of a chat request; they run after a scripted error, which is the test's explicit choice. */
export function checkChatBody(provider: BYOKProvider, json: unknown): MockHttpResponse | null {
  const body = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (provider === 'anthropic' && typeof body.max_tokens !== 'number') {
    return buildAnthropicError(400, 'invalid_request_error', 'max_tokens: Field required');
  }
  if (provider === 'mistral') {
    const failure = checkMistralBody(body);
    if (failure) return failure;
  }
  // The app always streams; a non-streaming call is a client bug worth a loud failure.
  if (provider !== 'google' && body.stream !== true) {
    return buildJsonResponse(400, { error: { message: 'Mock provider: only streaming ("stream": true) is implemented.', type: 'mock_not_implemented' } });
  }
  return null;
}

/** The first failed check of the URL and headers (the key above all), or null when the request may proceed. */
export function checkRequestHeaders(input: RequestCheckInput): MockHttpResponse | null {
  const { provider, headers, query, context } = input;
  if (query.has('key')) {
    // Gemini would accept it, but a key in a URL ends up in logs and history (security.md R19, T20).
    return buildJsonResponse(400, { error: { message: 'Mock provider: the API key was sent in the URL query (?key=). Send it in its header.', type: 'mock_test_failure' } }, { 'x-mock-failure': 'key-in-query' });
  }
  if (provider === 'anthropic') {
    const failure = checkAnthropicHeaders(headers);
    if (failure) return failure;
  }
  const key = readProviderKey(provider, headers);
  if (!key) return buildMissingKeyResponse(provider, context);
  if (key.includes('INVALID')) return buildErrorResponse(provider, 'error-401', context);
  if (provider === 'anthropic' && typeof headers['anthropic-version'] !== 'string') {
    return buildAnthropicError(400, 'invalid_request_error', 'anthropic-version: header is required');
  }
  return null;
}
