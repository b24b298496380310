// Strict readers for conversation data that crosses a trust boundary (an imported file, or a
// caller's message before it is encrypted). Each builds a fresh object from known fields only, so
// unknown keys, `__proto__` tricks and wrong types never reach storage; each failure names the
// field. Limits are generous for real chats but stop a crafted file from exhausting memory.
import { BYOK_PROVIDERS, BYOKError, REASONING_EFFORTS, type BYOKProvider, type ReasoningReplay, type ChatSettings, type ImagePart, type MessageContent, type TextPart, type ToolCall, type Usage } from '../types';
import { MESSAGE_ROLES, MESSAGE_STATUSES, type ConversationMeta, type ConversationTool, type MessageAlternatives, type MessageError, type StoredMessage } from './conversation-types';

export const CONVERSATION_LIMITS = {
  identifierLength: 200,
  titleLength: 2_000,
  textLength: 4_000_000,
  imageDataUrlLength: 30_000_000,
  contentParts: 200,
  toolCalls: 128,
  toolArgumentsLength: 1_000_000,
  /** Versions kept on each side of the one shown, messages per version, and versions inside versions. */
  alternatives: 100,
  alternativeMessages: 5_000,
  alternativeDepth: 12,
  tools: 64,
  toolSchemaLength: 100_000,
  replayLength: 4_000_000,
} as const;

type Source = Record<string, unknown>;

function fail(path: string, expectation: string): never {
  throw new BYOKError('INVALID_REQUEST', `Invalid conversation data: ${path} ${expectation}.`);
}

export function readObject(value: unknown, path: string): Source {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  return value as Source;
}

export function readArray(value: unknown, path: string, maxLength: number): unknown[] {
  if (!Array.isArray(value)) fail(path, 'must be an array');
  if (value.length > maxLength) fail(path, `must have at most ${maxLength} entries`);
  return value;
}

function readString(value: unknown, path: string, maxLength: number, allowEmpty = true): string {
  if (typeof value !== 'string') fail(path, 'must be a string');
  if (!allowEmpty && value === '') fail(path, 'must not be empty');
  if (value.length > maxLength) fail(path, `must be at most ${maxLength} characters`);
  return value;
}

const readIdentifier = (value: unknown, path: string): string => readString(value, path, CONVERSATION_LIMITS.identifierLength, false);

function readNumber(value: unknown, path: string, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(path, 'must be a non-negative number');
  if (integer && !Number.isSafeInteger(value)) fail(path, 'must be a whole number');
  return value;
}

function readChoice<T extends string>(value: unknown, choices: readonly T[], path: string): T {
  if (!choices.includes(value as T)) fail(path, `must be one of ${choices.join(', ')}`);
  return value as T;
}

const readProvider = (value: unknown, path: string): BYOKProvider => readChoice(value, BYOK_PROVIDERS, path);

function readSettings(value: unknown, path: string): ChatSettings {
  const source = readObject(value, path);
  const settings: ChatSettings = {};
  if (source.temperature !== undefined) settings.temperature = readNumber(source.temperature, `${path}.temperature`);
  if (source.maxTokens !== undefined) settings.maxTokens = readNumber(source.maxTokens, `${path}.maxTokens`, true);
  if (source.systemPrompt !== undefined) settings.systemPrompt = readString(source.systemPrompt, `${path}.systemPrompt`, CONVERSATION_LIMITS.textLength);
  if (source.reasoningEffort !== undefined) settings.reasoningEffort = readChoice(source.reasoningEffort, REASONING_EFFORTS, `${path}.reasoningEffort`);
  return settings;
}

/** Plain JSON of bounded size (a round trip drops functions and getters; cycles fail). */
function readPlainJson(value: unknown, path: string, maxLength: number): unknown {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    fail(path, 'must be plain JSON');
  }
  if (json === undefined) fail(path, 'must be plain JSON');
  if (json.length > maxLength) fail(path, `must be at most ${maxLength} characters of JSON`);
  return JSON.parse(json) as unknown;
}

function readTool(value: unknown, path: string): ConversationTool {
  const source = readObject(value, path);
  const tool: ConversationTool = {
    id: readIdentifier(source.id, `${path}.id`),
    name: readIdentifier(source.name, `${path}.name`),
    enabled: source.enabled === true,
    parameters: readObject(readPlainJson(source.parameters, `${path}.parameters`, CONVERSATION_LIMITS.toolSchemaLength), `${path}.parameters`),
  };
  if (source.description !== undefined) tool.description = readString(source.description, `${path}.description`, CONVERSATION_LIMITS.titleLength);
  return tool;
}

export function readTools(value: unknown, path: string): ConversationTool[] {
  return readArray(value, path, CONVERSATION_LIMITS.tools).map((tool, index) => readTool(tool, `${path}[${index}]`));
}

function readReplay(value: unknown, path: string): ReasoningReplay {
  const source = readObject(value, path);
  return {
    provider: readProvider(source.provider, `${path}.provider`),
    model: readIdentifier(source.model, `${path}.model`),
    items: readArray(readPlainJson(source.items, `${path}.items`, CONVERSATION_LIMITS.replayLength), `${path}.items`, CONVERSATION_LIMITS.contentParts),
  };
}

export function readConversationMeta(value: unknown, path: string): ConversationMeta {
  const source = readObject(value, path);
  return {
    id: readIdentifier(source.id, `${path}.id`),
    title: readString(source.title, `${path}.title`, CONVERSATION_LIMITS.titleLength),
    provider: readProvider(source.provider, `${path}.provider`),
    model: readIdentifier(source.model, `${path}.model`),
    settings: readSettings(source.settings, `${path}.settings`),
    createdAt: readNumber(source.createdAt, `${path}.createdAt`),
    updatedAt: readNumber(source.updatedAt, `${path}.updatedAt`),
    totalCost: readNumber(source.totalCost, `${path}.totalCost`),
    totalInputTokens: readNumber(source.totalInputTokens, `${path}.totalInputTokens`, true),
    totalOutputTokens: readNumber(source.totalOutputTokens, `${path}.totalOutputTokens`, true),
    messageCount: readNumber(source.messageCount, `${path}.messageCount`, true),
    ...(source.estimatedTotals === true ? { estimatedTotals: true as const } : {}),
    ...(source.tools === undefined ? {} : { tools: readTools(source.tools, `${path}.tools`) }),
  };
}

function readContentPart(value: unknown, path: string): TextPart | ImagePart {
  const source = readObject(value, path);
  if (source.type === 'text') return { type: 'text', text: readString(source.text, `${path}.text`, CONVERSATION_LIMITS.textLength) };
  if (source.type !== 'image') fail(`${path}.type`, "must be 'text' or 'image'");
  const dataUrl = readString(source.dataUrl, `${path}.dataUrl`, CONVERSATION_LIMITS.imageDataUrlLength);
  // Only inline images: a remote URL would make the renderer fetch it (security.md T28).
  if (!/^data:image\/[a-z0-9.+-]+;base64,/i.test(dataUrl)) fail(`${path}.dataUrl`, 'must be a data:image/…;base64 URL');
  return { type: 'image', dataUrl };
}

function readContent(value: unknown, path: string): MessageContent {
  if (typeof value === 'string') return readString(value, path, CONVERSATION_LIMITS.textLength);
  return readArray(value, path, CONVERSATION_LIMITS.contentParts).map((part, index) => readContentPart(part, `${path}[${index}]`));
}

function readToolArguments(value: unknown, path: string): Record<string, unknown> {
  readObject(value, path);
  let json: string;
  try {
    // A JSON round trip drops functions and getters and fails on cycles or absurd nesting.
    json = JSON.stringify(value);
  } catch {
    fail(path, 'must be plain JSON');
  }
  if (json.length > CONVERSATION_LIMITS.toolArgumentsLength) fail(path, `must be at most ${CONVERSATION_LIMITS.toolArgumentsLength} characters of JSON`);
  // toJSON could have turned the object into something else; check what will actually be stored.
  return readObject(JSON.parse(json), path);
}

function readToolCall(value: unknown, path: string): ToolCall {
  const source = readObject(value, path);
  return { id: readIdentifier(source.id, `${path}.id`), name: readIdentifier(source.name, `${path}.name`), arguments: readToolArguments(source.arguments, `${path}.arguments`) };
}

function readUsage(value: unknown, path: string): Usage {
  const source = readObject(value, path);
  const usage: Usage = {
    inputTokens: readNumber(source.inputTokens, `${path}.inputTokens`, true),
    outputTokens: readNumber(source.outputTokens, `${path}.outputTokens`, true),
    totalTokens: readNumber(source.totalTokens, `${path}.totalTokens`, true),
    ...(source.reasoningTokens === undefined ? {} : { reasoningTokens: readNumber(source.reasoningTokens, `${path}.reasoningTokens`, true) }),
  };
  if (source.cachedInputTokens !== undefined) usage.cachedInputTokens = readNumber(source.cachedInputTokens, `${path}.cachedInputTokens`, true);
  if (source.cacheWriteTokens !== undefined) usage.cacheWriteTokens = readNumber(source.cacheWriteTokens, `${path}.cacheWriteTokens`, true);
  if (source.estimated === true) usage.estimated = true;
  return usage;
}

function readMessageError(value: unknown, path: string): MessageError {
  const source = readObject(value, path);
  const error: MessageError = { code: readIdentifier(source.code, `${path}.code`), message: readString(source.message, `${path}.message`, CONVERSATION_LIMITS.titleLength) };
  if (source.retryAfterMs !== undefined) error.retryAfterMs = readNumber(source.retryAfterMs, `${path}.retryAfterMs`);
  return error;
}

function readAlternatives(value: unknown, path: string, depth: number): MessageAlternatives {
  if (depth >= CONVERSATION_LIMITS.alternativeDepth) fail(path, `must not nest more than ${CONVERSATION_LIMITS.alternativeDepth} levels`);
  const source = readObject(value, path);
  const readSide = (side: 'before' | 'after') =>
    readArray(source[side], `${path}.${side}`, CONVERSATION_LIMITS.alternatives).map((tail, tailIndex) =>
      readArray(tail, `${path}.${side}[${tailIndex}]`, CONVERSATION_LIMITS.alternativeMessages)
        .map((message, index) => readStoredMessage(message, `${path}.${side}[${tailIndex}][${index}]`, depth + 1)));
  return { before: readSide('before'), after: readSide('after') };
}

function readOptionalMessageFields(source: Source, path: string, message: StoredMessage, depth: number): void {
  if (source.alternatives !== undefined) message.alternatives = readAlternatives(source.alternatives, `${path}.alternatives`, depth);
  if (source.toolCalls !== undefined) {
    message.toolCalls = readArray(source.toolCalls, `${path}.toolCalls`, CONVERSATION_LIMITS.toolCalls).map((call, index) => readToolCall(call, `${path}.toolCalls[${index}]`));
  }
  if (source.toolCallId !== undefined) message.toolCallId = readIdentifier(source.toolCallId, `${path}.toolCallId`);
  if (source.name !== undefined) message.name = readIdentifier(source.name, `${path}.name`);
  if (source.error !== undefined) message.error = readMessageError(source.error, `${path}.error`);
  if (source.provider !== undefined) message.provider = readProvider(source.provider, `${path}.provider`);
  if (source.model !== undefined) message.model = readIdentifier(source.model, `${path}.model`);
  if (source.usage !== undefined) message.usage = readUsage(source.usage, `${path}.usage`);
  if (source.cost !== undefined) message.cost = source.cost === null ? null : readNumber(source.cost, `${path}.cost`);
  if (source.firstTokenMs !== undefined) message.firstTokenMs = readNumber(source.firstTokenMs, `${path}.firstTokenMs`);
  if (source.totalMs !== undefined) message.totalMs = readNumber(source.totalMs, `${path}.totalMs`);
  if (source.reasoning !== undefined) message.reasoning = readString(source.reasoning, `${path}.reasoning`, CONVERSATION_LIMITS.textLength);
  if (source.reasoningMs !== undefined) message.reasoningMs = readNumber(source.reasoningMs, `${path}.reasoningMs`);
  if (source.replay !== undefined) message.replay = readReplay(source.replay, `${path}.replay`);
  if (source.rejected !== undefined) message.rejected = source.rejected === true;
}

export function readStoredMessage(value: unknown, path: string, depth = 0): StoredMessage {
  const source = readObject(value, path);
  const message: StoredMessage = {
    id: readIdentifier(source.id, `${path}.id`),
    conversationId: readIdentifier(source.conversationId, `${path}.conversationId`),
    sequence: readNumber(source.sequence, `${path}.sequence`, true),
    role: readChoice(source.role, MESSAGE_ROLES, `${path}.role`),
    content: readContent(source.content, `${path}.content`),
    status: readChoice(source.status, MESSAGE_STATUSES, `${path}.status`),
    createdAt: readNumber(source.createdAt, `${path}.createdAt`),
  };
  readOptionalMessageFields(source, path, message, depth);
  return message;
}
