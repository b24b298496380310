// xAI (OpenAI-compatible) SSE → StreamChunk (providers.md §5.3). Usage comes in a last chunk
// with `choices: []`, then `data: [DONE]`; anything that ends earlier was cut off.
import type { FinishReason, StreamChunk, Usage } from '../../types';
import { isRecord, parseJson, readArray, readNumber, readRecord, readString } from '../shared/json-values';
import { createProviderError } from '../shared/provider-error';
import type { StreamTransformer, TransformOutput } from '../shared/run-provider-stream';
import { createInterruptedError } from '../shared/stream-end';
import { ToolCallAccumulator } from '../shared/tool-call-accumulator';
import { mapXaiError } from './map-xai-error';
import { mapXaiFinishReason } from './map-xai-finish-reason';

type Controller = TransformStreamDefaultController<TransformOutput>;

/** completion_tokens leaves out reasoning_tokens on xAI, so they are added (providers.md §8.8). */
export function readXaiUsage(chunk: unknown): Usage | undefined {
  const usage = readRecord(chunk, 'usage');
  if (!usage) return undefined;
  const inputTokens = readNumber(usage, 'prompt_tokens') ?? 0;
  const reasoningTokens = readNumber(readRecord(usage, 'completion_tokens_details'), 'reasoning_tokens') ?? 0;
  const outputTokens = (readNumber(usage, 'completion_tokens') ?? 0) + reasoningTokens;
  return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
}

export function createXaiStreamTransform(): StreamTransformer {
  const toolCalls = new ToolCallAccumulator();
  let finishReason: FinishReason | undefined;
  let usage: Usage | undefined;
  let refused = false;
  let closed = false;

  const emitToolCalls = (controller: Controller): void => {
    for (const toolCall of toolCalls.takeAll()) controller.enqueue({ type: 'tool_call', toolCall });
  };

  const readChoice = (choice: unknown, controller: Controller): void => {
    const delta = readRecord(choice, 'delta');
    // reasoning_content is the model thinking aloud, not the answer: not shown as content.
    const content = readString(delta, 'content');
    if (content) controller.enqueue({ type: 'content', delta: content });
    const refusal = readString(delta, 'refusal');
    if (refusal) {
      refused = true;
      controller.enqueue({ type: 'content', delta: refusal });
    }
    readArray(delta, 'tool_calls').forEach((toolCall, position) => {
      const toolFunction = readRecord(toolCall, 'function');
      toolCalls.appendFragment(readNumber(toolCall, 'index') ?? position, {
        id: readString(toolCall, 'id'),
        name: readString(toolFunction, 'name'),
        argumentsDelta: readString(toolFunction, 'arguments'),
      });
    });
    const reason = readString(choice, 'finish_reason');
    if (reason) {
      finishReason = mapXaiFinishReason(reason);
      emitToolCalls(controller);
    }
  };

  return {
    transform(event, controller) {
      if (closed) return;
      if (event.data.trim() === '[DONE]') {
        closed = true;
        emitToolCalls(controller);
        if (usage) controller.enqueue({ type: 'usage', usage });
        const reason: FinishReason = refused ? 'content-filter' : (finishReason ?? 'other');
        controller.enqueue({ type: 'done', finishReason: reason } satisfies StreamChunk);
        return;
      }
      const chunk = parseJson(event.data);
      if (!isRecord(chunk)) return;
      if (readRecord(chunk, 'error')) {
        closed = true;
        const error = createProviderError({ provider: 'xai', mapError: mapXaiError, status: undefined, body: chunk, text: event.data });
        controller.enqueue({ type: 'error', error });
        return;
      }
      usage = readXaiUsage(chunk) ?? usage;
      const choice = readArray(chunk, 'choices')[0];
      if (isRecord(choice)) readChoice(choice, controller);
    },
    flush(controller) {
      if (!closed) controller.enqueue({ type: 'error', error: createInterruptedError('xai', 'data: [DONE]') });
    },
  };
}
