// xAI uses the Chat Completions finish reasons as they are; a provider-specific value would go here.
import type { FinishReason } from '../../types';
import { mapChatCompletionsFinishReason } from '../shared/map-chat-completions-finish-reason';

export function mapXaiFinishReason(reason: string | undefined): FinishReason {
  return mapChatCompletionsFinishReason(reason);
}
