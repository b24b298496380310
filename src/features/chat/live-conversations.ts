// Conversations follow what other tabs do. When the usage ledger changes (a recorded reply, here or
// in another tab), the list and the open conversation's header re-read their saved totals. When
// another tab writes to a conversation (conversation-tabs.ts), the list is read again, and the open
// conversation shows the new messages unless this tab is streaming into it. Quietly: the list's
// loading state is left alone. A write this tab bases on what it showed before such a change is
// refused by the store (CONVERSATION_CHANGED); then the latest messages are shown with a notice,
// and the draft stays in the composer.
import { useEffect } from 'react';
import {
  conversationExists, listConversations, loadMessages, loadRecentMessages, onConversationChangedElsewhere, readConversationTail, tailOf,
} from '../../byok/conversations/conversation-store';
import { sameTail } from '../../byok/conversations/conversation-tail';
import { onUsageChanged } from '../../byok/usage-events';
import { BYOKError } from '../../byok/types';
import { describeError } from '../../byok/describe-error';
import { keepShownObjects, markAbandonedReplies } from './chat-conversation-actions';
import { setNotice, sortConversations, useChatStore } from './chat-store';

const SETTLE_MS = 150;

async function refreshConversationTotals(): Promise<void> {
  if (useChatStore.getState().listStatus !== 'ready') return;
  const conversations = sortConversations(await listConversations());
  useChatStore.setState((state) => {
    const open = state.openConversation;
    const fresh = open && !state.streaming ? conversations.find((conversation) => conversation.id === open.id) : undefined;
    return { conversations, ...(fresh && fresh.updatedAt >= (open?.updatedAt ?? 0) ? { openConversation: fresh } : {}) };
  });
}

/**
 * Reads the open conversation again when the stored one ends elsewhere than the one on screen; a
 * reply another tab is streaming into it (same last message, growing) is read alone.
 */
export async function reloadOpenConversation(): Promise<void> {
  const { openConversation, openSaved, streaming, messages, messagesStatus } = useChatStore.getState();
  if (!openConversation || !openSaved || streaming || messagesStatus !== 'ready') return;
  const { id } = openConversation;
  const storedTail = await readConversationTail(id);
  if (storedTail === null && !(await conversationExists(id))) {
    closeDeletedConversation(id);
    return;
  }
  const unchangedEnd = sameTail(storedTail, tailOf(messages));
  if (unchangedEnd && messages.at(-1)?.status !== 'streaming') return;
  const read = unchangedEnd ? (await loadRecentMessages(id, 1)).messages : await loadMessages(id);
  const fresh = markAbandonedReplies(read);
  useChatStore.setState((state) => {
    if (state.openConversation?.id !== id || state.streaming) return {};
    // The growing reply is a new object each time; every other message keeps the one shown.
    return { messages: unchangedEnd ? [...state.messages.slice(0, -1), ...fresh] : keepShownObjects(fresh, state.messages) };
  });
}

/** Another tab deleted the conversation this one shows: say so instead of showing it empty. */
function closeDeletedConversation(id: string): void {
  useChatStore.setState((state) => (state.openConversation?.id === id && !state.streaming
    ? { openConversation: null, openSaved: false, messages: [], messagesStatus: 'failed', notice: 'This conversation was deleted in another tab.' }
    : {}));
}

/**
 * For a write the store refused because another tab changed the conversation first: says so and
 * shows the latest messages. Returns false for any other error (the caller explains it).
 */
export function handleChangedElsewhere(error: unknown): boolean {
  if (!(error instanceof BYOKError) || error.code !== 'CONVERSATION_CHANGED') return false;
  const described = describeError(error);
  setNotice(`${described.title}. ${described.detail}`);
  void Promise.all([refreshConversationTotals(), reloadOpenConversation()]).catch(() => undefined);
  return true;
}

function debounced(task: () => Promise<void>): { run: () => void; cancel: () => void } {
  let timer: number | undefined;
  return {
    run: () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void task().catch(() => undefined), SETTLE_MS);
    },
    cancel: () => window.clearTimeout(timer),
  };
}

export function useLiveConversations(unlocked: boolean): void {
  useEffect(() => {
    if (!unlocked) return undefined;
    const totals = debounced(refreshConversationTotals);
    const messages = debounced(reloadOpenConversation);
    const stopUsage = onUsageChanged(totals.run);
    const stopChanges = onConversationChangedElsewhere((conversationId) => {
      totals.run();
      if (useChatStore.getState().openConversation?.id === conversationId) messages.run();
    });
    return () => {
      stopUsage();
      stopChanges();
      totals.cancel();
      messages.cancel();
    };
  }, [unlocked]);
}
