// Unsent composer text, one encrypted record per conversation ('new' for one not saved yet), so a
// reload, a lock or the idle timeout never loses what was being typed (product: "no lost draft").
// Sealed with the vault's data key like every conversation record; the AAD binds the vault and the
// conversation, so a draft copied onto another conversation does not decrypt. Stored in the plain
// data store because it is a ciphertext with no routing needs (no new database version).
import { decryptValue, encryptValue, type EncryptedValue } from '../crypto';
import { requireSession } from '../vault/vault-session';
import { deletePlainValue, readPlainValue, writePlainValue } from '../vault/plain-data-store';
import { encodeConversationContext } from './conversation-records';

const DRAFT_FORMAT_VERSION = 1;
const DRAFT_KEY_PREFIX = 'conversation-draft:';

interface DraftRecord {
  formatVersion: typeof DRAFT_FORMAT_VERSION;
  payload: EncryptedValue;
}

const storageKeyFor = (conversationKey: string): string => `${DRAFT_KEY_PREFIX}${conversationKey}`;

/** Encrypts and stores the draft; an empty text deletes it. Needs an unlocked vault. */
export async function saveDraft(conversationKey: string, text: string): Promise<void> {
  const { header, dek } = requireSession();
  if (text.length === 0) {
    await deletePlainValue(storageKeyFor(conversationKey));
    return;
  }
  const aad = encodeConversationContext(header.vaultId, conversationKey, '', 'draft');
  const record: DraftRecord = { formatVersion: DRAFT_FORMAT_VERSION, payload: await encryptValue(dek, text, aad) };
  await writePlainValue(storageKeyFor(conversationKey), record);
}

/** The stored draft, or '' when there is none or it cannot be read (another vault's, damaged). */
export async function loadDraft(conversationKey: string): Promise<string> {
  const { header, dek } = requireSession();
  const record = await readPlainValue<DraftRecord>(storageKeyFor(conversationKey));
  if (record?.formatVersion !== DRAFT_FORMAT_VERSION) return '';
  try {
    return await decryptValue(dek, record.payload, encodeConversationContext(header.vaultId, conversationKey, '', 'draft'));
  } catch {
    // A draft is never worth an error screen: a lost draft is shown as an empty composer.
    return '';
  }
}

export async function deleteDraft(conversationKey: string): Promise<void> {
  await deletePlainValue(storageKeyFor(conversationKey));
}
