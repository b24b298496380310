// ChatRequest → Gemini generateContent body (providers.md §4.2): systemInstruction, user/model
// turns, generationConfig, functionDeclarations.
import type { ChatMessage, MessageContent } from '../../types';
import type { ResolvedChatRequest } from '../provider-adapter';
import { splitImageDataUrl } from '../shared/data-url';
import { isRecord, parseJson } from '../shared/json-values';
import { assertImagesSupported, limitMaxTokens } from '../shared/message-content';
import { clampNumber } from '../shared/model-hints';
import { stripModelsPrefix } from './google-models';
import type { ModelHints } from '../shared/model-hints';
import { readMatchingReplay } from '../shared/model-hints';
import { convertToGoogleThinking } from './google-thinking';
import type { GoogleThinkingConfig } from './google-thinking';

type GooglePart =
  | { text: string }
  | { inlineData: { mimeType: string; data: string } }
  | { functionCall: { name: string; args: Record<string, unknown> }; thoughtSignature: string }
  | { functionResponse: { name: string; response: Record<string, unknown> } }
  /** A replayed part of this model's own earlier turn, its thoughtSignature on it (§4.3). */
  | Record<string, unknown>;

interface GoogleContent {
  role: 'user' | 'model';
  parts: GooglePart[];
}

export interface GoogleRequestBody {
  contents: GoogleContent[];
  systemInstruction?: { parts: Array<{ text: string }> };
  generationConfig?: { temperature?: number; maxOutputTokens?: number; thinkingConfig?: GoogleThinkingConfig };
  tools?: Array<{ functionDeclarations: Array<{ name: string; description?: string; parameters: Record<string, unknown> }> }>;
  toolConfig?: { functionCallingConfig: { mode: 'AUTO' } };
}

// Gemini 3 refuses a replayed functionCall without its signature; ToolCall does not keep it,
// and Google documents this placeholder for exactly that case (providers.md §4.2).
const SKIP_THOUGHT_SIGNATURE = 'skip_thought_signature_validator';

// JSON Schema keywords outside Gemini's OpenAPI subset that make the request fail.
const UNSUPPORTED_SCHEMA_KEYS = new Set(['$schema', '$id', 'additionalProperties']);

export function sanitiseGoogleSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(sanitiseGoogleSchema);
  if (!isRecord(schema)) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !UNSUPPORTED_SCHEMA_KEYS.has(key))
      .map(([key, value]) => [key, sanitiseGoogleSchema(value)]),
  );
}

function convertContent(content: MessageContent): GooglePart[] {
  if (typeof content === 'string') return content === '' ? [] : [{ text: content }];
  return content.flatMap((part): GooglePart[] => {
    if (part.type === 'text') return part.text === '' ? [] : [{ text: part.text }];
    const image = splitImageDataUrl(part.dataUrl, 'google');
    return [{ inlineData: { mimeType: image.mimeType, data: image.base64 } }];
  });
}

/** functionResponse.response must be an object: JSON objects pass through, anything else is wrapped. */
function toFunctionResponse(content: string): Record<string, unknown> {
  const parsed = parseJson(content);
  return isRecord(parsed) ? parsed : { content };
}

function convertMessage(message: ChatMessage, model: string): GoogleContent {
  if (message.role === 'tool') {
    return { role: 'user', parts: [{ functionResponse: { name: message.name, response: toFunctionResponse(message.content) } }] };
  }
  if (message.role === 'user') return { role: 'user', parts: convertContent(message.content) };
  const replayed = readMatchingReplay(message.replay, 'google', model);
  if (replayed) return { role: 'model', parts: replayed as GooglePart[] };
  const calls: GooglePart[] = (message.toolCalls ?? []).map((toolCall) => ({
    functionCall: { name: toolCall.name, args: toolCall.arguments },
    thoughtSignature: SKIP_THOUGHT_SIGNATURE,
  }));
  return { role: 'model', parts: [...convertContent(message.content), ...calls] };
}

function mergeConsecutiveRoles(contents: GoogleContent[]): GoogleContent[] {
  const merged: GoogleContent[] = [];
  for (const content of contents) {
    const previous = merged[merged.length - 1];
    if (previous && previous.role === content.role) previous.parts.push(...content.parts);
    else merged.push({ role: content.role, parts: [...content.parts] });
  }
  return merged;
}

export function convertToGoogleRequest(request: ResolvedChatRequest, hints?: ModelHints): GoogleRequestBody {
  assertImagesSupported(request.messages, request.model, hints, 'google');
  const settings = request.settings ?? {};
  const contents = request.messages.map((message) => convertMessage(message, stripModelsPrefix(request.model)));
  const body: GoogleRequestBody = { contents: mergeConsecutiveRoles(contents) };
  if (settings.systemPrompt) body.systemInstruction = { parts: [{ text: settings.systemPrompt }] };
  const generationConfig: NonNullable<GoogleRequestBody['generationConfig']> = {};
  if (settings.temperature !== undefined && hints?.rejectsTemperature !== true) {
    generationConfig.temperature = clampNumber(settings.temperature, 0, 2);
  }
  const maxTokens = limitMaxTokens(settings.maxTokens, hints);
  if (maxTokens !== undefined) generationConfig.maxOutputTokens = maxTokens;
  const thinkingConfig = convertToGoogleThinking(request.model, settings.reasoningEffort, hints);
  if (thinkingConfig) generationConfig.thinkingConfig = thinkingConfig;
  if (Object.keys(generationConfig).length > 0) body.generationConfig = generationConfig;
  if (request.tools && request.tools.length > 0) {
    body.tools = [{
      functionDeclarations: request.tools.map((tool) => ({
        name: tool.name,
        ...(tool.description ? { description: tool.description } : {}),
        parameters: sanitiseGoogleSchema(tool.parameters) as Record<string, unknown>,
      })),
    }];
    body.toolConfig = { functionCallingConfig: { mode: 'AUTO' } };
  }
  return body;
}
