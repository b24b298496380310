// OpenAI Responses SSE → StreamChunk (providers-reasoning.md §1.4). Events are dispatched on
// data.type; reasoning summaries stream as reasoning, output text as content, function calls are
// handed out whole when their item is done. The completed output items are kept, in order, as the
// replay the next turn sends back (encrypted reasoning included). The stream is complete only at
// response.completed / response.incomplete; `[DONE]` is tolerated, not required.
import type { StreamChunk, Usage } from '../../types';
import { isRecord, parseJson, readArray, readNumber, readRecord, readString } from '../shared/json-values';
import type { JsonRecord } from '../shared/json-values';
import { createProviderError } from '../shared/provider-error';
import type { StreamTransformer, TransformOutput } from '../shared/run-provider-stream';
import { createInterruptedError } from '../shared/stream-end';
import { parseToolArguments } from '../shared/tool-call-accumulator';
import { mapOpenAIError } from './map-openai-error';
import { mapOpenAIResponsesFinishReason } from './map-openai-responses-finish-reason';

type Controller = TransformStreamDefaultController<TransformOutput>;

/** input_tokens includes cached (and cache-write) tokens; output_tokens includes reasoning tokens (§1.6). */
export function readOpenAIResponsesUsage(response: JsonRecord | undefined): Usage | undefined {
  const usage = readRecord(response, 'usage');
  if (!usage) return undefined;
  const inputTokens = readNumber(usage, 'input_tokens') ?? 0;
  const outputTokens = readNumber(usage, 'output_tokens') ?? 0;
  const reasoningTokens = readNumber(readRecord(usage, 'output_tokens_details'), 'reasoning_tokens');
  const inputDetails = readRecord(usage, 'input_tokens_details');
  const cachedInputTokens = readNumber(inputDetails, 'cached_tokens');
  const cacheWriteTokens = readNumber(inputDetails, 'cache_write_tokens');
  return {
    inputTokens, outputTokens, totalTokens: inputTokens + outputTokens,
    ...(reasoningTokens ? { reasoningTokens } : {}),
    ...(cachedInputTokens ? { cachedInputTokens } : {}),
    ...(cacheWriteTokens ? { cacheWriteTokens } : {}),
  };
}

/**
 * An output item as it goes back in `input`. Reasoning keeps its id with encrypted_content (an id
 * alone is looked up server-side and fails with store:false); messages and calls drop their ids.
 */
export function toReplayItem(item: JsonRecord): JsonRecord | undefined {
  const type = readString(item, 'type');
  if (type === 'reasoning') {
    const encrypted = readString(item, 'encrypted_content');
    if (!encrypted) return undefined;
    return { type, id: readString(item, 'id') ?? '', encrypted_content: encrypted, summary: readArray(item, 'summary') };
  }
  if (type === 'message') {
    const content = readArray(item, 'content').filter((part) => readString(part, 'type') === 'output_text');
    return { type, role: 'assistant', content: content.map((part) => ({ type: 'output_text', text: readString(part, 'text') ?? '' })) };
  }
  if (type === 'function_call') {
    return { type, call_id: readString(item, 'call_id') ?? '', name: readString(item, 'name') ?? '', arguments: readString(item, 'arguments') ?? '' };
  }
  return undefined;
}

/**
 * Documented `{type:"error",code,message}`, observed `{type:"error",error:{…}}` and a failed
 * response's `{code,message}` all become the `{error:{type,code,message}}` mapOpenAIError reads.
 */
function normaliseErrorBody(source: JsonRecord | undefined): JsonRecord {
  const error = readRecord(source, 'error') ?? source ?? {};
  const code = readString(error, 'code');
  return { error: { ...error, type: readString(error, 'type') ?? code, message: readString(error, 'message') ?? 'The response failed.' } };
}

interface ResponsesStreamState {
  /** fc_… item id → call_id and name, from output_item.added. */
  readonly calls: Map<string, { callId: string; name: string; argumentsText: string }>;
  readonly replayItems: JsonRecord[];
  calledTools: boolean;
  refused: boolean;
  closed: boolean;
}

function handleItemDone(item: JsonRecord, state: ResponsesStreamState, controller: Controller): void {
  const replay = toReplayItem(item);
  if (replay) state.replayItems.push(replay);
  if (readString(item, 'type') !== 'function_call') return;
  const pending = state.calls.get(readString(item, 'id') ?? '');
  const callId = readString(item, 'call_id') ?? pending?.callId ?? '';
  const argumentsText = readString(item, 'arguments') ?? pending?.argumentsText ?? '';
  state.calledTools = true;
  const toolCall = { id: callId, name: readString(item, 'name') ?? pending?.name ?? '', arguments: parseToolArguments(argumentsText) };
  controller.enqueue({ type: 'tool_call', toolCall });
}

function finish(data: JsonRecord, model: string, state: ResponsesStreamState, controller: Controller): void {
  state.closed = true;
  const response = readRecord(data, 'response');
  // Only worth replaying when the model reasoned; plain text and calls rebuild from the message.
  if (state.replayItems.some((item) => item['type'] === 'reasoning')) {
    controller.enqueue({ type: 'replay', replay: { provider: 'openai', model, items: state.replayItems } });
  }
  const usage = readOpenAIResponsesUsage(response);
  if (usage) controller.enqueue({ type: 'usage', usage });
  const status = readString(response, 'status') ?? (readString(data, 'type') === 'response.incomplete' ? 'incomplete' : 'completed');
  const reason = mapOpenAIResponsesFinishReason(status, readString(readRecord(response, 'incomplete_details'), 'reason'), state.calledTools);
  controller.enqueue({ type: 'done', finishReason: state.refused && reason === 'stop' ? 'content-filter' : reason } satisfies StreamChunk);
}

function fail(body: JsonRecord, raw: string, state: ResponsesStreamState, controller: Controller): void {
  state.closed = true;
  const error = createProviderError({ provider: 'openai', mapError: mapOpenAIError, status: undefined, body, text: raw });
  controller.enqueue({ type: 'error', error });
}

function handleEvent(data: JsonRecord, raw: string, model: string, state: ResponsesStreamState, controller: Controller): void {
  const type = readString(data, 'type') ?? '';
  const delta = readString(data, 'delta') ?? '';
  switch (type) {
    case 'response.reasoning_summary_text.delta':
    case 'response.reasoning_text.delta':
      if (delta) controller.enqueue({ type: 'reasoning', delta });
      return;
    case 'response.reasoning_summary_part.added':
      // Each summary part is a paragraph; keep them apart in the text.
      if ((readNumber(data, 'summary_index') ?? 0) > 0) controller.enqueue({ type: 'reasoning', delta: '\n\n' });
      return;
    case 'response.output_text.delta':
      if (delta) controller.enqueue({ type: 'content', delta });
      return;
    case 'response.refusal.delta':
      state.refused = true;
      if (delta) controller.enqueue({ type: 'content', delta });
      return;
    case 'response.output_item.added': {
      const item = readRecord(data, 'item');
      if (readString(item, 'type') === 'function_call') {
        state.calls.set(readString(item, 'id') ?? '', { callId: readString(item, 'call_id') ?? '', name: readString(item, 'name') ?? '', argumentsText: '' });
      }
      return;
    }
    case 'response.function_call_arguments.delta': {
      const pending = state.calls.get(readString(data, 'item_id') ?? '');
      if (pending) pending.argumentsText += delta;
      return;
    }
    case 'response.output_item.done': {
      const item = readRecord(data, 'item');
      if (item) handleItemDone(item, state, controller);
      return;
    }
    case 'response.completed':
    case 'response.incomplete':
      finish(data, model, state, controller);
      return;
    case 'response.failed':
      fail(normaliseErrorBody(readRecord(readRecord(data, 'response'), 'error')), raw, state, controller);
      return;
    case 'error':
      fail(normaliseErrorBody(data), raw, state, controller);
      return;
    default:
  }
}

/** `model` stamps the replay of encrypted reasoning, which only this same model may read back. */
export function createOpenAIResponsesStreamTransform(model = ''): StreamTransformer {
  const state: ResponsesStreamState = { calls: new Map(), replayItems: [], calledTools: false, refused: false, closed: false };
  return {
    transform(event, controller) {
      if (state.closed || event.data.trim() === '[DONE]') return;
      const data = parseJson(event.data);
      if (isRecord(data)) handleEvent(data, event.data, model, state, controller);
    },
    flush(controller) {
      if (!state.closed) controller.enqueue({ type: 'error', error: createInterruptedError('openai', 'response.completed') });
    },
  };
}
