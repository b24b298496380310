// The finish reasons of the Chat Completions wire, which OpenAI and xAI share (providers.md §2.3, §5.3).
import type { FinishReason } from '../../types';

export function mapChatCompletionsFinishReason(reason: string | undefined): FinishReason {
  switch (reason) {
    case 'stop':
      return 'stop';
    case 'length':
      return 'length';
    case 'tool_calls':
    case 'function_call':
      return 'tool-calls';
    case 'content_filter':
      return 'content-filter';
    default:
      return 'other';
  }
}
