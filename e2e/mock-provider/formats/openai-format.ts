// OpenAI Chat Completions streaming, as in the transcripts of providers.md §2.7.
import type { ReplyFinish, ReplyScript, StreamEvent } from '../reply-script';
import { createRandomId } from '../reply-script';
import { DONE_EVENT, frameData } from './sse-frame';

const FINISH_REASONS: Record<ReplyFinish, string> = {
  stop: 'stop',
  'tool-calls': 'tool_calls',
  'content-filter': 'content_filter',
  length: 'length',
};

export const OPENAI_STREAM_ERROR = {
  error: {
    message: 'The server had an error processing your request. Sorry about that! You can retry your request, or contact us through our help center at help.openai.com if you keep seeing this error.',
    type: 'server_error',
    param: null,
    code: null,
  },
};

/** Splits tool arguments the way the transcript shows them: words and punctuation runs apart. */
export function splitArgumentFragments(argumentsJson: string): string[] {
  return argumentsJson.match(/[A-Za-z0-9]+|[^A-Za-z0-9]+/g) ?? [];
}

function buildUsage(script: ReplyScript) {
  return {
    prompt_tokens: script.inputTokens,
    completion_tokens: script.outputTokens,
    total_tokens: script.inputTokens + script.outputTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: script.reasoningTokens, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

type Delta = Record<string, unknown>;

/** The deltas of the tool calls: id, type and name only in each call's first fragment. */
function buildToolCallDeltas(script: ReplyScript): Delta[] {
  const deltas: Delta[] = [];
  script.toolCalls.forEach((call, index) => {
    const id = `call_${createRandomId(24)}`;
    deltas.push({ tool_calls: [{ index, id, type: 'function', function: { name: call.name, arguments: '' } }] });
    for (const fragment of splitArgumentFragments(JSON.stringify(call.arguments))) {
      deltas.push({ tool_calls: [{ index, function: { arguments: fragment } }] });
    }
  });
  return deltas;
}

export function encodeOpenAiStream(script: ReplyScript): StreamEvent[] {
  const base = {
    id: `chatcmpl-${createRandomId(29)}`,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: script.model,
    service_tier: 'default',
    system_fingerprint: 'fp_mock0001',
  };
  // `usage: null` rides on every chunk only when usage was asked for (providers.md §2.2).
  const usageField = script.includeUsage ? { usage: null } : {};
  const chunk = (delta: Delta, finishReason: string | null, tokens = 0): StreamEvent =>
    frameData({
      ...base,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...usageField,
      obfuscation: createRandomId(1 + (tokens % 6)),
    }, tokens);

  const toolDeltas = buildToolCallDeltas(script);
  const events: StreamEvent[] = [];
  if (script.pieces.length === 0 && toolDeltas.length > 0) {
    // A tool-only reply opens with the role and the first fragment together (transcript b).
    events.push(chunk({ role: 'assistant', content: null, ...toolDeltas.shift(), refusal: null }, null));
  } else {
    events.push(chunk({ role: 'assistant', content: '', refusal: null }, null));
  }
  for (const piece of script.pieces) events.push(chunk({ content: piece.text }, null, piece.tokens));
  for (const delta of toolDeltas) events.push(chunk(delta, null, 1));

  if (script.ending === 'cut-off') return events;
  if (script.ending === 'stream-error') return [...events, frameData(OPENAI_STREAM_ERROR)];
  events.push(chunk({}, FINISH_REASONS[script.finish]));
  if (script.includeUsage) {
    events.push(frameData({ ...base, choices: [], usage: buildUsage(script), obfuscation: createRandomId(3) }));
  }
  events.push(DONE_EVENT);
  return events;
}
