// Mistral chat completions SSE → StreamChunk (providers.md §6.3). OpenAI framing with `[DONE]`,
// but usage rides on the final content chunk, tool calls arrive whole (often without `index`),
// and reasoning models send `content` as an array of typed parts.
import type { FinishReason, StreamChunk, Usage } from '../../types';
import { isRecord, parseJson, readArray, readNumber, readRecord, readString } from '../shared/json-values';
import { createProviderError } from '../shared/provider-error';
import type { StreamTransformer, TransformOutput } from '../shared/run-provider-stream';
import { createInterruptedError } from '../shared/stream-end';
import { ToolCallAccumulator } from '../shared/tool-call-accumulator';
import { mapMistralError } from './map-mistral-error';
import { mapMistralFinishReason } from './map-mistral-finish-reason';

type Controller = TransformStreamDefaultController<TransformOutput>;

export function readMistralUsage(chunk: unknown): Usage | undefined {
  const usage = readRecord(chunk, 'usage');
  if (!usage) return undefined;
  const inputTokens = readNumber(usage, 'prompt_tokens') ?? 0;
  const outputTokens = readNumber(usage, 'completion_tokens') ?? 0;
  return { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
}

/** A string, or `[{type:"text",text}, {type:"thinking",…}]`: only answer text is kept. */
export function readMistralContent(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (readString(part, 'type') === 'text' ? (readString(part, 'text') ?? '') : '')).join('');
}

export function createMistralStreamTransform(): StreamTransformer {
  const toolCalls = new ToolCallAccumulator();
  let finishReason: FinishReason | undefined;
  let usage: Usage | undefined;
  let closed = false;

  const readChoice = (choice: unknown, controller: Controller): void => {
    const delta = readRecord(choice, 'delta');
    const content = readMistralContent(delta?.['content']);
    if (content) controller.enqueue({ type: 'content', delta: content });
    readArray(delta, 'tool_calls').forEach((toolCall, position) => {
      const toolFunction = readRecord(toolCall, 'function');
      // Recorded chunks omit `index`; the position in the array tells parallel calls apart.
      toolCalls.appendFragment(readNumber(toolCall, 'index') ?? position, {
        id: readString(toolCall, 'id'),
        name: readString(toolFunction, 'name'),
        argumentsDelta: readString(toolFunction, 'arguments'),
      });
    });
    const reason = readString(choice, 'finish_reason');
    if (reason) {
      finishReason = mapMistralFinishReason(reason);
      for (const toolCall of toolCalls.takeAll()) controller.enqueue({ type: 'tool_call', toolCall });
    }
  };

  return {
    transform(event, controller) {
      if (closed) return;
      if (event.data.trim() === '[DONE]') {
        closed = true;
        for (const toolCall of toolCalls.takeAll()) controller.enqueue({ type: 'tool_call', toolCall });
        if (usage) controller.enqueue({ type: 'usage', usage });
        controller.enqueue({ type: 'done', finishReason: finishReason ?? 'other' } satisfies StreamChunk);
        return;
      }
      const chunk = parseJson(event.data);
      if (!isRecord(chunk)) return;
      if (readRecord(chunk, 'error') || readString(chunk, 'object') === 'error') {
        closed = true;
        const error = createProviderError({ provider: 'mistral', mapError: mapMistralError, status: undefined, body: chunk, text: event.data });
        controller.enqueue({ type: 'error', error });
        return;
      }
      usage = readMistralUsage(chunk) ?? usage;
      const choice = readArray(chunk, 'choices')[0];
      if (isRecord(choice)) readChoice(choice, controller);
    },
    flush(controller) {
      if (!closed) controller.enqueue({ type: 'error', error: createInterruptedError('mistral', 'data: [DONE]') });
    },
  };
}
