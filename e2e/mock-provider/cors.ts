// CORS as the real providers answer it, so a browser test fails where the real browser would.
// - Every provider answers `access-control-allow-origin: *` (big-AGI "all tested vendors return *";
//   Mistral capture in karthink/gptel#1203). `*` also makes a client that sends credentials fail, as it should.
// - Mistral allows only a few request headers (providers.md §6.1, gotcha 16): a preflight asking for
//   any other is refused without CORS headers, so fetch rejects with a TypeError like the real one.
// - Exposed response headers: nobody confirmed which providers expose retry-after (providers.md §1
//   step 6). OpenAI and Anthropic expose theirs here so the header path is testable; Gemini, xAI
//   and Mistral expose nothing so the body path (RetryInfo, "try again in") is testable. A scenario
//   parameter `expose=none|all` overrides this per request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BYOKProvider } from '../../src/byok/types';

const MISTRAL_ALLOWED_HEADERS = ['authorization', 'content-type', 'accept'];

const EXPOSED_HEADERS: Record<BYOKProvider, readonly string[]> = {
  openai: [
    'x-request-id', 'retry-after', 'retry-after-ms', 'x-should-retry',
    'x-ratelimit-limit-requests', 'x-ratelimit-remaining-requests', 'x-ratelimit-reset-requests',
    'x-ratelimit-limit-tokens', 'x-ratelimit-remaining-tokens', 'x-ratelimit-reset-tokens',
  ],
  anthropic: [
    'request-id', 'retry-after', 'anthropic-ratelimit-requests-limit', 'anthropic-ratelimit-requests-remaining',
    'anthropic-ratelimit-input-tokens-limit', 'anthropic-ratelimit-input-tokens-remaining', 'anthropic-ratelimit-input-tokens-reset',
  ],
  google: [],
  xai: [],
  mistral: [],
};

const ALL_EXPOSABLE = [...new Set(Object.values(EXPOSED_HEADERS).flat())];

/** Preflights are cached for ten minutes, a typical provider value; browsers cap it anyway. */
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/** `expose` parameter: `none` hides every header, `all` shows every one the mock ever sends. */
export function listExposedHeaders(provider: BYOKProvider | null, exposeParameter?: string): readonly string[] {
  if (exposeParameter === 'none' || exposeParameter === '0') return [];
  if (exposeParameter === 'all' || exposeParameter === '1') return ALL_EXPOSABLE;
  return provider ? EXPOSED_HEADERS[provider] : [];
}

/** The CORS headers of a normal (non-preflight) response, errors and streams included. */
export function buildCorsHeaders(provider: BYOKProvider | null, exposeParameter?: string): Record<string, string> {
  const exposed = listExposedHeaders(provider, exposeParameter);
  return {
    'access-control-allow-origin': '*',
    ...(exposed.length > 0 ? { 'access-control-expose-headers': exposed.join(', ') } : {}),
  };
}

function readRequestedHeaders(request: IncomingMessage): string[] {
  const raw = request.headers['access-control-request-headers'] ?? '';
  return raw.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
}

/**
 * Answers an OPTIONS preflight. Mistral refuses unlisted headers with a 400 and no
 * `access-control-allow-origin` (the browser then blocks the request); everyone else echoes
 * whatever headers were asked for.
 */
export function answerPreflight(request: IncomingMessage, response: ServerResponse, provider: BYOKProvider | null): void {
  const requested = readRequestedHeaders(request);
  if (provider === 'mistral') {
    const refused = requested.filter((name) => !MISTRAL_ALLOWED_HEADERS.includes(name));
    if (refused.length > 0) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`Disallowed CORS headers: ${refused.join(', ')}`);
      return;
    }
  }
  const allowHeaders = provider === 'mistral' ? MISTRAL_ALLOWED_HEADERS.join(', ') : requested.join(', ');
  response.writeHead(204, {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
    ...(allowHeaders ? { 'access-control-allow-headers': allowHeaders } : {}),
    'access-control-max-age': PREFLIGHT_MAX_AGE_SECONDS,
    vary: 'Origin, Access-Control-Request-Headers',
  });
  response.end();
}
