// The HTTP control API, so a browser test or another process can read and reset the record:
//   GET /__mock/requests (JSON array; ?provider= filters) · DELETE /__mock/requests · GET /__mock/health
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestRecord } from './request-record';

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json',
    'access-control-allow-origin': '*',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

/** Answers a control request; false when the path is not a control endpoint. */
export function handleControlRequest(request: IncomingMessage, response: ServerResponse, url: URL, record: RequestRecord): boolean {
  const method = request.method ?? 'GET';
  if (url.pathname !== '/__mock/requests' && url.pathname !== '/__mock/health') return false;
  if (method === 'OPTIONS') {
    response.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, DELETE, OPTIONS',
      'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '',
    });
    response.end();
    return true;
  }
  if (url.pathname === '/__mock/health' && method === 'GET') {
    sendJson(response, 200, { ok: true, origin: url.origin, requests: record.list().length });
    return true;
  }
  if (method === 'GET') {
    const provider = url.searchParams.get('provider');
    const entries = record.list().filter((entry) => provider === null || entry.provider === provider);
    sendJson(response, 200, entries);
    return true;
  }
  if (method === 'DELETE') {
    record.clear();
    response.writeHead(204, { 'access-control-allow-origin': '*' });
    response.end();
    return true;
  }
  sendJson(response, 405, { error: `Method ${method} not allowed on ${url.pathname}` });
  return true;
}
