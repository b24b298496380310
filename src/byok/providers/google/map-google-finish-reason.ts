import type { FinishReason } from '../../types';

const FILTER_REASONS = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'IMAGE_SAFETY', 'LANGUAGE']);

/** Gemini says STOP even after a function call, so the caller tells whether one was made. */
export function mapGoogleFinishReason(reason: string | undefined, madeToolCall: boolean): FinishReason {
  if (reason === 'STOP') return madeToolCall ? 'tool-calls' : 'stop';
  if (reason === 'MAX_TOKENS') return 'length';
  if (reason === 'MALFORMED_FUNCTION_CALL') return 'error';
  if (reason !== undefined && FILTER_REASONS.has(reason)) return 'content-filter';
  return 'other';
}
