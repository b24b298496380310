// ChatRequest → xAI chat completions body (providers.md §5.2): the shared Chat Completions body,
// with max_completion_tokens and stream_options.include_usage as @ai-sdk/xai sends them.
import type { ResolvedChatRequest } from '../provider-adapter';
import { convertToChatCompletionsRequest } from '../shared/chat-completions-request';
import type { ChatCompletionsRequestBody } from '../shared/chat-completions-request';
import { resolveReasoningEffort } from '../shared/model-hints';
import type { ModelHints } from '../shared/model-hints';

export type XaiRequestBody = ChatCompletionsRequestBody;

export function convertToXaiRequest(request: ResolvedChatRequest, hints?: ModelHints): XaiRequestBody {
  // xAI has no developer role; temperature is dropped only for models the catalogue marks.
  return convertToChatCompletionsRequest(request, hints, {
    provider: 'xai',
    systemRole: 'system',
    acceptsTemperature: hints?.rejectsTemperature !== true,
    // Many grok models answer 400 to the field (§5.2): only a model listing efforts gets it.
    reasoningEffort: resolveReasoningEffort(request.settings?.reasoningEffort, hints?.reasoning?.efforts),
  });
}
