// A deliberately simple token estimate (about four characters per token) for the live input-cost
// figure and the budget check before sending. The provider's own count, reported after the reply,
// is what gets shown and recorded; this only has to be in the right range and cheap per keystroke.
import { calculateCost } from './provider-config';
import type { BYOKProvider, ChatMessage, MessageContent } from './types';

const CHARACTERS_PER_TOKEN = 4;
/** Providers charge an image by its size; a mid-size image is in the high hundreds of tokens. */
export const IMAGE_TOKEN_ESTIMATE = 800;
/** Each message carries a few tokens of role and framing on the wire. */
const TOKENS_PER_MESSAGE = 4;

export function estimateTokens(text: string): number {
  return estimateTokensForLength(text.length);
}

/** The same estimate from a character count, for text that was counted but not kept. */
export function estimateTokensForLength(characters: number): number {
  return characters <= 0 ? 0 : Math.ceil(characters / CHARACTERS_PER_TOKEN);
}

export function estimateContentTokens(content: MessageContent): number {
  if (typeof content === 'string') return estimateTokens(content);
  return content.reduce((sum, part) => sum + (part.type === 'text' ? estimateTokens(part.text) : IMAGE_TOKEN_ESTIMATE), 0);
}

export function estimateRequestTokens(messages: ChatMessage[], systemPrompt = ''): number {
  const messageTokens = messages.reduce((sum, message) => sum + TOKENS_PER_MESSAGE + estimateContentTokens(message.content), 0);
  return messageTokens + estimateTokens(systemPrompt);
}

/** USD for the input side of a request, or null when the model has no known price. */
export function estimateInputCost(provider: BYOKProvider, modelId: string, messages: ChatMessage[], systemPrompt = ''): number | null {
  return calculateCost(provider, modelId, estimateRequestTokens(messages, systemPrompt), 0);
}
