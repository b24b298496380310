// Gemini streamGenerateContent?alt=sse → StreamChunk (providers.md §4.3). Every chunk is a whole
// GenerateContentResponse; there is no end marker, so the stream is complete only if a
// finishReason arrived before the connection closed.
import { BYOKError, BYOK_ERROR_CODES } from '../../types';
import type { Usage } from '../../types';
import { isRecord, parseJson, readArray, readBoolean, readNumber, readRecord, readString } from '../shared/json-values';
import type { JsonRecord } from '../shared/json-values';
import { createProviderError } from '../shared/provider-error';
import type { StreamTransformer, TransformOutput } from '../shared/run-provider-stream';
import { createInterruptedError } from '../shared/stream-end';
import { GoogleReplayParts } from './google-replay-parts';
import { mapGoogleError } from './map-google-error';
import { mapGoogleFinishReason } from './map-google-finish-reason';

type Controller = TransformStreamDefaultController<TransformOutput>;

/**
 * Cumulative on every chunk (the last wins); billed output is candidates + thoughts, and
 * promptTokenCount already includes cachedContentTokenCount (providers-reasoning.md §4.4).
 */
export function readGoogleUsage(chunk: unknown): Usage | undefined {
  const metadata = readRecord(chunk, 'usageMetadata');
  if (!metadata) return undefined;
  const inputTokens = readNumber(metadata, 'promptTokenCount') ?? 0;
  const reasoningTokens = readNumber(metadata, 'thoughtsTokenCount') ?? 0;
  const outputTokens = (readNumber(metadata, 'candidatesTokenCount') ?? 0) + reasoningTokens;
  const usage: Usage = { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens, ...(reasoningTokens ? { reasoningTokens } : {}) };
  const cached = readNumber(metadata, 'cachedContentTokenCount') ?? 0;
  if (cached > 0) usage.cachedInputTokens = cached;
  return usage;
}

function isSameUsage(a: Usage | undefined, b: Usage): boolean {
  return a !== undefined && a.inputTokens === b.inputTokens && a.outputTokens === b.outputTokens && a.cachedInputTokens === b.cachedInputTokens;
}

/** `model` stamps the replay of thought signatures, which only this same model may read back. */
export function createGoogleStreamTransform(model = ''): StreamTransformer {
  const replayParts = new GoogleReplayParts();
  let usage: Usage | undefined;
  let finishReason: string | undefined;
  let sawOutput = false;
  let toolCallCount = 0;
  let closed = false;

  const fail = (controller: Controller, error: BYOKError): void => {
    closed = true;
    controller.enqueue({ type: 'error', error });
  };

  const readPart = (part: JsonRecord, controller: Controller): void => {
    replayParts.add(part);
    const functionCall = readRecord(part, 'functionCall');
    if (functionCall) {
      const args = readRecord(functionCall, 'args') ?? {};
      const id = readString(functionCall, 'id') ?? `call_${toolCallCount}`;
      toolCallCount += 1;
      sawOutput = true;
      controller.enqueue({ type: 'tool_call', toolCall: { id, name: readString(functionCall, 'name') ?? '', arguments: args } });
      return;
    }
    const text = readString(part, 'text');
    // Thought summaries (includeThoughts) are reasoning, never answer text.
    if (text && readBoolean(part, 'thought') === true) {
      controller.enqueue({ type: 'reasoning', delta: text });
    } else if (text) {
      sawOutput = true;
      controller.enqueue({ type: 'content', delta: text });
    }
  };

  const readChunk = (chunk: JsonRecord, raw: string, controller: Controller): void => {
    if (readRecord(chunk, 'error')) {
      fail(controller, createProviderError({ provider: 'google', mapError: mapGoogleError, status: undefined, body: chunk, text: raw }));
      return;
    }
    const chunkUsage = readGoogleUsage(chunk);
    const blockReason = readString(readRecord(chunk, 'promptFeedback'), 'blockReason');
    if (blockReason && !sawOutput) {
      const message = `Google Gemini blocked the prompt (${blockReason}).`;
      fail(controller, new BYOKError(BYOK_ERROR_CODES.CONTENT_FILTERED, message, { provider: 'google' }));
      return;
    }
    const candidate = readArray(chunk, 'candidates')[0];
    if (isRecord(candidate)) {
      for (const part of readArray(readRecord(candidate, 'content'), 'parts')) {
        if (isRecord(part)) readPart(part, controller);
      }
      finishReason = readString(candidate, 'finishReason') ?? finishReason;
    }
    // After the chunk's own parts, which its cumulative count already covers: a reply stopped or
    // cut off later bills exactly what the provider had counted so far.
    if (chunkUsage && !isSameUsage(usage, chunkUsage)) {
      usage = chunkUsage;
      controller.enqueue({ type: 'usage', usage });
    }
  };

  return {
    transform(event, controller) {
      if (closed) return;
      const chunk = parseJson(event.data);
      if (isRecord(chunk)) readChunk(chunk, event.data, controller);
    },
    flush(controller) {
      if (closed) return;
      if (finishReason === undefined) {
        controller.enqueue({ type: 'error', error: createInterruptedError('google', 'a finishReason') });
        return;
      }
      const items = replayParts.takeReplayItems();
      if (items.length > 0) controller.enqueue({ type: 'replay', replay: { provider: 'google', model, items } });
      if (usage) controller.enqueue({ type: 'usage', usage });
      controller.enqueue({ type: 'done', finishReason: mapGoogleFinishReason(finishReason, toolCallCount > 0) });
    },
  };
}
