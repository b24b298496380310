// What one streamed reply is billed, whatever way it ends. Adapters hand on the provider's usage as
// soon as it is known (Anthropic's input in message_start, Gemini's cumulative usageMetadata,
// OpenAI-compatible usage last); text that streamed after the last report was generated, and
// billed, too. So the bill is the last report plus an estimate of everything that came after it,
// and when no report arrived at all, an estimate of the request and the streamed text. Anything
// estimated is marked `estimated` so the screens can show it with "≈".
import { estimateRequestTokens, estimateTokensForLength } from './estimate-tokens';
import type { ChatRequest, StreamChunk, Usage } from './types';

export interface UsageMeter {
  /** Feed every chunk the adapter yields, in order. */
  observe(chunk: StreamChunk): void;
  /** Whether anything came back from the provider (a request refused with an HTTP error bills nothing). */
  readonly started: boolean;
  /** The usage to bill now. */
  settle(): Usage;
}

/** Generated text in a chunk: answer deltas, tool-call arguments, and any other chunk with a text delta (reasoning). */
function readGeneratedText(chunk: StreamChunk): string {
  if (chunk.type === 'tool_call') return `${chunk.toolCall.name}${JSON.stringify(chunk.toolCall.arguments)}`;
  const delta = (chunk as { delta?: unknown }).delta;
  return typeof delta === 'string' ? delta : '';
}

export function createUsageMeter(request: Pick<ChatRequest, 'messages' | 'settings'>): UsageMeter {
  let reported: Usage | undefined;
  let charactersSinceReport = 0;
  let started = false;
  return {
    get started() {
      return started;
    },
    observe(chunk) {
      started = true;
      if (chunk.type === 'usage') {
        reported = chunk.usage;
        charactersSinceReport = 0;
        return;
      }
      charactersSinceReport += readGeneratedText(chunk).length;
    },
    settle() {
      const unreported = estimateTokensForLength(charactersSinceReport);
      const reportedInput = reported && reported.inputTokens > 0 ? reported.inputTokens : undefined;
      const inputTokens = reportedInput ?? estimateRequestTokens(request.messages, request.settings?.systemPrompt);
      const outputTokens = (reported?.outputTokens ?? 0) + unreported;
      const estimated = reportedInput === undefined || unreported > 0 || reported?.estimated === true;
      const usage: Usage = { ...reported, inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
      if (estimated) usage.estimated = true;
      else delete usage.estimated;
      return usage;
    },
  };
}
