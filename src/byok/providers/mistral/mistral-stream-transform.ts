// Mistral chat completions SSE → StreamChunk (providers.md §6.3). The shared Chat Completions
// framing with `[DONE]`; Mistral's own parts: reasoning models send `content` as an array of
// typed parts, there are no refusal deltas, and an in-stream error may be a bare
// `{object: "error"}`. Usage rides on the final content chunk, which the shared transform holds.
import type { Usage } from '../../types';
import { readArray, readString } from '../shared/json-values';
import type { JsonRecord } from '../shared/json-values';
import {
  createChatCompletionsStreamTransform,
  hasErrorObject,
  readChatCompletionsUsage,
} from '../shared/chat-completions-stream-transform';
import type { StreamTransformer } from '../shared/run-provider-stream';
import { mapMistralError } from './map-mistral-error';
import { mapMistralFinishReason } from './map-mistral-finish-reason';

export function readMistralUsage(chunk: unknown): Usage | undefined {
  return readChatCompletionsUsage(chunk);
}

/** A string, or `[{type:"text",text}, {type:"thinking",…}]`: only answer text is kept. */
export function readMistralContent(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part) => (readString(part, 'type') === 'text' ? (readString(part, 'text') ?? '') : '')).join('');
}

/** `{type:"thinking", thinking:[{type:"text",text}]}` chunks of a reasoning model (providers-reasoning.md §6.2). */
export function readMistralReasoning(delta: JsonRecord | undefined): string {
  const content = delta?.['content'];
  if (!Array.isArray(content)) return '';
  return content
    .filter((part) => readString(part, 'type') === 'thinking')
    .flatMap((part) => readArray(part, 'thinking'))
    .map((piece) => (readString(piece, 'type') === 'text' ? (readString(piece, 'text') ?? '') : ''))
    .join('');
}

function isMistralErrorChunk(chunk: JsonRecord): boolean {
  return hasErrorObject(chunk) || readString(chunk, 'object') === 'error';
}

export function createMistralStreamTransform(): StreamTransformer {
  return createChatCompletionsStreamTransform({
    provider: 'mistral',
    mapError: mapMistralError,
    mapFinishReason: mapMistralFinishReason,
    readUsage: readMistralUsage,
    readContent: readMistralContent,
    readReasoning: readMistralReasoning,
    isErrorChunk: isMistralErrorChunk,
  });
}
