// Writes that change where a conversation ends: a regenerate, an edit or a switch to another
// version replaces the tail, in one transaction with the search record (see
// replaceMessagesFrom). Re-exported by conversation-store.ts, the module callers use.
import { BYOKError } from '../types';
import { MESSAGES_STORE, selectMessages } from './conversation-database';
import { sealMessage } from './conversation-records';
import type { ConversationWriteOptions } from './conversation-store';
import type { StoredMessage } from './conversation-types';
import { readStoredMessage } from './conversation-validation';
import { announceConversationChanged, claimStreaming, releaseStreaming, runExclusiveAcrossTabs as runExclusive } from './conversation-tabs';
import { assertTailUnchanged } from './conversation-tail';
import { assertIdentifier, requireRecordKey } from './record-key';
import { writeWithSearchText } from './search-shard-write';
import { dropSearchEntriesFrom, isSearchable, putSearchEntry } from './search-text';

/** For regenerate and edit-and-resend: drops the messages at `fromSequence` and after. */
export async function deleteMessagesFrom(conversationId: string, fromSequence: number, options: ConversationWriteOptions = {}): Promise<void> {
  requireRecordKey();
  assertIdentifier(conversationId, 'The conversation id');
  if (typeof fromSequence !== 'number' || Number.isNaN(fromSequence)) throw new BYOKError('INVALID_REQUEST', 'fromSequence must be a number.');
  await runExclusive(async () => {
    const key = requireRecordKey();
    if (options.expectedTail !== undefined) await assertTailUnchanged(conversationId, options.expectedTail);
    await writeWithSearchText(key, { conversationId, next: (current) => dropSearchEntriesFrom(current, fromSequence) }, {
      stores: [MESSAGES_STORE],
      action: 'Deleting messages',
      write: (transaction) => transaction.objectStore(MESSAGES_STORE).delete(selectMessages(conversationId, fromSequence)),
    });
  });
  announceConversationChanged(conversationId);
}

/**
 * Puts `messages` in place of those at `fromSequence` and after, in one transaction: switching to
 * another version, or an edit, rewrites the tail of a conversation, and done as a delete followed by
 * one write per message, a reload or a closed tab in between left the conversation without that
 * tail, and without the versions the first of those messages holds. The messages are sealed first
 * (an await inside the transaction would let it commit half done). The last message may be a reply
 * that is starting to stream: a regenerate's first write puts it in place of the reply it replaces
 * (which lives on in its versions), so no moment exists when neither is stored.
 */
export async function replaceMessagesFrom(conversationId: string, fromSequence: number, messages: StoredMessage[], options: ConversationWriteOptions = {}): Promise<void> {
  requireRecordKey();
  assertIdentifier(conversationId, 'The conversation id');
  if (typeof fromSequence !== 'number' || Number.isNaN(fromSequence)) throw new BYOKError('INVALID_REQUEST', 'fromSequence must be a number.');
  const checked = messages.map((message) => readStoredMessage(message, 'message'));
  const streaming = checked.filter((message) => message.status === 'streaming');
  if (
    checked.some((message) => message.conversationId !== conversationId || message.sequence < fromSequence)
    || streaming.some((message) => message !== checked.at(-1))
  ) {
    throw new BYOKError('INVALID_REQUEST', 'Replacement messages must be messages of this conversation, at or after fromSequence; only the last may still be streaming.');
  }
  await runExclusive(async () => {
    const key = requireRecordKey();
    if (options.expectedTail !== undefined) await assertTailUnchanged(conversationId, options.expectedTail);
    // Claimed before the record says 'streaming', as saveMessage does: no tab reads it as a crash's leftover.
    for (const message of streaming) claimStreaming(conversationId, message.id);
    try {
      const records = await Promise.all(checked.map((message) => sealMessage(key, message)));
      await writeWithSearchText(key, { conversationId, next: (current) => checked.filter(isSearchable).reduce(putSearchEntry, dropSearchEntriesFrom(current, fromSequence)) }, {
        stores: [MESSAGES_STORE],
        action: 'Replacing messages',
        write: (transaction) => {
          const store = transaction.objectStore(MESSAGES_STORE);
          store.delete(selectMessages(conversationId, fromSequence));
          for (const record of records) store.put(record);
        },
      });
    } catch (error) {
      // Nothing was written, so no reply will stream into it: the claim would never be let go.
      for (const message of streaming) releaseStreaming(conversationId, message.id);
      throw error;
    }
  });
  announceConversationChanged(conversationId);
}
