// streamChat / collectStream / sendChat (product.md): resolves the key and endpoint, runs the
// provider's adapter, and when a stream finishes records use and cost against the vault key.
import { getAdapterRunner } from './adapter-runner';
import { getKeyCredentials, isVaultUnlocked, markKeyUsed, onVaultLocked } from './api-key-manager';
import { PROVIDERS } from './provider-config';
import { normaliseEndpoint } from './vault/endpoint';
import { getProviderAdapter } from './providers';
import type { ResolvedChatRequest } from './providers/provider-adapter';
import { BYOKError, type BYOKProvider, type ChatRequest, type ChatResult, type FinishReason, type ReasoningReplay, type StreamChunk, type ToolCall, type Usage } from './types';
import { calculateUsageCost } from './usage-cost';
import { notifyUsageChanged } from './usage-events';
import { recordUsage } from './usage-ledger';
import { createUsageMeter } from './usage-meter';

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
 * A reply stops with a clear error past this many characters (text and reasoning together). No
 * model's output comes near it (the largest output limits are about 128k tokens, ~0.5M characters);
 * only a broken or hostile endpoint does, and memory must not grow without limit (security.md T29).
 */
export const MAX_REPLY_CHARACTERS = 2_000_000;

/**
 * Without `apiKey` the vault supplies key and endpoint (VAULT_LOCKED / KEY_NOT_FOUND otherwise),
 * and the key goes only to the endpoint it is bound to: a different `baseUrl` is refused. With
 * `apiKey`, the caller chose both key and endpoint; the endpoint is still validated (https, or
 * http on loopback), and the call counts as the vault key's use only when both key and endpoint match.
 */
async function resolveCredentials(request: ChatRequest): Promise<ResolvedCredentials> {
  if (request.apiKey === undefined) {
    const stored = await getKeyCredentials(request.provider, request.baseUrl);
    return { apiKey: stored.apiKey, baseUrl: stored.baseUrl, isVaultKey: true };
  }
  const stored = await readVaultCredentials(request.provider);
  const baseUrl = normaliseEndpoint(request.baseUrl ?? stored?.baseUrl ?? PROVIDERS[request.provider].baseUrl).baseUrl;
  return { apiKey: request.apiKey, baseUrl, isVaultKey: stored?.apiKey === request.apiKey && stored.baseUrl === baseUrl };
}

function replyTooLongError(provider: BYOKProvider): BYOKError {
  return new BYOKError(
    'STREAM_INTERRUPTED',
    `The reply passed ${MAX_REPLY_CHARACTERS.toLocaleString('en-US')} characters, far beyond any model's output; reading stopped and the text so far is kept.`,
    { provider },
  );
}

/** Bookkeeping never breaks a reply that already arrived: a locked vault or full disk is ignored. */
async function recordBilledUsage(request: ChatRequest, usage: Usage): Promise<void> {
  const cost = calculateUsageCost(request.provider, request.model, usage);
  await Promise.allSettled([
    markKeyUsed(request.provider),
    recordUsage({
      provider: request.provider, model: request.model, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, cost,
      ...(usage.cachedInputTokens ? { cachedInputTokens: usage.cachedInputTokens } : {}),
      ...(usage.estimated ? { estimated: true } : {}),
    }),
  ]);
  // Again once "last used" is written too, so every screen and tab reads both together.
  notifyUsageChanged();
}

/**
 * A signal that also fires when the vault locks (R14: lock aborts every request in flight). An
 * explicit-key request is aborted too: locking means the person walked away.
 */
function abortOnLock(signal: AbortSignal | undefined): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort, { once: true });
  const stopListening = onVaultLocked(() => controller.abort(new DOMException('The vault locked.', 'AbortError')));
  return {
    signal: controller.signal,
    release: () => {
      stopListening();
      signal?.removeEventListener('abort', abort);
    },
  };
}

export async function* streamChat(request: ChatRequest): AsyncGenerator<StreamChunk> {
  const credentials = await resolveCredentials(request);
  const lockable = abortOnLock(request.signal);
  try {
    yield* streamResolved(request, { ...request, apiKey: credentials.apiKey, baseUrl: credentials.baseUrl, signal: lockable.signal }, credentials);
  } finally {
    lockable.release();
  }
}

/**
 * Every reply the provider started is billed exactly once, however it ends: finished, stopped,
 * cut off or failed mid-stream, or dropped by a consumer that stopped iterating. Before `done`
 * and before a thrown error the consumer gets the billed usage as a last `usage` chunk when it
 * differs from what the provider sent (an estimate), so the reply and the ledger agree.
 *
 * The ledger write is started before `done` is handed out, so it happens even if the consumer
 * never asks for another chunk, but `done` does not wait for it: the reply is finished on screen at
 * once (performance.md B2, last byte → final paint). The stream itself ends, and a thrown error
 * leaves, only once the write is done.
 */
async function* streamResolved(request: ChatRequest, resolved: ResolvedChatRequest, credentials: ResolvedCredentials): AsyncGenerator<StreamChunk> {
  const meter = createUsageMeter(request);
  let replyCharacters = 0;
  // On this thread, or in the streaming worker the app installed (adapter-runner.ts): same chunks.
  const runner = getAdapterRunner();
  const chunks = runner ? runner(resolved) : getProviderAdapter(request.provider).streamChat(resolved);
  let recorded: Promise<void> | null = null;
  /** Settles the bill and starts recording it, the first time only: the usage billed then. */
  const bill = (): Usage | undefined => {
    if (recorded !== null || !meter.started) return undefined;
    const usage = meter.settle();
    recorded = credentials.isVaultKey ? recordBilledUsage(request, usage) : Promise.resolve();
    return usage;
  };
  try {
    for await (const chunk of chunks) {
      meter.observe(chunk);
      // Text and reasoning deltas alike; unknown chunk types without a delta are passed on untouched.
      if ('delta' in chunk && typeof chunk.delta === 'string') replyCharacters += chunk.delta.length;
      if (replyCharacters > MAX_REPLY_CHARACTERS) throw replyTooLongError(request.provider);
      if (chunk.type === 'done') {
        const usage = bill();
        if (usage?.estimated) yield { type: 'usage', usage };
      }
      yield chunk;
    }
  } catch (error) {
    const usage = bill();
    if (usage) yield { type: 'usage', usage };
    throw error;
  } finally {
    bill();
    await recorded;
  }
}

export async function collectStream(request: ChatRequest, onChunk?: (chunk: StreamChunk) => void): Promise<ChatResult> {
  let content = '';
  let reasoning = '';
  let replay: ReasoningReplay | undefined;
  const toolCalls: ToolCall[] = [];
  let usage: Usage = { inputTokens: 0, outputTokens: 0, totalTokens: 0 };
  let finishReason: FinishReason = 'other';
  for await (const chunk of streamChat(request)) {
    onChunk?.(chunk);
    if (chunk.type === 'content') content += chunk.delta;
    else if (chunk.type === 'reasoning') reasoning += chunk.delta;
    else if (chunk.type === 'replay') replay = chunk.replay;
    else if (chunk.type === 'tool_call') toolCalls.push(chunk.toolCall);
    else if (chunk.type === 'usage') usage = chunk.usage;
    else if (chunk.type === 'done') finishReason = chunk.finishReason;
  }
  const cost = calculateUsageCost(request.provider, request.model, usage);
  return { content, reasoning, ...(replay ? { replay } : {}), toolCalls, usage, cost, finishReason };
}

export function sendChat(request: ChatRequest): Promise<ChatResult> {
  return collectStream(request);
}
