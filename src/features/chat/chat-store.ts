// The chat feature's state, in memory only (no persist: conversations are written through to the
// encrypted conversation store instead). The streaming reply lives apart from the message list
// and changes at most once per animation frame, so finished messages never re-render while a
// reply streams. Actions live in chat-conversation-actions.ts and chat-turn-actions.ts.
import { create } from 'zustand';
import type { SearchHit } from '../../byok/conversations/conversation-store';
import type { ConversationMeta, StoredMessage } from '../../byok/conversations/conversation-types';
import type { ToolCall } from '../../byok/types';

export type ListStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface StreamingReply {
  messageId: string;
  text: string;
  /** Visible reasoning streamed so far; the Thinking section shows it above the answer. */
  reasoning: string;
  toolCalls: ToolCall[];
  /**
   * The provider's stream is over and every word is in `text`; the reply is still being saved.
   * The Markdown shows itself finished from here, not only once the save is done (B2 final paint).
   */
  ended?: boolean;
}

export interface ChatState {
  listStatus: ListStatus;
  conversations: ConversationMeta[];
  /** Conversations matching the search box (titles and text) with their snippets, or null when not searching. */
  searchResults: SearchHit[] | null;
  /** The conversation on screen; `openSaved` is false until its first message is sent. */
  openConversation: ConversationMeta | null;
  openSaved: boolean;
  messagesStatus: ListStatus;
  messages: StoredMessage[];
  streaming: StreamingReply | null;
  /** Unsent composer text per conversation id ('new' for a conversation not saved yet). */
  drafts: Record<string, string>;
  /** A problem outside any one message (loading, saving, importing), in words for people. */
  notice: string | null;
  /** A rate-limited reply that will be asked for again by itself at `at` (ms timestamp). */
  autoRetry: { messageId: string; at: number } | null;
  /** `provider:model` of the default an unsaved conversation was started from. */
  unsavedDefault: string | null;
}

export const INITIAL_CHAT_STATE: ChatState = {
  listStatus: 'idle',
  conversations: [],
  searchResults: null,
  openConversation: null,
  openSaved: false,
  messagesStatus: 'idle',
  messages: [],
  streaming: null,
  drafts: {},
  notice: null,
  autoRetry: null,
  unsavedDefault: null,
};

export const useChatStore = create<ChatState>()(() => ({ ...INITIAL_CHAT_STATE }));

export function resetChatStore(): void {
  useChatStore.setState({ ...INITIAL_CHAT_STATE }, true);
}

export function draftKeyFor(state: Pick<ChatState, 'openConversation' | 'openSaved'>): string {
  return state.openConversation && state.openSaved ? state.openConversation.id : 'new';
}

export function setDraft(key: string, text: string): void {
  useChatStore.setState((state) => ({ drafts: { ...state.drafts, [key]: text } }));
}

export function setNotice(notice: string | null): void {
  useChatStore.setState({ notice });
}

/** Most recently used first, the order the list shows. */
export function sortConversations(conversations: ConversationMeta[]): ConversationMeta[] {
  return [...conversations].sort((first, second) => second.updatedAt - first.updatedAt);
}

export function replaceConversation(meta: ConversationMeta): void {
  useChatStore.setState((state) => ({
    conversations: sortConversations([meta, ...state.conversations.filter((existing) => existing.id !== meta.id)]),
    openConversation: state.openConversation?.id === meta.id ? meta : state.openConversation,
  }));
}
