// The shapes the conversation store reads and writes. Plain data only, so a conversation can be
// exported as JSON and checked field by field on import.
import type { BYOKError, BYOKProvider, ChatSettings, MessageContent, ReasoningReplay, ToolCall, ToolDefinition, Usage } from '../types';

export interface ConversationMeta {
  id: string;
  title: string;
  provider: BYOKProvider;
  model: string;
  settings: ChatSettings;
  createdAt: number;
  updatedAt: number;
  totalCost: number;
  totalInputTokens: number;
  totalOutputTokens: number;
  messageCount: number;
  /** Some reply in the totals had no provider usage and was counted from its text (shown with "≈"). */
  estimatedTotals?: true;
  /** Tools the model may call in this conversation; only enabled ones are sent. */
  tools?: ConversationTool[];
}

/** A tool the user defined: what the model sees, plus whether this conversation offers it. */
export interface ConversationTool extends ToolDefinition {
  id: string;
  enabled: boolean;
}

export const MESSAGE_STATUSES = ['complete', 'streaming', 'stopped', 'interrupted', 'error'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const MESSAGE_ROLES = ['user', 'assistant', 'tool'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

export interface MessageError {
  code: string;
  message: string;
  retryAfterMs?: number;
}

/**
 * The other versions of a conversation from one message on (an edit or a regenerate keeps the
 * earlier ones): each is the whole tail as it was, stored inside the message now shown at that
 * position, so the alternatives are encrypted with it. The one shown sits between the two lists,
 * so it is number `before.length + 1` of `before.length + after.length + 1`.
 */
export interface MessageAlternatives {
  before: StoredMessage[][];
  after: StoredMessage[][];
}

export interface StoredMessage {
  id: string;
  conversationId: string;
  sequence: number;
  role: MessageRole;
  content: MessageContent;
  toolCalls?: ToolCall[];
  toolCallId?: string;
  name?: string;
  status: MessageStatus;
  error?: MessageError;
  provider?: BYOKProvider;
  model?: string;
  usage?: Usage;
  cost?: number | null;
  firstTokenMs?: number;
  totalMs?: number;
  /** The model's visible reasoning (summary or thinking); encrypted with the message like its text. */
  reasoning?: string;
  /** How long the model thought: first reasoning delta to first answer token. */
  reasoningMs?: number;
  /** Provider-native pieces the next request must send back (thinking signatures, encrypted reasoning). */
  replay?: ReasoningReplay;
  /** A tool message the user declined to answer; its content tells the model so. */
  rejected?: boolean;
  createdAt: number;
  alternatives?: MessageAlternatives;
}

export const CONVERSATION_EXPORT_FORMAT = 'vivim-byok-conversation';
export const CONVERSATION_EXPORT_VERSION = 1;

/** Plaintext by design: the user asked for a readable copy. It never contains keys. */
export interface ConversationExport {
  format: typeof CONVERSATION_EXPORT_FORMAT;
  version: typeof CONVERSATION_EXPORT_VERSION;
  conversation: ConversationMeta;
  messages: StoredMessage[];
}

export type RecordKind = 'meta' | 'message' | 'search-text' | 'draft';

/** A stored record that failed to decrypt or had the wrong shape; it was left in place, unused. */
export interface CorruptRecordReport {
  kind: RecordKind;
  conversationId: string;
  sequence?: number;
  error: BYOKError;
}

export interface ReadOptions {
  /**
   * Called once per corrupt record. listConversations and searchConversations always skip such a
   * record; loadMessages skips it only when this is given and otherwise rejects, because a
   * conversation with a silent gap would mislead both the user and the model.
   */
  onCorruptRecord?: (report: CorruptRecordReport) => void;
}
