// xAI and Mistral: OpenAI framing with their own differences (providers.md §5.3, §5.7, §6.3, §6.7).
import { randomUUID } from 'node:crypto';
import type { ReplyFinish, ReplyScript, StreamEvent } from '../reply-script';
import { createRandomId } from '../reply-script';
import { OPENAI_STREAM_ERROR } from './openai-format';
import { DONE_EVENT, frameData } from './sse-frame';

const XAI_FINISH_REASONS: Record<ReplyFinish, string> = {
  stop: 'stop', 'tool-calls': 'tool_calls', 'content-filter': 'content_filter', length: 'length',
};

// Mistral has no content filter finish reason (providers.md §1, "—"): a filtered reply just stops.
const MISTRAL_FINISH_REASONS: Record<ReplyFinish, string> = {
  stop: 'stop', 'tool-calls': 'tool_calls', 'content-filter': 'stop', length: 'length',
};

/** USD per million tokens, input and output, for `cost_in_usd_ticks`; others bill as grok-4.3 (§7.2). */
const XAI_PRICES_PER_MILLION: Record<string, [number, number]> = {
  'grok-4.3': [1.25, 2.5],
  'grok-4.5': [2, 6],
};

/** xAI's ready-made cost: 1 USD = 10^10 ticks (providers.md §5.3). */
export function computeXaiCostInUsdTicks(model: string, inputTokens: number, outputTokens: number): number {
  const [inputPrice, outputPrice] = XAI_PRICES_PER_MILLION[model] ?? [1.25, 2.5];
  return Math.round((inputTokens * inputPrice + outputTokens * outputPrice) * 10_000);
}

/** xAI Chat leaves reasoning out of completion_tokens; the total still counts it (providers-reasoning.md §5.3). */
function buildXaiUsage(script: ReplyScript) {
  return {
    prompt_tokens: script.inputTokens,
    completion_tokens: script.outputTokens - script.reasoningTokens,
    total_tokens: script.inputTokens + script.outputTokens,
    prompt_tokens_details: { text_tokens: script.inputTokens, audio_tokens: 0, image_tokens: 0, cached_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: script.reasoningTokens, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
    num_sources_used: 0,
    cost_in_usd_ticks: computeXaiCostInUsdTicks(script.model, script.inputTokens, script.outputTokens),
  };
}

/** xAI: UUID id, intermediate chunks without finish_reason, whole tool calls in one chunk. */
export function encodeXaiStream(script: ReplyScript): StreamEvent[] {
  const base = { id: randomUUID(), object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: script.model };
  const chunk = (choice: Record<string, unknown>, tokens = 0): StreamEvent =>
    frameData({ ...base, choices: [{ index: 0, ...choice }], system_fingerprint: 'fp_mock0001' }, tokens);

  // Reasoning models think aloud in reasoning_content before the answer (§5.3).
  const events = script.reasoningPieces.map((piece, index) =>
    chunk({ delta: index === 0 ? { reasoning_content: piece.text, role: 'assistant' } : { reasoning_content: piece.text } }, piece.tokens));
  events.push(...script.pieces.map((piece, index) =>
    chunk({ delta: index === 0 && events.length === 0 ? { content: piece.text, role: 'assistant' } : { content: piece.text } }, piece.tokens)));
  if (script.toolCalls.length > 0) {
    const toolCalls = script.toolCalls.map((call, index) => ({
      id: `call_${createRandomId(8, '0123456789')}`,
      function: { name: call.name, arguments: JSON.stringify(call.arguments) },
      index,
      type: 'function',
    }));
    events.push(chunk({ delta: { tool_calls: toolCalls, role: 'assistant' } }, script.toolCalls.length));
  }
  if (script.ending === 'cut-off') return events;
  // xAI in-stream errors were not observed; the OpenAI shape is what clients handle (providers.md §1).
  if (script.ending === 'stream-error') return [...events, frameData(OPENAI_STREAM_ERROR)];
  events.push(chunk({ delta: {}, finish_reason: XAI_FINISH_REASONS[script.finish] }));
  if (script.includeUsage) {
    events.push(frameData({ ...base, choices: [], usage: buildXaiUsage(script), system_fingerprint: 'fp_mock0001' }));
  }
  events.push(DONE_EVENT);
  return events;
}

/** Mistral: usage in the last content chunk with finish_reason; whole tool calls with 9-character ids. */
export function encodeMistralStream(script: ReplyScript): StreamEvent[] {
  const base = { id: createRandomId(32, '0123456789abcdef'), object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: script.model };
  const chunk = (delta: Record<string, unknown>, finishReason: string | null, extra: Record<string, unknown> = {}, tokens = 0): StreamEvent =>
    frameData({ ...base, choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }], ...extra }, tokens);

  const events: StreamEvent[] = [chunk({ role: 'assistant', content: '' }, null)];
  // Reasoning models send content as typed chunks: thinking first, then text (providers-reasoning.md §6.2).
  for (const piece of script.reasoningPieces) {
    events.push(chunk({ content: [{ type: 'thinking', thinking: [{ type: 'text', text: piece.text }] }] }, null, {}, piece.tokens));
  }
  for (const piece of script.pieces) events.push(chunk({ content: piece.text }, null, {}, piece.tokens));
  if (script.ending === 'cut-off') return events;
  if (script.ending === 'stream-error') return [...events, frameData(OPENAI_STREAM_ERROR)];

  const usage = {
    usage: { prompt_tokens: script.inputTokens, total_tokens: script.inputTokens + script.outputTokens, completion_tokens: script.outputTokens },
  };
  if (script.toolCalls.length > 0) {
    const toolCalls = script.toolCalls.map((call, index) => ({
      id: createRandomId(9),
      function: { name: call.name, arguments: JSON.stringify(call.arguments) },
      index,
    }));
    events.push(chunk({ content: null, tool_calls: toolCalls }, 'tool_calls', usage, script.toolCalls.length));
  } else {
    events.push(chunk({ content: '' }, MISTRAL_FINISH_REASONS[script.finish], usage));
  }
  events.push(DONE_EVENT);
  return events;
}
