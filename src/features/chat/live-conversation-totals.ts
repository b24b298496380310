// Conversation totals follow recorded replies in every tab: when the usage ledger says something
// changed (here or in another tab), the list and the open conversation's header re-read their
// saved totals. Quietly: the list's loading state is left alone, and a streaming reply is not touched.
import { useEffect } from 'react';
import { listConversations } from '../../byok/conversations/conversation-store';
import { onUsageChanged } from '../../byok/usage-events';
import { sortConversations, useChatStore } from './chat-store';

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

export function useLiveConversationTotals(unlocked: boolean): void {
  useEffect(() => {
    if (!unlocked) return undefined;
    let timer: number | undefined;
    const stop = onUsageChanged(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void refreshConversationTotals().catch(() => undefined), SETTLE_MS);
    });
    return () => {
      stop();
      window.clearTimeout(timer);
    };
  }, [unlocked]);
}
