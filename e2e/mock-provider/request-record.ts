// The record of every request the mock received, so tests can assert what the app actually sent
// (which header carried the key, no `?key=`, no cookies, the body shape, a preflight's headers).
// Keys are recorded as sent: they are test keys, and T19 needs to see exactly where each one went.
import type { IncomingMessage } from 'node:http';
import type { BYOKProvider } from '../../src/byok/types';

export interface RecordedRequest {
  /** Order of arrival, from 1. */
  sequence: number;
  method: string;
  /** Path without the query, as received (scenario prefix included). */
  path: string;
  query: Record<string, string>;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  bodyText: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
  provider: BYOKProvider | null;
  /** The scenario that answered, once known (null for preflights and unknown paths). */
  scenario: string | null;
  scenarioParameters: Record<string, string>;
  /** Requests that reached the redirect target (security.md T21 expects none). */
  isRedirectTarget: boolean;
  /** Epoch milliseconds at arrival. */
  time: number;
  status: number | null;
  /** completed: the mock ended the response · client-closed: the client went away first (Stop). */
  outcome: 'pending' | 'completed' | 'client-closed';
}

export interface RequestRecord {
  add(entry: Omit<RecordedRequest, 'sequence'>): RecordedRequest;
  list(): RecordedRequest[];
  clear(): void;
}

export function createRequestRecord(): RequestRecord {
  let entries: RecordedRequest[] = [];
  let sequence = 0;
  return {
    add(entry) {
      sequence += 1;
      const recorded = { ...entry, sequence };
      entries.push(recorded);
      return recorded;
    },
    list: () => [...entries],
    clear() {
      entries = [];
    },
  };
}

export function readHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export function parseJsonOrUndefined(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads the whole request body as UTF-8 text. */
export function readBodyText(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
