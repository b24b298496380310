// Deterministic token counting for the mock provider's usage fields.
// Real tokenisers differ per model; tests only need a rule they can recompute, so one token is one
// whitespace-separated word. Tests import these helpers to compute the expected usage and cost.
import type { BYOKProvider } from '../../src/byok/types';
import { readConversation } from './request-conversation';

/** What one image part costs as input, whatever its size (OpenAI's low-detail price, for realism). */
export const IMAGE_INPUT_TOKENS = 85;

/** What one tool call costs as output, whatever its arguments (a fixed number keeps tests simple). */
export const TOOL_CALL_OUTPUT_TOKENS = 20;

/** Number of whitespace-separated words in a text. */
export function countTokens(text: string): number {
  return splitIntoTokenPieces(text).length;
}

/**
 * Splits a text into one piece per token: each piece is the whitespace before a word plus the word.
 * Joining the pieces gives the text back without its trailing whitespace, so a stream of pieces
 * renders exactly the reply and its token count is the number of pieces.
 */
export function splitIntoTokenPieces(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

export interface InputTokenSource {
  /** Every text in the request: system prompt, messages, tool results, replayed tool arguments. */
  texts: string[];
  imageCount: number;
}

/** Input tokens of a request: words of all its texts plus a fixed price per image, at least 1. */
export function countInputTokens(source: InputTokenSource): number {
  const words = source.texts.reduce((total, text) => total + countTokens(text), 0);
  return Math.max(1, words + source.imageCount * IMAGE_INPUT_TOKENS);
}

/** Output tokens of a reply: the words of its text plus a fixed price per tool call. */
export function countOutputTokens(replyText: string, toolCallCount: number): number {
  return countTokens(replyText) + toolCallCount * TOOL_CALL_OUTPUT_TOKENS;
}

/**
 * Input tokens the mock reports for a request body, exactly as the server computes them (the
 * directive `[[mock:…]]` counts too: it is part of the text that was sent). For Gemini pass the model.
 */
export function countRequestInputTokens(provider: BYOKProvider, body: unknown): number {
  return countInputTokens(readConversation(provider, body));
}
