// OpenAI Responses streaming (providers-reasoning.md §1.4): named events whose data.type repeats
// the name, a reasoning item with summary deltas and encrypted_content, a message item with text
// deltas, function_call items, and response.completed with usage. No `[DONE]`.
import type { ReplyFinish, ReplyScript, StreamEvent } from '../reply-script';
import { createRandomId } from '../reply-script';
import { frameNamedEvent } from './sse-frame';

const INCOMPLETE_REASONS: Partial<Record<ReplyFinish, string>> = { length: 'max_output_tokens', 'content-filter': 'content_filter' };

export const OPENAI_RESPONSES_STREAM_ERROR = {
  type: 'error',
  error: { type: 'server_error', code: 'server_error', message: 'The server had an error while processing your request. Sorry about that!', param: null },
};

function buildUsage(script: ReplyScript) {
  return {
    input_tokens: script.inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: script.outputTokens,
    output_tokens_details: { reasoning_tokens: script.reasoningTokens },
    total_tokens: script.inputTokens + script.outputTokens,
  };
}

type EventData = Record<string, unknown>;

function createEmitter() {
  let sequence = 0;
  return (type: string, fields: EventData, tokens = 0): StreamEvent => {
    const data = { type, sequence_number: sequence, ...fields };
    sequence += 1;
    return frameNamedEvent(type, data, tokens);
  };
}

function encodeReasoning(script: ReplyScript, emit: ReturnType<typeof createEmitter>): StreamEvent[] {
  const id = `rs_${createRandomId(24)}`;
  const text = script.reasoningPieces.map((piece) => piece.text).join('');
  // The encrypted blob the next turn must send back unchanged (store:false).
  const encrypted = Buffer.from(`mock-encrypted-reasoning-${createRandomId(16)}`).toString('base64');
  const events = [
    emit('response.output_item.added', { output_index: 0, item: { id, type: 'reasoning', summary: [] } }),
    emit('response.reasoning_summary_part.added', { item_id: id, output_index: 0, summary_index: 0, part: { type: 'summary_text', text: '' } }),
  ];
  for (const piece of script.reasoningPieces) {
    events.push(emit('response.reasoning_summary_text.delta', { item_id: id, output_index: 0, summary_index: 0, delta: piece.text }, piece.tokens));
  }
  events.push(emit('response.reasoning_summary_text.done', { item_id: id, output_index: 0, summary_index: 0, text }));
  events.push(emit('response.output_item.done', {
    output_index: 0, item: { id, type: 'reasoning', encrypted_content: encrypted, summary: [{ type: 'summary_text', text }] },
  }));
  return events;
}

function encodeMessage(script: ReplyScript, outputIndex: number, broken: boolean, emit: ReturnType<typeof createEmitter>): StreamEvent[] {
  const id = `msg_${createRandomId(24)}`;
  const text = script.pieces.map((piece) => piece.text).join('');
  const events = [
    emit('response.output_item.added', { output_index: outputIndex, item: { id, type: 'message', status: 'in_progress', role: 'assistant', content: [] } }),
    emit('response.content_part.added', { item_id: id, output_index: outputIndex, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } }),
  ];
  for (const piece of script.pieces) {
    events.push(emit('response.output_text.delta', { item_id: id, output_index: outputIndex, content_index: 0, delta: piece.text }, piece.tokens));
  }
  if (broken) return events;
  events.push(emit('response.output_text.done', { item_id: id, output_index: outputIndex, content_index: 0, text }));
  events.push(emit('response.output_item.done', {
    output_index: outputIndex, item: { id, type: 'message', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text, annotations: [] }] },
  }));
  return events;
}

function encodeFunctionCalls(script: ReplyScript, firstIndex: number, emit: ReturnType<typeof createEmitter>): StreamEvent[] {
  return script.toolCalls.flatMap((call, offset) => {
    const outputIndex = firstIndex + offset;
    const id = `fc_${createRandomId(24)}`;
    const item = { id, type: 'function_call', call_id: `call_${createRandomId(24)}`, name: call.name };
    const argumentsJson = JSON.stringify(call.arguments);
    return [
      emit('response.output_item.added', { output_index: outputIndex, item: { ...item, status: 'in_progress', arguments: '' } }),
      emit('response.function_call_arguments.delta', { item_id: id, output_index: outputIndex, delta: argumentsJson }, 1),
      emit('response.function_call_arguments.done', { item_id: id, output_index: outputIndex, arguments: argumentsJson }),
      emit('response.output_item.done', { output_index: outputIndex, item: { ...item, status: 'completed', arguments: argumentsJson } }),
    ];
  });
}

export function encodeOpenAiResponsesStream(script: ReplyScript): StreamEvent[] {
  const emit = createEmitter();
  const responseId = `resp_${createRandomId(32)}`;
  const response = { id: responseId, object: 'response', model: script.model, store: false };
  const events = [
    emit('response.created', { response: { ...response, status: 'in_progress', usage: null } }),
    emit('response.in_progress', { response: { ...response, status: 'in_progress', usage: null } }),
  ];
  const thinks = script.reasoningPieces.length > 0;
  if (thinks) events.push(...encodeReasoning(script, emit));
  const broken = script.ending === 'cut-off' || script.ending === 'stream-error';
  let outputIndex = thinks ? 1 : 0;
  if (script.pieces.length > 0) {
    events.push(...encodeMessage(script, outputIndex, broken, emit));
    outputIndex += 1;
  }
  if (script.ending === 'cut-off') return events;
  if (script.ending === 'stream-error') {
    return [...events, emit('error', { error: OPENAI_RESPONSES_STREAM_ERROR.error }), emit('response.failed', {
      response: { ...response, status: 'failed', error: { code: 'server_error', message: OPENAI_RESPONSES_STREAM_ERROR.error.message }, usage: null },
    })];
  }
  events.push(...encodeFunctionCalls(script, outputIndex, emit));
  const incompleteReason = INCOMPLETE_REASONS[script.finish];
  const status = incompleteReason ? 'incomplete' : 'completed';
  events.push(emit(`response.${status}`, {
    response: { ...response, status, incomplete_details: incompleteReason ? { reason: incompleteReason } : null, usage: buildUsage(script) },
  }));
  return events;
}
