// The local mock provider: real HTTP on 127.0.0.1 standing in for OpenAI, Anthropic, Gemini, xAI and
// Mistral. Playwright's route.fulfill cannot stream (toolchain.md landmine 6), so this is a real
// server. Port 0 picks a free port, so every test file can start its own.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BYOKProvider } from '../../src/byok/types';
import { answerPreflight, buildCorsHeaders } from './cors';
import { handleControlRequest } from './control-api';
import { handleProviderRequest } from './provider-handler';
import type { RecordedRequest, RequestRecord } from './request-record';
import { createRequestRecord, parseJsonOrUndefined, readBodyText, readHeaders } from './request-record';
import { API_VERSIONS, parseRoute } from './routes';
import type { ScenarioParameters } from './scenarios';
import { formatPathScenario } from './scenarios';
import { describeMockServer } from './usage-text';

export interface MockProviderServerOptions {
  port?: number;
  host?: string;
}

export interface MockProviderServer {
  /** e.g. http://127.0.0.1:8787 */
  readonly origin: string;
  readonly port: number;
  /**
   * API root with the version path, e.g. `${origin}/openai/v1`; with a scenario
   * `${origin}/scenario/<name>[,key=value…]/openai/v1`.
   */
  baseUrlFor(provider: BYOKProvider, scenario?: string, parameters?: ScenarioParameters): string;
  /** Every request received so far (a copy; control API calls are not recorded). */
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  close(): Promise<void>;
}

interface ServerState {
  record: RequestRecord;
  origin: string;
  redirectOrigin: string;
}

function sendPlain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'access-control-allow-origin': '*' });
  response.end(text);
}

async function recordIncoming(request: IncomingMessage, url: URL, state: ServerState, provider: BYOKProvider | null): Promise<RecordedRequest> {
  const bodyText = await readBodyText(request);
  const entry = state.record.add({
    method: request.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: readHeaders(request),
    bodyText,
    json: parseJsonOrUndefined(bodyText),
    provider,
    scenario: null,
    scenarioParameters: {},
    isRedirectTarget: url.pathname.startsWith('/__mock/redirect-target'),
    time: Date.now(),
    status: null,
    outcome: 'pending',
  });
  return entry;
}

/** Watches the response so the record says whether the client left before the end (Stop). */
function trackOutcome(response: ServerResponse, entry: RecordedRequest): void {
  response.on('close', () => {
    if (entry.outcome === 'pending') entry.outcome = response.writableFinished ? 'completed' : 'client-closed';
  });
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, state: ServerState): Promise<void> {
  const url = new URL(request.url ?? '/', state.origin);
  const method = request.method ?? 'GET';
  if (handleControlRequest(request, response, url, state.record)) return;
  if (url.pathname === '/' && method === 'GET') return sendPlain(response, 200, describeMockServer(state.origin, (provider, scenario) => buildBaseUrl(state.origin, provider, scenario)));

  const route = parseRoute(method, url.pathname);
  const entry = await recordIncoming(request, url, state, route.provider);
  trackOutcome(response, entry);
  if (method === 'OPTIONS') {
    answerPreflight(request, response, route.provider);
    entry.status = response.statusCode;
    return;
  }
  if (entry.isRedirectTarget) {
    // Reaching here means a client followed a redirect it should have refused (security.md T21).
    entry.status = 200;
    response.writeHead(200, { 'content-type': 'application/json', ...buildCorsHeaders(null) });
    response.end(JSON.stringify({ redirectTarget: true, note: 'A client followed a redirect with its credentials.' }));
    return;
  }
  if (route.provider === null) {
    entry.status = 404;
    return sendPlain(response, 404, `Mock provider: unknown path ${url.pathname}. GET / for usage.`);
  }
  await handleProviderRequest({ request, response, url, route: { ...route, provider: route.provider }, json: entry.json, entry, redirectOrigin: state.redirectOrigin });
}

function buildBaseUrl(origin: string, provider: BYOKProvider, scenario?: string, parameters: ScenarioParameters = {}): string {
  const root = `${provider}/${API_VERSIONS[provider]}`;
  return scenario ? `${origin}/scenario/${formatPathScenario(scenario, parameters)}/${root}` : `${origin}/${root}`;
}

/** Another origin for the same server: the other loopback name, so a redirect crosses origins. */
function buildRedirectOrigin(host: string, port: number): string {
  return host === 'localhost' ? `http://127.0.0.1:${port}` : `http://localhost:${port}`;
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export async function startMockProviderServer({ port = 0, host = '127.0.0.1' }: MockProviderServerOptions = {}): Promise<MockProviderServer> {
  const record = createRequestRecord();
  const state: ServerState = { record, origin: '', redirectOrigin: '' };
  const server = createServer({ noDelay: true }, (request, response) => {
    handleRequest(request, response, state).catch((error: unknown) => {
      // A bug in the mock must show up as a 500 the test can see, never as a hung request.
      if (!response.headersSent) sendPlain(response, 500, `Mock provider failed: ${String(error)}`);
      else response.destroy();
    });
  });
  const address = await listen(server, port, host);
  state.origin = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  state.redirectOrigin = buildRedirectOrigin(host, address.port);
  return {
    origin: state.origin,
    port: address.port,
    baseUrlFor: (provider, scenario, parameters) => buildBaseUrl(state.origin, provider, scenario, parameters),
    get requests() {
      return record.list();
    },
    clearRequests: () => record.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Open streams and keep-alive sockets would hold close() forever.
        server.closeAllConnections();
      }),
  };
}
