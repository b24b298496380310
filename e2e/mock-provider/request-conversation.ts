// Reads what the mock needs from a chat request body, in each provider's request shape
// (providers.md §2.2, §3.2, §4.2, §5.2, §6.2). Tolerant: a malformed body gives an empty conversation,
// never a crash, because a client bug should show up as a wrong reply the test can see.
import type { BYOKProvider } from '../../src/byok/types';

export interface Conversation {
  /** Every text in the request, for input token counting. */
  texts: string[];
  imageCount: number;
  /** Text of the final message when it is a user message with text; null otherwise. */
  lastUserText: string | null;
  /** The final message carries a tool result, so a tool-call scenario must answer with text now. */
  endsWithToolResult: boolean;
  /** Names of the tools the request declares, in order. */
  toolNames: string[];
  /** OpenAI and xAI send usage only when the request asks for it (providers.md §2.2, gotcha 6). */
  includeUsage: boolean;
  model: string;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Texts and images of one message's content, a string or a list of typed parts. */
function readContentParts(content: unknown, into: Conversation): string[] {
  if (typeof content === 'string') return [content];
  const texts: string[] = [];
  for (const part of asArray(content)) {
    if (!isObject(part)) continue;
    if (typeof part.text === 'string') texts.push(part.text);
    else if (part.type === 'image' || part.type === 'image_url' || isObject(part.inlineData)) into.imageCount += 1;
    else if (part.type === 'tool_result') texts.push(...readContentParts(part.content, into));
    else if (part.type === 'tool_use') texts.push(JSON.stringify(part.input ?? {}));
    else if (isObject(part.functionCall)) texts.push(JSON.stringify(part.functionCall.args ?? {}));
    else if (isObject(part.functionResponse)) texts.push(JSON.stringify(part.functionResponse.response ?? {}));
  }
  return texts;
}

function createEmptyConversation(): Conversation {
  return { texts: [], imageCount: 0, lastUserText: null, endsWithToolResult: false, toolNames: [], includeUsage: false, model: '' };
}

/** OpenAI, xAI and Mistral: `messages` with roles system/developer/user/assistant/tool. */
function readOpenAiConversation(body: JsonObject, conversation: Conversation): void {
  const messages = asArray(body.messages).filter(isObject);
  for (const message of messages) {
    conversation.texts.push(...readContentParts(message.content, conversation));
    for (const call of asArray(message.tool_calls).filter(isObject)) {
      if (isObject(call.function)) conversation.texts.push(asString(call.function.arguments));
    }
  }
  const last = messages.at(-1);
  conversation.endsWithToolResult = last?.role === 'tool';
  if (last?.role === 'user') conversation.lastUserText = readContentParts(last.content, createEmptyConversation()).join('\n');
  conversation.toolNames = asArray(body.tools)
    .filter(isObject)
    .map((tool) => (isObject(tool.function) ? asString(tool.function.name) : ''))
    .filter(Boolean);
  const streamOptions = body.stream_options;
  conversation.includeUsage = isObject(streamOptions) && streamOptions.include_usage === true;
}

/** Anthropic: top-level `system`, then user/assistant `messages`; tool results ride in user turns. */
function readAnthropicConversation(body: JsonObject, conversation: Conversation): void {
  conversation.texts.push(...readContentParts(body.system, conversation));
  const messages = asArray(body.messages).filter(isObject);
  for (const message of messages) conversation.texts.push(...readContentParts(message.content, conversation));
  const last = messages.at(-1);
  const lastParts = asArray(last?.content).filter(isObject);
  conversation.endsWithToolResult = lastParts.some((part) => part.type === 'tool_result');
  if (last?.role === 'user' && !conversation.endsWithToolResult) {
    conversation.lastUserText = readContentParts(last.content, createEmptyConversation()).join('\n');
  }
  conversation.toolNames = asArray(body.tools).filter(isObject).map((tool) => asString(tool.name)).filter(Boolean);
}

/** Gemini: `systemInstruction` and `contents` with roles user/model; tool results are functionResponse parts. */
function readGoogleConversation(body: JsonObject, conversation: Conversation): void {
  const system = body.systemInstruction;
  if (isObject(system)) conversation.texts.push(...readContentParts(system.parts, conversation));
  const contents = asArray(body.contents).filter(isObject);
  for (const content of contents) conversation.texts.push(...readContentParts(content.parts, conversation));
  const last = contents.at(-1);
  const lastParts = asArray(last?.parts).filter(isObject);
  conversation.endsWithToolResult = lastParts.some((part) => isObject(part.functionResponse));
  if (last?.role === 'user' && !conversation.endsWithToolResult) {
    conversation.lastUserText = readContentParts(last.parts, createEmptyConversation()).join('\n');
  }
  conversation.toolNames = asArray(body.tools)
    .filter(isObject)
    .flatMap((tool) => asArray(tool.functionDeclarations).filter(isObject))
    .map((declaration) => asString(declaration.name))
    .filter(Boolean);
}

/** OpenAI Responses: `instructions` and typed `input` items; tools are flat; usage always comes. */
function readResponsesConversation(body: JsonObject, conversation: Conversation): void {
  if (typeof body.instructions === 'string') conversation.texts.push(body.instructions);
  const items = asArray(body.input).filter(isObject);
  for (const item of items) {
    if (item.type === 'message' || item.type === undefined) {
      for (const part of asArray(item.content).filter(isObject)) {
        if (typeof part.text === 'string') conversation.texts.push(part.text);
        else if (part.type === 'input_image') conversation.imageCount += 1;
      }
      if (typeof item.content === 'string') conversation.texts.push(item.content);
    } else if (item.type === 'function_call') conversation.texts.push(asString(item.arguments));
    else if (item.type === 'function_call_output') conversation.texts.push(asString(item.output));
  }
  const last = items.at(-1);
  conversation.endsWithToolResult = last?.type === 'function_call_output';
  if (last?.role === 'user') {
    conversation.lastUserText = asArray(last.content).filter(isObject).map((part) => asString(part.text)).join('\n') || asString(last.content);
  }
  conversation.toolNames = asArray(body.tools).filter(isObject).map((tool) => asString(tool.name)).filter(Boolean);
  conversation.includeUsage = true;
}

/**
 * Reads a chat request body; `modelFromPath` is Gemini's model, which lives in the URL, not the body.
 * `responsesApi` reads OpenAI's Responses shape instead of Chat Completions.
 */
export function readConversation(provider: BYOKProvider, body: unknown, modelFromPath = '', responsesApi = false): Conversation {
  const conversation = createEmptyConversation();
  if (!isObject(body)) return { ...conversation, model: modelFromPath };
  if (responsesApi) readResponsesConversation(body, conversation);
  else if (provider === 'anthropic') readAnthropicConversation(body, conversation);
  else if (provider === 'google') readGoogleConversation(body, conversation);
  else readOpenAiConversation(body, conversation);
  conversation.model = modelFromPath || asString(body.model);
  return conversation;
}
