// A tab shows a conversation as it was when it read it. Before that tab adds to the conversation or
// rewrites its end (send, regenerate, edit, switch versions, tool results), the stored conversation
// must still end where the tab's view ends; otherwise another tab has written since, and writing
// on top would overwrite or hide what that tab added. Every such change ends in a new last record
// (a new message id at the end), so comparing the last record's sequence and id is enough, and
// needs no decryption: both are plain routing fields of the record (conversation-records.ts).
import { BYOKError } from '../types';
import { MESSAGES_STORE, readLastRecords, selectMessages } from './conversation-database';
import type { MessageRecord } from './conversation-records';
import type { StoredMessage } from './conversation-types';

/** Where a conversation ends: its last message, or null when it has none. */
export interface ConversationTail {
  sequence: number;
  messageId: string;
}

/** The end of a list of messages as a tab shows it. */
export function tailOf(messages: ReadonlyArray<Pick<StoredMessage, 'sequence' | 'id'>>): ConversationTail | null {
  const last = messages.at(-1);
  return last ? { sequence: last.sequence, messageId: last.id } : null;
}

/** Where the stored conversation ends now. */
export async function readConversationTail(conversationId: string): Promise<ConversationTail | null> {
  const [last] = (await readLastRecords(MESSAGES_STORE, selectMessages(conversationId), 1)) as MessageRecord[];
  return last ? { sequence: last.sequence, messageId: last.messageId } : null;
}

export function sameTail(left: ConversationTail | null, right: ConversationTail | null): boolean {
  return left === right || (left !== null && right !== null && left.sequence === right.sequence && left.messageId === right.messageId);
}

/** Rejects with CONVERSATION_CHANGED when the stored conversation no longer ends at `expected`. */
export async function assertTailUnchanged(conversationId: string, expected: ConversationTail | null): Promise<void> {
  if (sameTail(await readConversationTail(conversationId), expected)) return;
  throw new BYOKError('CONVERSATION_CHANGED', 'This conversation was changed in another tab since this tab read it, so nothing was written.');
}
