// ChatRequest → OpenAI Responses body (providers-reasoning.md §1.2–1.3). Stateless: store:false,
// and the encrypted reasoning of earlier turns goes back in `input`, in its original order, so a
// reasoning model keeps its chain of thought across tool calls without OpenAI keeping the chat.
import type { ChatMessage, MessageContent, ReasoningEffort, ToolDefinition } from '../../types';
import type { ResolvedChatRequest } from '../provider-adapter';
import { assertImagesSupported, joinTextParts, limitMaxTokens } from '../shared/message-content';
import { clampNumber, readMatchingReplay, resolveReasoningEffort } from '../shared/model-hints';
import type { ModelHints } from '../shared/model-hints';
import { isOpenAIReasoningModel } from './convert-to-openai-request';

type InputContentPart = { type: 'input_text'; text: string } | { type: 'input_image'; image_url: string; detail: 'auto' };

export type ResponsesInputItem =
  | { type: 'message'; role: 'user'; content: InputContentPart[] }
  | { type: 'message'; role: 'assistant'; content: Array<{ type: 'output_text'; text: string }> }
  | { type: 'function_call'; call_id: string; name: string; arguments: string }
  | { type: 'function_call_output'; call_id: string; output: string }
  /** A replayed output item of this same model (reasoning with encrypted_content, message, call). */
  | Record<string, unknown>;

export interface ResponsesTool {
  type: 'function';
  name: string;
  description?: string;
  parameters: Record<string, unknown>;
}

export interface OpenAIResponsesRequestBody {
  model: string;
  stream: true;
  store: false;
  include: ['reasoning.encrypted_content'];
  input: ResponsesInputItem[];
  instructions?: string;
  max_output_tokens?: number;
  temperature?: number;
  reasoning?: { effort?: ReasoningEffort; summary?: 'auto' };
  tools?: ResponsesTool[];
  tool_choice?: 'auto';
}

/**
 * o1-pro, o3-pro, every *-pro, deep-research, computer-use and codex ids answer only here
 * (providers-reasoning.md §1.1); the catalogue's `endpoint` wins when it knows the model.
 */
export function usesOpenAIResponsesApi(modelId: string, hints: ModelHints | undefined): boolean {
  if (hints?.endpoint !== undefined) return hints.endpoint === 'responses';
  return /-pro(\b|-)|deep-research|computer-use|codex/.test(modelId);
}

function convertUserContent(content: MessageContent): InputContentPart[] {
  if (typeof content === 'string') return [{ type: 'input_text', text: content }];
  return content.map((part) => (part.type === 'text' ? { type: 'input_text', text: part.text } : { type: 'input_image', image_url: part.dataUrl, detail: 'auto' }));
}

function convertAssistant(message: Extract<ChatMessage, { role: 'assistant' }>, model: string): ResponsesInputItem[] {
  const replayed = readMatchingReplay(message.replay, 'openai', model);
  if (replayed) return replayed as ResponsesInputItem[];
  const items: ResponsesInputItem[] = [];
  const text = joinTextParts(message.content);
  if (text !== '') items.push({ type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] });
  for (const call of message.toolCalls ?? []) {
    items.push({ type: 'function_call', call_id: call.id, name: call.name, arguments: JSON.stringify(call.arguments) });
  }
  return items;
}

export function convertToResponsesInput(messages: ChatMessage[], model: string): ResponsesInputItem[] {
  return messages.flatMap((message): ResponsesInputItem[] => {
    if (message.role === 'user') return [{ type: 'message', role: 'user', content: convertUserContent(message.content) }];
    if (message.role === 'tool') return [{ type: 'function_call_output', call_id: message.toolCallId, output: message.content }];
    return convertAssistant(message, model);
  });
}

/** Tools are flat here: no nested `function` object as in Chat Completions. */
function convertTools(tools: ToolDefinition[] | undefined): Pick<OpenAIResponsesRequestBody, 'tools' | 'tool_choice'> {
  if (!tools || tools.length === 0) return {};
  return {
    tools: tools.map((tool) => ({ type: 'function', name: tool.name, ...(tool.description ? { description: tool.description } : {}), parameters: tool.parameters })),
    tool_choice: 'auto',
  };
}

export function convertToOpenAIResponsesRequest(request: ResolvedChatRequest, hints?: ModelHints): OpenAIResponsesRequestBody {
  assertImagesSupported(request.messages, request.model, hints, 'openai');
  const settings = request.settings ?? {};
  const body: OpenAIResponsesRequestBody = {
    model: request.model,
    stream: true,
    store: false,
    // Without it a replayed reasoning item has no encrypted_content and store:false answers 404 (§1.3).
    include: ['reasoning.encrypted_content'],
    input: convertToResponsesInput(request.messages, request.model),
  };
  if (settings.systemPrompt) body.instructions = settings.systemPrompt;
  // Caps reasoning and answer together.
  const maxTokens = limitMaxTokens(settings.maxTokens, hints);
  if (maxTokens !== undefined) body.max_output_tokens = maxTokens;
  const reasoningModel = isOpenAIReasoningModel(request.model, hints) || hints?.reasoning !== undefined;
  if (settings.temperature !== undefined && !reasoningModel) body.temperature = clampNumber(settings.temperature, 0, 2);
  const effort = resolveReasoningEffort(settings.reasoningEffort, hints?.reasoning?.efforts);
  // A summary is the only readable reasoning OpenAI streams; o1-pro refuses the field (§1.2).
  const summary = reasoningModel && hints?.reasoning?.visible !== false && !request.model.startsWith('o1-pro');
  if (effort !== undefined || summary) body.reasoning = { ...(effort ? { effort } : {}), ...(summary ? { summary: 'auto' as const } : {}) };
  return { ...body, ...convertTools(request.tools) };
}
