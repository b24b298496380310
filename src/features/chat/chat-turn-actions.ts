// Turn-level actions: send, stop, regenerate, edit-and-resend, retry. Only one reply streams at a
// time; locking the vault stops it (security.md R14) before the page reloads.
import { onVaultLocked } from '../../byok/api-key-manager';
import { deleteMessagesFrom, saveMessage } from '../../byok/conversations/conversation-store';
import type { ConversationMeta, StoredMessage } from '../../byok/conversations/conversation-types';
import { streamChat } from '../../byok/streaming-client';
import type { MessageContent } from '../../byok/types';
import { checkBudget } from '../../byok/usage-ledger';
import { persistConversation } from './chat-conversation-actions';
import { setDraft, setNotice, useChatStore } from './chat-store';
import { createConversationTitle } from './conversation-title';
import { browserUpdateScheduler, createDeltaBatcher, streamUpdateInterval } from './delta-batcher';
import { runChatTurn, type ChatTurn, type ChatTurnDependencies } from './run-chat-turn';

const browserDependencies: ChatTurnDependencies = {
  streamChat,
  saveMessage,
  checkBudget: (provider, planned) => checkBudget(provider, planned),
  now: () => performance.now(),
  setTimer: (callback, delayMs) => window.setTimeout(callback, delayMs),
  clearTimer: (handle) => window.clearTimeout(handle as number),
};

let activeTurn: ChatTurn | null = null;
onVaultLocked(() => activeTurn?.stop());

export function isReplyStreaming(): boolean {
  return activeTurn !== null;
}

export function stopReply(): void {
  activeTurn?.stop();
}

function nextSequence(messages: StoredMessage[]): number {
  return messages.reduce((highest, message) => Math.max(highest, message.sequence), -1) + 1;
}

function addTotals(meta: ConversationMeta, reply: StoredMessage, messageCount: number): ConversationMeta {
  return {
    ...meta,
    updatedAt: Date.now(),
    messageCount,
    totalCost: meta.totalCost + (reply.cost ?? 0),
    totalInputTokens: meta.totalInputTokens + (reply.usage?.inputTokens ?? 0),
    totalOutputTokens: meta.totalOutputTokens + (reply.usage?.outputTokens ?? 0),
  };
}

/** Streams a reply to `history` (which ends with the user's message) into the open conversation. */
async function streamReply(meta: ConversationMeta, history: StoredMessage[]): Promise<void> {
  const reply = { id: crypto.randomUUID(), sequence: nextSequence(history), createdAt: Date.now() };
  const placeholder: StoredMessage = {
    id: reply.id, conversationId: meta.id, sequence: reply.sequence, role: 'assistant', content: '', status: 'streaming',
    provider: meta.provider, model: meta.model, createdAt: reply.createdAt,
  };
  useChatStore.setState({ messages: [...history, placeholder], streaming: { messageId: reply.id, text: '', toolCalls: [] } });
  const batcher = createDeltaBatcher(
    (joined) => useChatStore.setState((state) => (state.streaming ? { streaming: { ...state.streaming, text: state.streaming.text + joined } } : {})),
    // The first token is painted in the next frame; later updates come 20 to 7 times a second.
    browserUpdateScheduler,
    streamUpdateInterval,
  );
  const turn = runChatTurn({
    conversation: meta, history, reply, onDelta: batcher.push,
    onToolCall: (toolCall) => useChatStore.setState((state) => (state.streaming ? { streaming: { ...state.streaming, toolCalls: [...state.streaming.toolCalls, toolCall] } } : {})),
  }, browserDependencies);
  activeTurn = turn;
  let final: StoredMessage;
  try {
    final = await turn.finished;
  } catch (error) {
    // Saving failed (the vault locked mid-reply, storage full): keep the text on screen anyway.
    final = { ...placeholder, content: useChatStore.getState().streaming?.text ?? '', status: 'error', error: { code: 'UNKNOWN', message: String(error) } };
  } finally {
    activeTurn = null;
  }
  batcher.cancel();
  useChatStore.setState((state) => ({ messages: state.messages.map((message) => (message.id === final.id ? final : message)), streaming: null }));
  const messageCount = useChatStore.getState().messages.length;
  await persistConversation(addTotals(useChatStore.getState().openConversation ?? meta, final, messageCount)).catch(() => undefined);
}

function createUserMessage(meta: ConversationMeta, content: MessageContent, sequence: number): StoredMessage {
  return { id: crypto.randomUUID(), conversationId: meta.id, sequence, role: 'user', content, status: 'complete', createdAt: Date.now() };
}

/** Sends a new user message; saves an unsaved conversation first. Returns its id. */
export async function sendMessage(content: MessageContent, titleSource: string): Promise<string | null> {
  const state = useChatStore.getState();
  let meta = state.openConversation;
  if (!meta || activeTurn) return null;
  try {
    if (!state.openSaved) {
      meta = { ...meta, title: createConversationTitle(titleSource), createdAt: Date.now(), updatedAt: Date.now() };
      await persistConversation(meta);
      useChatStore.setState({ openSaved: true });
    }
    const userMessage = createUserMessage(meta, content, nextSequence(state.messages));
    await saveMessage(userMessage);
    setDraft(state.openSaved ? meta.id : 'new', '');
    void streamReply(meta, [...state.messages, userMessage]);
    return meta.id;
  } catch (error) {
    setNotice(`Could not send: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** Drops the last reply (kept text included) and asks again; also the Retry of a failed reply. */
export async function regenerateReply(): Promise<void> {
  const { openConversation: meta, messages } = useChatStore.getState();
  if (!meta || activeTurn) return;
  const lastUserIndex = messages.findLastIndex((message) => message.role === 'user');
  if (lastUserIndex < 0) return;
  const history = messages.slice(0, lastUserIndex + 1);
  const removed = messages.slice(lastUserIndex + 1);
  if (removed[0]) await deleteMessagesFrom(meta.id, removed[0].sequence);
  void streamReply(meta, history);
}

/** Replaces the last user message with new text, drops what followed, and asks again. */
export async function editLastUserMessage(content: MessageContent): Promise<void> {
  const { openConversation: meta, messages } = useChatStore.getState();
  if (!meta || activeTurn) return;
  const lastUserIndex = messages.findLastIndex((message) => message.role === 'user');
  const lastUser = messages[lastUserIndex];
  if (!lastUser) return;
  await deleteMessagesFrom(meta.id, lastUser.sequence);
  const edited = { ...createUserMessage(meta, content, lastUser.sequence), id: lastUser.id };
  await saveMessage(edited);
  void streamReply(meta, [...messages.slice(0, lastUserIndex), edited]);
}
