// Chat Completions SSE → StreamChunk, the framing OpenAI, xAI and Mistral share: `data:` chunks
// with `choices[0].delta`, tool calls by index, then `data: [DONE]`. What each provider means by
// usage, content and errors comes in as hooks, so the difference stays in its own folder
// (architecture.md); anything that ends before `[DONE]` was cut off.
import type { BYOKProvider, FinishReason, StreamChunk, Usage } from '../../types';
import { isRecord, parseJson, readArray, readNumber, readRecord, readString } from './json-values';
import type { JsonRecord } from './json-values';
import { createProviderError } from './provider-error';
import type { ProviderErrorMapper } from './provider-error';
import type { StreamTransformer, TransformOutput } from './run-provider-stream';
import { createInterruptedError } from './stream-end';
import { ToolCallAccumulator } from './tool-call-accumulator';

type Controller = TransformStreamDefaultController<TransformOutput>;

export interface ChatCompletionsStreamOptions {
  provider: BYOKProvider;
  mapError: ProviderErrorMapper;
  mapFinishReason: (reason: string) => FinishReason;
  /** The chunk's usage as the provider counts it; undefined when the chunk carries none. */
  readUsage: (chunk: unknown) => Usage | undefined;
  /** Answer text in `delta.content`; by default only a string counts. */
  readContent?: (content: unknown) => string;
  /** Visible reasoning in the delta (xAI `reasoning_content`, Mistral thinking chunks); none by default. */
  readReasoning?: (delta: JsonRecord | undefined) => string;
  /** Providers that send `delta.refusal` (OpenAI, xAI): shown as text, the turn ends as content-filter. */
  readsRefusals?: boolean;
  /** Whether a chunk is an in-stream error; by default one with an `error` object. */
  isErrorChunk?: (chunk: JsonRecord) => boolean;
}

export function hasErrorObject(chunk: JsonRecord): boolean {
  return readRecord(chunk, 'error') !== undefined;
}

function readStringContent(content: unknown): string {
  return typeof content === 'string' ? content : '';
}

/** What one stream has seen so far; a transform is created per request, so this is never shared. */
interface StreamState {
  readonly toolCalls: ToolCallAccumulator;
  finishReason: FinishReason | undefined;
  usage: Usage | undefined;
  refused: boolean;
  closed: boolean;
}

function emitToolCalls(state: StreamState, controller: Controller): void {
  for (const toolCall of state.toolCalls.takeAll()) controller.enqueue({ type: 'tool_call', toolCall });
}

function readChoice(choice: unknown, state: StreamState, options: ChatCompletionsStreamOptions, controller: Controller): void {
  const delta = readRecord(choice, 'delta');
  const reasoning = options.readReasoning?.(delta);
  if (reasoning) controller.enqueue({ type: 'reasoning', delta: reasoning });
  const content = (options.readContent ?? readStringContent)(delta?.['content']);
  if (content) controller.enqueue({ type: 'content', delta: content });
  const refusal = options.readsRefusals ? readString(delta, 'refusal') : undefined;
  if (refusal) {
    state.refused = true;
    controller.enqueue({ type: 'content', delta: refusal });
  }
  readArray(delta, 'tool_calls').forEach((toolCall, position) => {
    const toolFunction = readRecord(toolCall, 'function');
    // xAI and Mistral send whole calls, often without `index`; the position tells them apart.
    state.toolCalls.appendFragment(readNumber(toolCall, 'index') ?? position, {
      id: readString(toolCall, 'id'),
      name: readString(toolFunction, 'name'),
      argumentsDelta: readString(toolFunction, 'arguments'),
    });
  });
  const reason = readString(choice, 'finish_reason');
  if (reason) {
    state.finishReason = options.mapFinishReason(reason);
    emitToolCalls(state, controller);
  }
}

// Usage comes late (a chunk of its own, or riding on the last content chunk); it is emitted when
// it arrives and repeated just before the one `done`, so `usage` then `done` end every stream.
function finishStream(state: StreamState, controller: Controller): void {
  state.closed = true;
  emitToolCalls(state, controller);
  if (state.usage) controller.enqueue({ type: 'usage', usage: state.usage });
  const reason: FinishReason = state.refused ? 'content-filter' : (state.finishReason ?? 'other');
  controller.enqueue({ type: 'done', finishReason: reason } satisfies StreamChunk);
}

export function createChatCompletionsStreamTransform(options: ChatCompletionsStreamOptions): StreamTransformer {
  const { provider, mapError } = options;
  const isErrorChunk = options.isErrorChunk ?? hasErrorObject;
  const state: StreamState = { toolCalls: new ToolCallAccumulator(), finishReason: undefined, usage: undefined, refused: false, closed: false };
  return {
    transform(event, controller) {
      if (state.closed) return;
      if (event.data.trim() === '[DONE]') {
        finishStream(state, controller);
        return;
      }
      const chunk = parseJson(event.data);
      if (!isRecord(chunk)) return;
      if (isErrorChunk(chunk)) {
        state.closed = true;
        const error = createProviderError({ provider, mapError, status: undefined, body: chunk, text: event.data });
        controller.enqueue({ type: 'error', error });
        return;
      }
      const usage = options.readUsage(chunk);
      const choice = readArray(chunk, 'choices')[0];
      if (isRecord(choice)) readChoice(choice, state, options, controller);
      // Handed on at once as well as before `done`: a stream cut off after its usage still bills it.
      if (usage) {
        state.usage = usage;
        controller.enqueue({ type: 'usage', usage });
      }
    },
    flush(controller) {
      if (!state.closed) controller.enqueue({ type: 'error', error: createInterruptedError(provider, 'data: [DONE]') });
    },
  };
}

/**
 * Usage as sent: prompt_tokens in (cache reads inside it), completion_tokens out, and
 * completion_tokens_details.reasoning_tokens when the provider reports it. Providers whose counts differ adjust it.
 */
export function readChatCompletionsUsage(chunk: unknown): Usage | undefined {
  const usage = readRecord(chunk, 'usage');
  if (!usage) return undefined;
  const inputTokens = readNumber(usage, 'prompt_tokens') ?? 0;
  const outputTokens = readNumber(usage, 'completion_tokens') ?? 0;
  const reasoningTokens = readNumber(readRecord(usage, 'completion_tokens_details'), 'reasoning_tokens');
  const result: Usage = { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens, ...(reasoningTokens ? { reasoningTokens } : {}) };
  const cached = readCachedTokens(usage);
  if (cached > 0) result.cachedInputTokens = cached;
  const written = readNumber(readRecord(usage, 'prompt_tokens_details'), 'cache_write_tokens') ?? 0;
  if (written > 0) result.cacheWriteTokens = written;
  return result;
}

/** `prompt_tokens_details.cached_tokens`; Mistral's older `num_cached_tokens` / `prompt_token_details` too. */
function readCachedTokens(usage: JsonRecord): number {
  return readNumber(readRecord(usage, 'prompt_tokens_details'), 'cached_tokens')
    ?? readNumber(readRecord(usage, 'prompt_token_details'), 'cached_tokens')
    ?? readNumber(usage, 'num_cached_tokens')
    ?? 0;
}
