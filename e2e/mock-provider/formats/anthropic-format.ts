// Anthropic Messages streaming, as in providers.md §3.3 and the transcripts of §3.7: named events,
// input usage in message_start, cumulative output usage in message_delta, message_stop at the end.
import type { ReplyFinish, ReplyScript, StreamEvent } from '../reply-script';
import { createRandomId } from '../reply-script';
import { frameNamedEvent } from './sse-frame';

const STOP_REASONS: Record<ReplyFinish, string> = {
  stop: 'end_turn',
  'tool-calls': 'tool_use',
  'content-filter': 'refusal',
  length: 'max_tokens',
};

export const ANTHROPIC_STREAM_ERROR = { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } };

const PING_EVENT = frameNamedEvent('ping', { type: 'ping' });

function buildCacheUsage(script: ReplyScript, outputTokens: number) {
  return { input_tokens: script.inputTokens, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: outputTokens };
}

/** Splits tool arguments in two string pieces, as the API does for short inputs (transcript b). */
function splitPartialJson(argumentsJson: string): string[] {
  const middle = Math.ceil(argumentsJson.length / 2);
  return [argumentsJson.slice(0, middle), argumentsJson.slice(middle)].filter(Boolean);
}

function encodeToolUseBlock(index: number, name: string, input: Record<string, unknown>): StreamEvent[] {
  const events = [
    frameNamedEvent('content_block_start', {
      type: 'content_block_start', index, content_block: { type: 'tool_use', id: `toolu_01${createRandomId(22)}`, name, input: {} },
    }),
    // The first piece is often an empty string (providers.md §3.3); clients must cope.
    frameNamedEvent('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: '' } }),
  ];
  for (const piece of splitPartialJson(JSON.stringify(input))) {
    events.push(frameNamedEvent('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: piece } }, 1));
  }
  events.push(frameNamedEvent('content_block_stop', { type: 'content_block_stop', index }));
  return events;
}

/** A thinking block: summarised thinking deltas, then exactly one signature_delta (providers-reasoning.md §3.3). */
function encodeThinkingBlock(script: ReplyScript): StreamEvent[] {
  const events = [frameNamedEvent('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '', signature: '' } })];
  for (const piece of script.reasoningPieces) {
    events.push(frameNamedEvent('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'thinking_delta', thinking: piece.text } }, piece.tokens));
  }
  const signature = Buffer.from(`mock-thinking-signature-${createRandomId(12)}`).toString('base64');
  events.push(frameNamedEvent('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'signature_delta', signature } }));
  events.push(frameNamedEvent('content_block_stop', { type: 'content_block_stop', index: 0 }));
  return events;
}

/** The text block; without its stop event when the stream breaks off inside it. */
function encodeTextBlock(script: ReplyScript, broken: boolean, index: number): StreamEvent[] {
  const events = [
    frameNamedEvent('content_block_start', { type: 'content_block_start', index, content_block: { type: 'text', text: '' } }),
    PING_EVENT,
  ];
  for (const piece of script.pieces) {
    events.push(frameNamedEvent('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece.text } }, piece.tokens));
  }
  if (!broken) events.push(frameNamedEvent('content_block_stop', { type: 'content_block_stop', index }));
  return events;
}

export function encodeAnthropicStream(script: ReplyScript): StreamEvent[] {
  const events: StreamEvent[] = [frameNamedEvent('message_start', {
    type: 'message_start',
    message: {
      id: `msg_01${createRandomId(22)}`, type: 'message', role: 'assistant', model: script.model, content: [],
      stop_reason: null, stop_sequence: null, usage: { ...buildCacheUsage(script, 1), service_tier: 'standard' },
    },
  })];
  const broken = script.ending === 'cut-off' || script.ending === 'stream-error';
  const thinks = script.reasoningPieces.length > 0;
  if (thinks) events.push(...encodeThinkingBlock(script));
  const textIndex = thinks ? 1 : 0;
  if (script.pieces.length > 0) events.push(...encodeTextBlock(script, broken, textIndex));
  else events.push(PING_EVENT);
  if (script.ending === 'cut-off') return events;
  if (script.ending === 'stream-error') return [...events, frameNamedEvent('error', ANTHROPIC_STREAM_ERROR)];

  const firstToolIndex = textIndex + (script.pieces.length > 0 ? 1 : 0);
  script.toolCalls.forEach((call, offset) => events.push(...encodeToolUseBlock(firstToolIndex + offset, call.name, call.arguments)));
  events.push(frameNamedEvent('message_delta', {
    type: 'message_delta',
    delta: { stop_reason: STOP_REASONS[script.finish], stop_sequence: null },
    usage: {
      ...buildCacheUsage(script, script.outputTokens),
      ...(thinks ? { output_tokens_details: { thinking_tokens: script.reasoningTokens } } : {}),
    },
  }));
  events.push(frameNamedEvent('message_stop', { type: 'message_stop' }));
  return events;
}
