// A tiny, independent reader of the five wire formats, used only by self-check.ts to prove the mock
// speaks them. Deliberately separate from src/byok so a bug in one cannot hide a bug in the other.
import type { BYOKProvider } from '../../src/byok/types';

export interface ChatOptions {
  key?: string;
  includeUsage?: boolean;
  tools?: string[];
  /** Replaces the single user message. */
  messages?: unknown[];
  headers?: Record<string, string>;
  model?: string;
  /** Extra top-level body fields, e.g. to prove Mistral rejects them. */
  extraBody?: Record<string, unknown>;
}

const DEFAULT_MODELS: Record<BYOKProvider, string> = {
  openai: 'gpt-4o', anthropic: 'claude-sonnet-4-5', google: 'gemini-2.5-flash', xai: 'grok-4.3', mistral: 'mistral-small-latest',
};

export const VALID_KEYS: Record<BYOKProvider, string> = {
  openai: 'sk-proj-selfcheck', anthropic: 'sk-ant-api03-selfcheck', google: 'AIzaSelfCheck', xai: 'xai-selfcheck', mistral: 'SelfCheckMistralKey0000000000000',
};

export function buildAuthHeaders(provider: BYOKProvider, key: string): Record<string, string> {
  if (provider === 'anthropic') return { 'x-api-key': key, 'anthropic-version': '2023-06-01' };
  if (provider === 'google') return { 'x-goog-api-key': key };
  return { authorization: `Bearer ${key}` };
}

function buildBody(provider: BYOKProvider, text: string, options: ChatOptions): Record<string, unknown> {
  const model = options.model ?? DEFAULT_MODELS[provider];
  const tools = options.tools ?? [];
  if (provider === 'google') {
    return {
      contents: options.messages ?? [{ role: 'user', parts: [{ text }] }],
      ...(tools.length > 0 ? { tools: [{ functionDeclarations: tools.map((name) => ({ name, parameters: { type: 'object' } })) }] } : {}),
    };
  }
  const messages = options.messages ?? [{ role: 'user', content: text }];
  if (provider === 'anthropic') {
    return { model, max_tokens: 1024, stream: true, messages, ...(tools.length > 0 ? { tools: tools.map((name) => ({ name, input_schema: { type: 'object' } })) } : {}) };
  }
  return {
    model, stream: true, messages, ...options.extraBody,
    // Mistral refuses stream_options (gotcha 7) and sends usage anyway.
    ...(options.includeUsage && provider !== 'mistral' ? { stream_options: { include_usage: true } } : {}),
    ...(tools.length > 0 ? { tools: tools.map((name) => ({ type: 'function', function: { name, parameters: { type: 'object' } } })) } : {}),
  };
}

/** URL and fetch options of a streaming chat request against an API root. */
export function buildChatRequest(baseUrl: string, provider: BYOKProvider, text: string, options: ChatOptions = {}): { url: string; init: RequestInit; body: Record<string, unknown> } {
  const path = provider === 'google'
    ? `/models/${options.model ?? DEFAULT_MODELS.google}:streamGenerateContent?alt=sse`
    : provider === 'anthropic' ? '/messages' : '/chat/completions';
  const body = buildBody(provider, text, options);
  const headers = { 'content-type': 'application/json', ...buildAuthHeaders(provider, options.key ?? VALID_KEYS[provider]), ...options.headers };
  return { url: `${baseUrl}${path}`, init: { method: 'POST', headers, body: JSON.stringify(body) }, body };
}

/** The whole body as text, and how many separate reads it took (more than one means it streamed). */
export async function readWholeBody(response: Response): Promise<{ raw: string; reads: number }> {
  const reader = response.body?.getReader();
  const decoder = new TextDecoder();
  let raw = '';
  let reads = 0;
  for (;;) {
    const { done, value } = reader ? await reader.read() : { done: true, value: undefined };
    if (done) break;
    reads += 1;
    raw += decoder.decode(value, { stream: true });
  }
  return { raw, reads };
}

export interface ReadReply {
  text: string;
  toolCalls: Array<{ id: string; name: string; arguments: unknown }>;
  usage: { input: number; output: number } | null;
  /** The provider's end marker was seen ([DONE], message_stop, a finishReason). */
  ended: boolean;
  finish: string | null;
  error: unknown;
  blockReason: string | null;
}

export function createEmptyReply(): ReadReply {
  return { text: '', toolCalls: [], usage: null, ended: false, finish: null, error: null, blockReason: null };
}

/** Splits SSE frames, checking the provider's line ending is used everywhere. */
export function splitFrames(provider: BYOKProvider, raw: string): Array<{ event: string | null; data: string }> {
  const separator = provider === 'google' ? '\r\n\r\n' : '\n\n';
  if (provider !== 'google' && raw.includes('\r')) throw new Error(`${provider}: CR found in an LF stream`);
  if (provider === 'google' && /[^\r]\n/.test(raw)) throw new Error('google: bare LF found in a CRLF stream');
  if (!raw.endsWith(separator)) throw new Error(`${provider}: stream does not end with a blank line`);
  return raw.slice(0, -separator.length).split(separator).map((block) => {
    const lines = block.split(provider === 'google' ? '\r\n' : '\n');
    const eventLine = lines.find((line) => line.startsWith('event: '));
    const dataLine = lines.find((line) => line.startsWith('data: '));
    if (!dataLine) throw new Error(`${provider}: frame without data: ${block}`);
    return { event: eventLine ? eventLine.slice(7) : null, data: dataLine.slice(6) };
  });
}
