// The user's tool library: tool definitions kept across conversations. Sealed with the vault's data
// key (AES-256-GCM, AAD bound to the vault and this record's purpose) before it reaches the plain
// data store, so tool names and schemas are no more readable at rest than a conversation.
import { decryptValue, encryptValue, type EncryptedValue } from '../crypto';
import { BYOKError } from '../types';
import { encodeCanonical } from '../vault/canonical-encoding';
import { readPlainValue, writePlainValue } from '../vault/plain-data-store';
import { requireSession } from '../vault/vault-session';
import type { ConversationTool } from './conversation-types';
import { readTools } from './conversation-validation';

const LIBRARY_FORMAT_VERSION = 1;

const storageKey = (vaultId: string): string => `tool-library:${vaultId}`;
const additionalData = (vaultId: string): string => encodeCanonical([LIBRARY_FORMAT_VERSION, vaultId, 'tool-library']);

function isEncryptedValue(value: unknown): value is EncryptedValue {
  const record = value as Partial<EncryptedValue> | null;
  return typeof record === 'object' && record !== null && typeof record.iv === 'string' && typeof record.ciphertext === 'string';
}

/** The saved tools, [] when there are none yet. A damaged record is an error, never silently empty. */
export async function loadToolLibrary(): Promise<ConversationTool[]> {
  const { header, dek } = requireSession();
  const stored = await readPlainValue<unknown>(storageKey(header.vaultId));
  if (stored === undefined) return [];
  if (!isEncryptedValue(stored)) throw new BYOKError('DECRYPTION_FAILED', 'The saved tool library is damaged; save your tools again.');
  const json = await decryptValue(dek, stored, additionalData(header.vaultId));
  return readTools(JSON.parse(json) as unknown, 'toolLibrary');
}

export async function saveToolLibrary(tools: ConversationTool[]): Promise<void> {
  const { header, dek } = requireSession();
  const checked = readTools(tools, 'toolLibrary');
  const sealed = await encryptValue(dek, JSON.stringify(checked), additionalData(header.vaultId));
  await writePlainValue(storageKey(header.vaultId), sealed);
}
