// What a conversation looks like at rest. Each record keeps only the fields IndexedDB needs to
// route it (ids and sequence) next to one AES-256-GCM payload, so titles, text, prompts, models and
// timestamps are never readable on disk. The AAD binds formatVersion|vaultId|conversationId|
// messageId|kind, following the key records (security.md R5): a payload copied to another
// conversation, message, record kind or vault does not decrypt. The sequence is not in the AAD;
// it is inside the payload and checked against the record's key after decrypting instead.
import { BYOKError } from '../types';
import { decryptValue, encryptValue, type EncryptedValue } from '../crypto';
import { encodeCanonical } from '../vault/canonical-encoding';
import { noteEncryptions } from '../vault/vault-session';
import type { ConversationMeta, RecordKind, StoredMessage } from './conversation-types';

export const CONVERSATION_FORMAT_VERSION = 1;

export interface MetaRecord {
  formatVersion: typeof CONVERSATION_FORMAT_VERSION;
  id: string;
  payload: EncryptedValue;
}

export interface MessageRecord {
  formatVersion: typeof CONVERSATION_FORMAT_VERSION;
  conversationId: string;
  sequence: number;
  /** Needed to rebuild the AAD before decrypting. */
  messageId: string;
  payload: EncryptedValue;
}

export interface SearchTextRecord {
  formatVersion: typeof CONVERSATION_FORMAT_VERSION;
  conversationId: string;
  payload: EncryptedValue;
}

/** Lower-cased title and message text of one conversation, kept so search never opens messages. */
export interface SearchText {
  title: string;
  /** [sequence, text] per finished message, so one message can be replaced without the others. */
  entries: Array<[number, string]>;
}

export interface RecordKey {
  dek: CryptoKey;
  vaultId: string;
  /** During a data-key rotation: the previous DEK, for records not yet re-encrypted (decrypt only). */
  retiredDek?: CryptoKey;
}

export function encodeConversationContext(vaultId: string, conversationId: string, messageId: string, kind: RecordKind): string {
  return encodeCanonical([CONVERSATION_FORMAT_VERSION, vaultId, conversationId, messageId, kind]);
}

function corruptRecordError(message: string, cause?: unknown): BYOKError {
  return new BYOKError('DECRYPTION_FAILED', `A stored conversation record is damaged or was altered: ${message}`, cause === undefined ? {} : { cause });
}

function hasPayload(value: unknown): value is { formatVersion: number; payload: EncryptedValue } {
  const record = value as { formatVersion?: unknown; payload?: Partial<EncryptedValue> } | null;
  return typeof record === 'object' && record !== null && record.formatVersion === CONVERSATION_FORMAT_VERSION &&
    typeof record.payload?.iv === 'string' && typeof record.payload.ciphertext === 'string';
}

async function decryptPayload(key: RecordKey, record: unknown, aad: string): Promise<string> {
  if (!hasPayload(record)) throw corruptRecordError('unknown format or missing payload.');
  try {
    return await decryptValue(key.dek, record.payload, aad);
  } catch (error) {
    // Mid-rotation, a record not re-encrypted yet still opens with the previous key.
    if (key.retiredDek === undefined) throw error;
    return decryptValue(key.retiredDek, record.payload, aad);
  }
}

/** Every encryption with the DEK counts toward its rotation (security.md R6). */
async function encryptCounted(key: RecordKey, plaintext: string, aad: string): Promise<EncryptedValue> {
  const payload = await encryptValue(key.dek, plaintext, aad);
  noteEncryptions(1);
  return payload;
}

function parsePayload<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    throw corruptRecordError('the payload is not JSON.', cause);
  }
}

async function openPayload<T>(key: RecordKey, record: unknown, aad: string): Promise<T> {
  return parsePayload<T>(await decryptPayload(key, record, aad));
}

export async function sealMeta(key: RecordKey, meta: ConversationMeta): Promise<MetaRecord> {
  const aad = encodeConversationContext(key.vaultId, meta.id, '', 'meta');
  return { formatVersion: CONVERSATION_FORMAT_VERSION, id: meta.id, payload: await encryptCounted(key, JSON.stringify(meta), aad) };
}

export async function openMeta(key: RecordKey, record: MetaRecord): Promise<ConversationMeta> {
  const meta = await openPayload<ConversationMeta>(key, record, encodeConversationContext(key.vaultId, record.id, '', 'meta'));
  if (meta?.id !== record.id) throw corruptRecordError('the conversation id does not match its record.');
  return meta;
}

export async function sealMessage(key: RecordKey, message: StoredMessage): Promise<MessageRecord> {
  const aad = encodeConversationContext(key.vaultId, message.conversationId, message.id, 'message');
  return {
    formatVersion: CONVERSATION_FORMAT_VERSION,
    conversationId: message.conversationId,
    sequence: message.sequence,
    messageId: message.id,
    payload: await encryptCounted(key, JSON.stringify(message), aad),
  };
}

export async function openMessage(key: RecordKey, record: MessageRecord): Promise<StoredMessage> {
  const aad = encodeConversationContext(key.vaultId, record.conversationId, record.messageId, 'message');
  const message = await openPayload<StoredMessage>(key, record, aad);
  // A record moved to another sequence still carries its own AAD, so compare the routing fields.
  if (message?.id !== record.messageId || message.conversationId !== record.conversationId || message.sequence !== record.sequence) {
    throw corruptRecordError('a message does not match its position.');
  }
  return message;
}

export async function sealSearchText(key: RecordKey, conversationId: string, searchText: SearchText): Promise<SearchTextRecord> {
  const aad = encodeConversationContext(key.vaultId, conversationId, '', 'search-text');
  return { formatVersion: CONVERSATION_FORMAT_VERSION, conversationId, payload: await encryptCounted(key, JSON.stringify(searchText), aad) };
}

/** The decrypted JSON, so search can rule a conversation out before paying for JSON.parse. */
export async function decryptSearchText(key: RecordKey, record: SearchTextRecord): Promise<string> {
  return decryptPayload(key, record, encodeConversationContext(key.vaultId, record.conversationId, '', 'search-text'));
}

export function parseSearchText(json: string): SearchText {
  const searchText = parsePayload<SearchText>(json);
  if (typeof searchText?.title !== 'string' || !Array.isArray(searchText.entries)) throw corruptRecordError('the search text has the wrong shape.');
  return searchText;
}

export async function openSearchText(key: RecordKey, record: SearchTextRecord): Promise<SearchText> {
  return parseSearchText(await decryptSearchText(key, record));
}
