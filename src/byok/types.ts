// The contract of the core library (docs/product.md, "The library behind the screens").
// Plain TypeScript: no React, no DOM beyond fetch / crypto / IndexedDB.

export type BYOKProvider = 'openai' | 'anthropic' | 'google' | 'xai' | 'mistral';

export const BYOK_PROVIDERS: readonly BYOKProvider[] = ['openai', 'anthropic', 'google', 'xai', 'mistral'];

export const BYOK_ERROR_CODES = {
  // The seed's eight codes.
  INVALID_API_KEY: 'INVALID_API_KEY',
  RATE_LIMITED: 'RATE_LIMITED',
  MODEL_NOT_FOUND: 'MODEL_NOT_FOUND',
  INSUFFICIENT_QUOTA: 'INSUFFICIENT_QUOTA',
  STREAM_ABORTED: 'STREAM_ABORTED',
  ENCRYPTION_FAILED: 'ENCRYPTION_FAILED',
  DECRYPTION_FAILED: 'DECRYPTION_FAILED',
  KEY_NOT_FOUND: 'KEY_NOT_FOUND',
  // What real providers and the vault need on top (providers.md §1, security.md).
  VAULT_LOCKED: 'VAULT_LOCKED',
  WRONG_PASSPHRASE: 'WRONG_PASSPHRASE',
  PERMISSION_DENIED: 'PERMISSION_DENIED',
  CONTEXT_TOO_LONG: 'CONTEXT_TOO_LONG',
  PROVIDER_OVERLOADED: 'PROVIDER_OVERLOADED',
  SERVER_ERROR: 'SERVER_ERROR',
  INVALID_REQUEST: 'INVALID_REQUEST',
  CONTENT_FILTERED: 'CONTENT_FILTERED',
  STREAM_INTERRUPTED: 'STREAM_INTERRUPTED',
  NETWORK_ERROR: 'NETWORK_ERROR',
  BUDGET_EXCEEDED: 'BUDGET_EXCEEDED',
  // Two tabs on one conversation: a write based on a view another tab has since changed is refused
  // (conversation-tail.ts) instead of overwriting that tab's messages.
  CONVERSATION_CHANGED: 'CONVERSATION_CHANGED',
  UNKNOWN: 'UNKNOWN',
} as const;

export type BYOKErrorCode = (typeof BYOK_ERROR_CODES)[keyof typeof BYOK_ERROR_CODES];

export interface BYOKErrorDetails {
  provider?: BYOKProvider;
  status?: number;
  retryAfterMs?: number;
  cause?: unknown;
}

export class BYOKError extends Error {
  readonly code: BYOKErrorCode;
  readonly provider?: BYOKProvider;
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(code: BYOKErrorCode, message: string, details: BYOKErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'BYOKError';
    this.code = code;
    if (details.provider !== undefined) this.provider = details.provider;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

export function isBYOKError(error: unknown, code?: BYOKErrorCode): error is BYOKError {
  return error instanceof BYOKError && (code === undefined || error.code === code);
}

// ---------------------------------------------------------------------------
// Catalogue

export interface ModelFeatures {
  streaming: boolean;
  functionCalling: boolean;
  vision: boolean;
}

/** A price that applies once the prompt is larger than `aboveInputTokens` (e.g. Gemini Pro over 200k). */
export interface PriceTier {
  aboveInputTokens: number;
  inputCostPer1k: number;
  outputCostPer1k: number;
}

export interface ProviderModel {
  id: string;
  name: string;
  contextWindow: number;
  maxOutputTokens: number;
  /** USD per 1,000 input tokens (prompts up to the first tier's threshold). */
  inputCostPer1k: number;
  outputCostPer1k: number;
  features: ModelFeatures;
  status: 'active' | 'retired';
  /** ISO date (YYYY-MM-DD) the provider shut the model down. */
  retiredOn?: string;
  /** ISO date the price was last checked against a source. */
  lastVerified: string;
  tiers?: PriceTier[];
  /** USD per 1,000 cache-read input tokens, where the provider publishes one (else the input price). */
  cachedInputCostPer1k?: number;
  /** USD per 1,000 cache-write input tokens (Anthropic 1.25×); else the input price. */
  cacheWriteCostPer1k?: number;
  /** Reasoning models reject `temperature` and take other token-limit fields. */
  rejectsTemperature?: boolean;
  /** The model thinks before it answers; absent for plain chat models. */
  reasoning?: ModelReasoning;
  /** OpenAI models that only work on `POST /v1/responses` (providers-reasoning.md §1.1). */
  endpoint?: 'chat' | 'responses';
}

export const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high'] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

export interface ModelReasoning {
  /** The effort values this model accepts, lowest first; empty when effort cannot be set. */
  efforts: readonly ReasoningEffort[];
  /** Whether the provider streams readable reasoning (a summary or the thinking itself). */
  visible: boolean;
}

export interface KeyFormat {
  pattern: RegExp;
  example: string;
  description: string;
}

export interface ProviderConfig {
  id: BYOKProvider;
  name: string;
  displayName: string;
  /** API root including its version path, e.g. https://api.openai.com/v1. */
  baseUrl: string;
  keyFormat: KeyFormat;
  features: ModelFeatures;
  models: ProviderModel[];
}

// ---------------------------------------------------------------------------
// Keys

export type KeyVerification = 'verified' | 'invalid' | 'unverified';

export interface StoredKey {
  provider: BYOKProvider;
  /** formatKeyDisplay(key): never the key itself. */
  keyPrefix: string;
  /** The API root this key is bound to (AAD). */
  baseUrl: string;
  createdAt: number;
  lastUsed: number | null;
  verification: KeyVerification;
  isValid: boolean | null;
}

// ---------------------------------------------------------------------------
// Chat

export interface TextPart {
  type: 'text';
  text: string;
}

export interface ImagePart {
  type: 'image';
  /** data:image/...;base64, URL */
  dataUrl: string;
}

export type MessageContent = string | Array<TextPart | ImagePart>;

export interface ToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

/**
 * Provider-native pieces of an assistant turn that must go back unchanged in the next request
 * (Anthropic thinking blocks with signatures, Gemini thought signatures, OpenAI encrypted reasoning
 * items). Opaque outside the adapter that made them, and valid only for the same provider and model.
 */
export interface ReasoningReplay {
  provider: BYOKProvider;
  model: string;
  items: unknown[];
}

export type ChatMessage =
  | { role: 'user'; content: MessageContent }
  | { role: 'assistant'; content: MessageContent; toolCalls?: ToolCall[]; replay?: ReasoningReplay }
  | { role: 'tool'; toolCallId: string; name: string; content: string };

export interface ToolDefinition {
  name: string;
  description?: string;
  /** JSON Schema object. */
  parameters: Record<string, unknown>;
}

export interface ChatSettings {
  temperature?: number;
  maxTokens?: number;
  systemPrompt?: string;
  /** Mapped per provider and model; clamped to the nearest value the model takes; ignored without reasoning. */
  reasoningEffort?: ReasoningEffort;
}

export interface ChatRequest {
  provider: BYOKProvider;
  model: string;
  messages: ChatMessage[];
  settings?: ChatSettings;
  tools?: ToolDefinition[];
  signal?: AbortSignal;
  apiKey?: string;
  baseUrl?: string;
}

export interface Usage {
  /** Every input token the provider billed, cache reads and writes included (providers.md §8). */
  inputTokens: number;
  /** Every output token billed, reasoning/thinking included. */
  outputTokens: number;
  totalTokens: number;
  /** Part of outputTokens the model spent thinking (always included in outputTokens). */
  reasoningTokens?: number;
  /** Cache reads: already inside inputTokens, billed at the model's cached-input price. */
  cachedInputTokens?: number;
  /** Cache creation (Anthropic, OpenAI cache_write_tokens): already inside inputTokens. */
  cacheWriteTokens?: number;
  /** No (complete) provider usage arrived: counted from the request and the streamed text. */
  estimated?: boolean;
}

export type FinishReason = 'stop' | 'length' | 'tool-calls' | 'content-filter' | 'error' | 'other';

export type StreamChunk =
  | { type: 'content'; delta: string }
  | { type: 'reasoning'; delta: string }
  /** Emitted once before `done` when the turn has provider-native pieces to send back next time. */
  | { type: 'replay'; replay: ReasoningReplay }
  | { type: 'tool_call'; toolCall: ToolCall }
  | { type: 'usage'; usage: Usage }
  | { type: 'done'; finishReason: FinishReason };

export interface ChatResult {
  content: string;
  /** The visible reasoning (summary or thinking), '' when the model showed none. */
  reasoning: string;
  replay?: ReasoningReplay;
  toolCalls: ToolCall[];
  usage: Usage;
  cost: number | null;
  finishReason: FinishReason;
}
