// Gemini streamGenerateContent with alt=sse, as in providers.md §4.3 and §4.7: CRLF framing, no
// terminator, cumulative usageMetadata on every chunk, the last chunk carries finishReason.
import type { ReplyFinish, ReplyScript, StreamEvent } from '../reply-script';
import { createRandomId } from '../reply-script';
import { frameData } from './sse-frame';

const FINISH_REASONS: Record<ReplyFinish, string> = {
  stop: 'STOP',
  // Gemini says STOP even after a tool call (providers.md §4.3); clients must look for functionCall parts.
  'tool-calls': 'STOP',
  'content-filter': 'SAFETY',
  length: 'MAX_TOKENS',
};

export const GOOGLE_STREAM_ERROR = {
  error: {
    code: 503,
    message: 'This model is currently experiencing high demand. Spikes in demand are usually temporary. Please try again later.',
    status: 'UNAVAILABLE',
  },
};

const CRLF = '\r\n';

type Part = Record<string, unknown>;

/** candidatesTokenCount leaves thoughts out; thoughtsTokenCount carries them (providers-reasoning.md §4.4). */
function buildUsageMetadata(promptTokens: number, candidateTokens: number, thoughtTokens = 0) {
  return {
    promptTokenCount: promptTokens,
    candidatesTokenCount: candidateTokens,
    totalTokenCount: promptTokens + candidateTokens + thoughtTokens,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: promptTokens }],
    ...(thoughtTokens > 0 ? { thoughtsTokenCount: thoughtTokens } : {}),
  };
}

/** A blocked prompt: HTTP 200, one chunk with promptFeedback and no candidates (transcript c6). */
function encodeBlockedPrompt(script: ReplyScript, responseId: string, blockReason: string): StreamEvent[] {
  return [frameData({
    promptFeedback: { blockReason },
    usageMetadata: { promptTokenCount: script.inputTokens, totalTokenCount: script.inputTokens, promptTokensDetails: [{ modality: 'TEXT', tokenCount: script.inputTokens }] },
    modelVersion: script.model,
    responseId,
  }, 0, CRLF)];
}

export function encodeGoogleStream(script: ReplyScript, blockReason = 'PROHIBITED_CONTENT'): StreamEvent[] {
  const responseId = createRandomId(23);
  if (script.ending === 'blocked') return encodeBlockedPrompt(script, responseId, blockReason);
  let emittedTokens = 0;
  let thoughtTokens = 0;
  const chunk = (parts: Part[], finishReason: string | null, tokens: number, thought = false): StreamEvent => {
    if (thought) thoughtTokens += tokens;
    else emittedTokens += tokens;
    const candidate = { content: { parts, role: 'model' }, ...(finishReason ? { finishReason } : {}), index: 0 };
    return frameData({
      candidates: [candidate],
      usageMetadata: buildUsageMetadata(script.inputTokens, emittedTokens, thoughtTokens),
      modelVersion: script.model,
      responseId,
    }, tokens, CRLF);
  };

  const complete = script.ending === 'complete';
  // The finish reason rides on the last text chunk of a plain reply (transcript a); anything else
  // (tool calls, filter, length) gets a closing chunk of its own (transcript b).
  const finishOnLastText = complete && script.finish === 'stop' && script.toolCalls.length === 0 && script.pieces.length > 0;
  // Thought summaries (includeThoughts) come first, as parts marked thought: true.
  const thoughts = script.reasoningPieces.map((piece) => chunk([{ text: piece.text, thought: true }], null, piece.tokens, true));
  const answer = script.pieces.map((piece, index) => {
    const isLast = index === script.pieces.length - 1;
    return chunk([{ text: piece.text }], isLast && finishOnLastText ? 'STOP' : null, piece.tokens);
  });
  const events = [...thoughts, ...answer];
  if (script.toolCalls.length > 0) {
    const parts: Part[] = script.toolCalls.map((call, index) => ({
      functionCall: { name: call.name, args: call.arguments },
      // Gemini 3 wants this echoed back on replay (providers.md §4.2); the first part carries it.
      ...(index === 0 ? { thoughtSignature: Buffer.from(`mock-thought-signature-${createRandomId(8)}`).toString('base64') } : {}),
    }));
    events.push(chunk(parts, null, script.outputTokens - script.reasoningTokens - emittedTokens));
  }
  if (script.ending === 'stream-error') return [...events, frameData(GOOGLE_STREAM_ERROR, 0, CRLF)];
  if (complete && !finishOnLastText) events.push(chunk([{ text: '' }], FINISH_REASONS[script.finish], 0));
  return events;
}
