// streamChat / collectStream / sendChat (product.md): resolves the key and endpoint, runs the
// provider's adapter, and when a stream finishes records use and cost against the vault key.
import { getKeyCredentials, isVaultUnlocked, markKeyUsed } from './api-key-manager';
import { PROVIDERS, calculateCost } from './provider-config';
import { getProviderAdapter } from './providers';
import type { ResolvedChatRequest } from './providers/provider-adapter';
import type { BYOKProvider, ChatRequest, ChatResult, FinishReason, StreamChunk, ToolCall, Usage } from './types';
import { recordUsage } from './usage-ledger';

interface ResolvedCredentials {
  apiKey: string;
  baseUrl: string;
  /** The key is the one the vault holds for this provider, so its use and spend are recorded. */
  isVaultKey: boolean;
}

async function readVaultCredentials(provider: BYOKProvider): Promise<{ apiKey: string; baseUrl: string } | undefined> {
  if (!isVaultUnlocked()) return undefined;
  try {
    return await getKeyCredentials(provider);
  } catch {
    return undefined;
  }
}

/**
 * Without `apiKey` the vault supplies key and endpoint (VAULT_LOCKED / KEY_NOT_FOUND otherwise).
 * With `apiKey`, the request's own key and endpoint are used; it still counts as the vault key's
 * use when it is that same key — the chat screen may pass the key it got from the vault session.
 */
async function resolveCredentials(request: ChatRequest): Promise<ResolvedCredentials> {
  if (request.apiKey === undefined) {
    const stored = await getKeyCredentials(request.provider);
    return { apiKey: stored.apiKey, baseUrl: request.baseUrl ?? stored.baseUrl, isVaultKey: true };
  }
  const stored = await readVaultCredentials(request.provider);
  return {
    apiKey: request.apiKey,
    baseUrl: request.baseUrl ?? stored?.baseUrl ?? PROVIDERS[request.provider].baseUrl,
    isVaultKey: stored?.apiKey === request.apiKey,
  };
}

/** Bookkeeping never breaks a reply that already arrived: a locked vault or full disk is ignored. */
async function recordFinishedStream(request: ChatRequest, usage: Usage | undefined): Promise<void> {
  const inputTokens = usage?.inputTokens ?? 0;
  const outputTokens = usage?.outputTokens ?? 0;
  const cost = calculateCost(request.provider, request.model, inputTokens, outputTokens);
  await Promise.allSettled([
    markKeyUsed(request.provider),
    usage ? recordUsage({ provider: request.provider, model: request.model, inputTokens, outputTokens, cost }) : Promise.resolve(),
  ]);
}

export async function* streamChat(request: ChatRequest): AsyncGenerator<StreamChunk> {
  const credentials = await resolveCredentials(request);
  const resolved: ResolvedChatRequest = { ...request, apiKey: credentials.apiKey, baseUrl: credentials.baseUrl };
  let usage: Usage | undefined;
  for await (const chunk of getProviderAdapter(request.provider).streamChat(resolved)) {
    if (chunk.type === 'usage') usage = chunk.usage;
    // Recorded before `done` is handed out: a consumer may stop iterating right after it.
    if (chunk.type === 'done' && credentials.isVaultKey) await recordFinishedStream(request, usage);
    yield chunk;
  }
}

export async function collectStream(request: ChatRequest, onChunk?: (chunk: StreamChunk) => void): Promise<ChatResult> {
  let content = '';
  const toolCalls: ToolCall[] = [];
  let usage: Usage = { inputTokens: 0, outputTokens: 0, totalTokens: 0 };
  let finishReason: FinishReason = 'other';
  for await (const chunk of streamChat(request)) {
    onChunk?.(chunk);
    if (chunk.type === 'content') content += chunk.delta;
    else if (chunk.type === 'tool_call') toolCalls.push(chunk.toolCall);
    else if (chunk.type === 'usage') usage = chunk.usage;
    else finishReason = chunk.finishReason;
  }
  const cost = calculateCost(request.provider, request.model, usage.inputTokens, usage.outputTokens);
  return { content, toolCalls, usage, cost, finishReason };
}

export function sendChat(request: ChatRequest): Promise<ChatResult> {
  return collectStream(request);
}
