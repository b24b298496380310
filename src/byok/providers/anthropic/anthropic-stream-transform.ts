// Anthropic Messages SSE → StreamChunk (providers.md §3.3). Events are dispatched on their name;
// ping and unknown events are ignored; the stream is complete only at message_stop.
import type { FinishReason, Usage } from '../../types';
import { isRecord, parseJson, readNumber, readRecord, readString } from '../shared/json-values';
import type { JsonRecord } from '../shared/json-values';
import { createProviderError } from '../shared/provider-error';
import type { StreamTransformer, TransformOutput } from '../shared/run-provider-stream';
import { createInterruptedError } from '../shared/stream-end';
import { ToolCallAccumulator } from '../shared/tool-call-accumulator';
import { AnthropicContentBlocks } from './anthropic-content-blocks';
import { mapAnthropicError } from './map-anthropic-error';
import { mapAnthropicFinishReason } from './map-anthropic-finish-reason';

type Controller = TransformStreamDefaultController<TransformOutput>;

interface UsageCounts {
  input?: number;
  output?: number;
  reasoning?: number;
  cacheRead?: number;
  cacheWrite?: number;
}

/** input_tokens leaves out cached tokens, so the three are added (vercel convert-anthropic-usage). */
function readAnthropicUsage(usage: JsonRecord | undefined): UsageCounts {
  if (!usage) return {};
  const input = readNumber(usage, 'input_tokens');
  const counts: UsageCounts = {};
  if (input !== undefined) {
    counts.cacheWrite = readNumber(usage, 'cache_creation_input_tokens') ?? 0;
    counts.cacheRead = readNumber(usage, 'cache_read_input_tokens') ?? 0;
    counts.input = input + counts.cacheWrite + counts.cacheRead;
  }
  const output = readNumber(usage, 'output_tokens');
  if (output !== undefined) counts.output = output;
  // Inside output_tokens already; only on the final message_delta (providers-reasoning.md §3.5).
  const reasoning = readNumber(readRecord(usage, 'output_tokens_details'), 'thinking_tokens');
  if (reasoning !== undefined) counts.reasoning = reasoning;
  return counts;
}

function toUsage(counts: UsageCounts): Usage {
  const inputTokens = counts.input ?? 0;
  const outputTokens = counts.output ?? 0;
  const usage: Usage = { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
  if (counts.cacheRead) usage.cachedInputTokens = counts.cacheRead;
  if (counts.cacheWrite) usage.cacheWriteTokens = counts.cacheWrite;
  if (counts.reasoning) usage.reasoningTokens = counts.reasoning;
  return usage;
}

/** `model` stamps the replay of thinking blocks, which only this same model may read back. */
export function createAnthropicStreamTransform(model = ''): StreamTransformer {
  const toolCalls = new ToolCallAccumulator();
  const blocks = new AnthropicContentBlocks();
  // Both counts are cumulative: a later event overwrites, never adds (providers.md §8.9).
  const usage: UsageCounts = {};
  let finishReason: FinishReason | undefined;
  let closed = false;

  // Each report is handed on at once: input arrives in message_start, so a reply stopped or cut
  // off before message_delta still bills its input as the provider counted it.
  const updateUsage = (source: JsonRecord | undefined, controller: Controller): void => {
    const counts = readAnthropicUsage(source);
    if (counts.input === undefined && counts.output === undefined) return;
    Object.assign(usage, Object.fromEntries(Object.entries(counts).filter(([, value]) => value !== undefined)));
    controller.enqueue({ type: 'usage', usage: toUsage(usage) });
  };

  const handleDelta = (data: JsonRecord, controller: Controller): void => {
    const index = readNumber(data, 'index') ?? 0;
    const delta = readRecord(data, 'delta');
    const deltaType = readString(delta, 'type');
    if (deltaType === 'text_delta') {
      const text = readString(delta, 'text');
      if (text) controller.enqueue({ type: 'content', delta: text });
      if (text) blocks.appendText(index, text);
    } else if (deltaType === 'thinking_delta') {
      const thinking = readString(delta, 'thinking');
      if (thinking) controller.enqueue({ type: 'reasoning', delta: thinking });
      if (thinking) blocks.appendThinking(index, thinking);
    } else if (deltaType === 'signature_delta') {
      blocks.setSignature(index, readString(delta, 'signature') ?? '');
    } else if (deltaType === 'input_json_delta' && toolCalls.has(index)) {
      toolCalls.appendFragment(index, { argumentsDelta: readString(delta, 'partial_json') });
    }
  };

  const finish = (controller: Controller): void => {
    closed = true;
    for (const toolCall of toolCalls.takeAll()) controller.enqueue({ type: 'tool_call', toolCall });
    const items = blocks.takeReplayItems();
    if (items.length > 0) controller.enqueue({ type: 'replay', replay: { provider: 'anthropic', model, items } });
    if (usage.input !== undefined || usage.output !== undefined) controller.enqueue({ type: 'usage', usage: toUsage(usage) });
    controller.enqueue({ type: 'done', finishReason: finishReason ?? 'other' });
  };

  const handleEvent = (name: string, data: JsonRecord, raw: string, controller: Controller): void => {
    if (name === 'message_start') updateUsage(readRecord(readRecord(data, 'message'), 'usage'), controller);
    else if (name === 'content_block_start') {
      const block = readRecord(data, 'content_block');
      blocks.start(readNumber(data, 'index') ?? 0, block);
      if (readString(block, 'type') === 'tool_use') {
        toolCalls.appendFragment(readNumber(data, 'index') ?? 0, { id: readString(block, 'id'), name: readString(block, 'name') });
      }
    } else if (name === 'content_block_delta') handleDelta(data, controller);
    else if (name === 'content_block_stop') {
      const index = readNumber(data, 'index') ?? 0;
      const toolCall = toolCalls.take(index);
      if (toolCall) blocks.setToolInput(index, toolCall.arguments);
      if (toolCall) controller.enqueue({ type: 'tool_call', toolCall });
    } else if (name === 'message_delta') {
      const reason = readString(readRecord(data, 'delta'), 'stop_reason');
      if (reason) finishReason = mapAnthropicFinishReason(reason);
      updateUsage(readRecord(data, 'usage'), controller);
    } else if (name === 'message_stop') finish(controller);
    else if (name === 'error') {
      closed = true;
      const error = createProviderError({ provider: 'anthropic', mapError: mapAnthropicError, status: undefined, body: data, text: raw });
      controller.enqueue({ type: 'error', error });
    }
  };

  return {
    transform(event, controller) {
      if (closed) return;
      const data = parseJson(event.data);
      if (!isRecord(data)) return;
      // The SDK dispatches on the `event:` name; data.type is the fallback for a bare `data:` line.
      handleEvent(event.event ?? readString(data, 'type') ?? '', data, event.data, controller);
    },
    flush(controller) {
      if (!closed) controller.enqueue({ type: 'error', error: createInterruptedError('anthropic', 'message_stop') });
    },
  };
}
