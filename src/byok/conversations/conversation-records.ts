// What a conversation looks like at rest. Each record keeps only the fields IndexedDB needs to
// route it (ids and sequence) next to one AES-256-GCM payload, so titles, text, prompts, models and
// timestamps are never readable on disk. The AAD binds formatVersion|vaultId|conversationId|
// messageId|kind, following the key records (security.md R5): a payload copied to another
// conversation, message, record kind or vault does not decrypt. The sequence is not in the AAD;
// it is inside the payload and checked against the record's key after decrypting instead.
//
// Search records (format 2) keep their sealed bytes as one binary value (IV ‖ ciphertext ‖ tag)
// instead of base64 strings: the first search after unlock reads all of them, and IndexedDB reads
// fewer bytes and nothing needs base64 decoding (performance.md B7). Their AAD carries format 2,
// so a format-2 payload never opens as format 1 or the other way round. Format-1 search records
// still open; search-upgrade.ts rewrites them in the background.
import { BYOKError } from '../types';
import { decryptFromBytes, decryptValue, encryptToBytes, encryptValue, type EncryptedValue } from '../crypto';
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

export const SEARCH_TEXT_FORMAT_VERSION = 2;

export interface SearchTextRecord {
  formatVersion: typeof SEARCH_TEXT_FORMAT_VERSION;
  conversationId: string;
  /** IV ‖ ciphertext ‖ tag (crypto.ts encryptToBytes). */
  sealed: Uint8Array;
}

/** How search records were stored before format 2 (base64 strings, lower-case text only). */
export interface LegacySearchTextRecord {
  formatVersion: typeof CONVERSATION_FORMAT_VERSION;
  conversationId: string;
  payload: EncryptedValue;
}

export type StoredSearchTextRecord = SearchTextRecord | LegacySearchTextRecord;

/**
 * Where a lower-cased text differs from what was written (search-case.ts): "<gap><original
 * characters>" repeated, the gap counted in the lower-case text since the previous run.
 */
export type CaseRuns = string;

/** Lower-cased title and message text of one conversation, kept so search never opens messages. */
export interface SearchText {
  title: string;
  /** Restores the title's original case for snippets; absent when it is all lower case. */
  titleCase?: CaseRuns;
  /**
   * [sequence, lower-case text, its case runs] per finished message, so one message can be
   * replaced without the others. Records written before format 2 have no case runs.
   */
  entries: Array<StoredSearchEntry | SharedSearchEntry>;
}

/** A message's entry as stored: [sequence, folded text, its case runs (absent when none)]. */
export type StoredSearchEntry = [number, string] | [number, string, CaseRuns];

/**
 * In memory only (search-text.ts TextAsWritten): a message's text as written, where folding it is
 * lower-casing it. JSON.stringify writes it as its StoredSearchEntry.
 */
export interface SharedSearchEntry {
  readonly sequence: number;
  readonly text: string;
  toJSON(): StoredSearchEntry;
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

/** A search record's AAD: as every record's, with the record's own format version first. */
export function encodeSearchTextContext(vaultId: string, conversationId: string, formatVersion: number): string {
  return encodeCanonical([formatVersion, vaultId, conversationId, '', 'search-text']);
}

export function isLegacySearchTextRecord(record: unknown): record is LegacySearchTextRecord {
  return hasPayload(record) && typeof (record as { conversationId?: unknown }).conversationId === 'string';
}

function isBinarySearchTextRecord(record: unknown): record is SearchTextRecord {
  const candidate = record as Partial<SearchTextRecord> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.formatVersion === SEARCH_TEXT_FORMAT_VERSION &&
    typeof candidate.conversationId === 'string';
}

export async function sealSearchText(key: RecordKey, conversationId: string, searchText: SearchText): Promise<SearchTextRecord> {
  const aad = encodeSearchTextContext(key.vaultId, conversationId, SEARCH_TEXT_FORMAT_VERSION);
  const sealed = await encryptToBytes(key.dek, JSON.stringify(searchText), aad);
  noteEncryptions(1);
  return { formatVersion: SEARCH_TEXT_FORMAT_VERSION, conversationId, sealed };
}

async function openSealedBytes(key: RecordKey, record: SearchTextRecord): Promise<string> {
  const aad = encodeSearchTextContext(key.vaultId, record.conversationId, SEARCH_TEXT_FORMAT_VERSION);
  try {
    return await decryptFromBytes(key.dek, record.sealed, aad);
  } catch (error) {
    if (key.retiredDek === undefined) throw error;
    return decryptFromBytes(key.retiredDek, record.sealed, aad);
  }
}

/** The decrypted JSON (either format), so search can rule a conversation out before paying for JSON.parse. */
export async function decryptSearchText(key: RecordKey, record: StoredSearchTextRecord): Promise<string> {
  if (isBinarySearchTextRecord(record)) return openSealedBytes(key, record);
  if (!isLegacySearchTextRecord(record)) throw corruptRecordError('unknown format or missing payload.');
  return decryptPayload(key, record, encodeSearchTextContext(key.vaultId, record.conversationId, CONVERSATION_FORMAT_VERSION));
}

export function parseSearchText(json: string): SearchText {
  const searchText = parsePayload<SearchText>(json);
  if (typeof searchText?.title !== 'string' || !Array.isArray(searchText.entries)) throw corruptRecordError('the search text has the wrong shape.');
  return searchText;
}

export async function openSearchText(key: RecordKey, record: StoredSearchTextRecord): Promise<SearchText> {
  return parseSearchText(await decryptSearchText(key, record));
}
