// Reading the conversation list into the chat store. A module of its own, with nothing of the chat
// screen in it: after unlocking, app/ loads it apart from the chat's large chunk, so the list is
// read and decrypted while that chunk is still being fetched and compiled (performance.md B7: the
// list ready ≤ 200 ms after unlock), not only after it.
import { isVaultUnlocked } from '../../byok/api-key-manager';
import { listConversations } from '../../byok/conversations/conversation-store';
import { describeError } from '../../byok/describe-error';
import { sortConversations, useChatStore } from './chat-store';

/** "Action: title. What to do." for the chat's notice line. */
export function explain(action: string, error: unknown): string {
  const described = describeError(error);
  return `${action}: ${described.title}. ${described.detail}`;
}

export async function loadConversationList(): Promise<void> {
  useChatStore.setState({ listStatus: 'loading' });
  try {
    const conversations = await listConversations();
    useChatStore.setState({ listStatus: 'ready', conversations: sortConversations(conversations) });
  } catch (error) {
    useChatStore.setState({ listStatus: 'failed', notice: explain('Could not load your conversations', error) });
  }
}

/**
 * The list read ahead, right after unlocking, so the chat screen finds it decrypted. A no-op while
 * locked, or once the list is read or being read.
 */
export function prefetchConversationList(): void {
  if (isVaultUnlocked() && useChatStore.getState().listStatus === 'idle') void loadConversationList();
}
