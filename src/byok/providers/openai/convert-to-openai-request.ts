// ChatRequest → OpenAI Chat Completions body (providers.md §2.2). The body is the shared Chat
// Completions one; OpenAI's own part is how it treats reasoning models.
import type { ResolvedChatRequest } from '../provider-adapter';
import { convertToChatCompletionsRequest } from '../shared/chat-completions-request';
import type { ChatCompletionsRequestBody } from '../shared/chat-completions-request';
import { resolveReasoningEffort } from '../shared/model-hints';
import type { ModelHints } from '../shared/model-hints';

export type OpenAIRequestBody = ChatCompletionsRequestBody;

/** o-series and gpt-5+ (except the -chat variants) are reasoning models (vercel/ai capabilities). */
export function isOpenAIReasoningModel(modelId: string, hints: ModelHints | undefined): boolean {
  if (hints?.rejectsTemperature !== undefined) return hints.rejectsTemperature;
  if (/^o\d/.test(modelId)) return true;
  const major = /^gpt-(\d+)/.exec(modelId)?.[1];
  return major !== undefined && Number(major) >= 5 && !modelId.includes('-chat');
}

export function convertToOpenAIRequest(request: ResolvedChatRequest, hints?: ModelHints): OpenAIRequestBody {
  const reasoning = isOpenAIReasoningModel(request.model, hints);
  // Reasoning models take the system prompt as a developer message and refuse temperature.
  return convertToChatCompletionsRequest(request, hints, {
    provider: 'openai',
    systemRole: reasoning ? 'developer' : 'system',
    acceptsTemperature: !reasoning,
    // Chat Completions takes the effort but streams no reasoning (providers-reasoning.md §2).
    reasoningEffort: resolveReasoningEffort(request.settings?.reasoningEffort, hints?.reasoning?.efforts),
  });
}
