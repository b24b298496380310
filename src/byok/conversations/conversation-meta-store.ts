// A conversation's meta record (title, model, settings, totals). Writes go through the same
// cross-tab exclusive section as every other conversation write (conversation-tabs.ts), and a
// title change rewrites the conversation's search shard in the same transaction.
import { BYOKError } from '../types';
import { CONVERSATIONS_STORE, readRecord } from './conversation-database';
import { openMeta, sealMeta, type MetaRecord, type RecordKey } from './conversation-records';
import { announceConversationChanged, runExclusiveAcrossTabs } from './conversation-tabs';
import type { ConversationMeta } from './conversation-types';
import { readConversationMeta } from './conversation-validation';
import { writeWithSearchText } from './search-shard-write';
import { setSearchTitle } from './search-text';
import { assertIdentifier, requireRecordKey } from './record-key';

async function writeMeta(key: RecordKey, checked: ConversationMeta): Promise<void> {
  const metaRecord = await sealMeta(key, checked);
  await writeWithSearchText(key, { conversationId: checked.id, next: (current) => setSearchTitle(current, checked.title) }, {
    stores: [CONVERSATIONS_STORE], action: 'Saving the conversation', write: (transaction) => transaction.objectStore(CONVERSATIONS_STORE).put(metaRecord),
  });
}

/** Creates or replaces the meta; the search shard is rewritten only when the title changed. */
export async function saveConversation(meta: ConversationMeta): Promise<void> {
  requireRecordKey();
  const checked = readConversationMeta(meta, 'conversation');
  await runExclusiveAcrossTabs(() => writeMeta(requireRecordKey(), checked));
  announceConversationChanged(checked.id);
}

/**
 * Changes the stored meta with `change`, given what is stored now (null when nothing is), with no
 * other write (of this tab or another) in between, so a change made elsewhere meanwhile (a
 * rename, another model, totals) is kept. `change` returning null writes nothing (say, for a
 * conversation another tab deleted). Returns what was written, or null.
 */
export async function updateConversation(id: string, change: (stored: ConversationMeta | null) => ConversationMeta | null): Promise<ConversationMeta | null> {
  requireRecordKey();
  assertIdentifier(id, 'The conversation id');
  const written = await runExclusiveAcrossTabs(async () => {
    const key = requireRecordKey();
    const record = (await readRecord(CONVERSATIONS_STORE, id)) as MetaRecord | undefined;
    const next = change(record === undefined ? null : await openMeta(key, record));
    if (next === null) return null;
    const checked = readConversationMeta(next, 'conversation');
    if (checked.id !== id) throw new BYOKError('INVALID_REQUEST', 'A conversation update cannot change its id.');
    await writeMeta(key, checked);
    return checked;
  });
  if (written !== null) announceConversationChanged(id);
  return written;
}
