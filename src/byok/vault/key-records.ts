// One encrypted record per provider key. The key and its metadata are separate AES-256-GCM values
// so that listing keys never decrypts a key. Both are bound by AAD to
// formatVersion|vaultId|recordId|providerId|endpointOrigin (security.md R5, R22): a ciphertext
// moved to another record, provider, vault or endpoint does not decrypt.
import type { BYOKProvider, KeyVerification } from '../types';
import { decryptValue, encryptValue, type EncryptedValue } from '../crypto';
import { encodeCanonical } from './canonical-encoding';
import { corruptVaultError } from './vault-header';
import { RECORD_ENTRY_PREFIX } from './vault-storage';

export const RECORD_FORMAT_VERSION = 1;

/** Non-secret facts about a key; encrypted anyway so that they are authenticated. */
export interface KeyRecordDetails {
  keyPrefix: string;
  /** The full API root (path included); its origin is in the AAD. */
  baseUrl: string;
  createdAt: number;
  lastUsed: number | null;
  verification: KeyVerification;
}

export interface KeyRecord {
  formatVersion: typeof RECORD_FORMAT_VERSION;
  recordId: string;
  provider: BYOKProvider;
  /** Needed to rebuild the AAD; an edited origin makes both values fail to decrypt. */
  endpointOrigin: string;
  secret: EncryptedValue;
  details: EncryptedValue;
}

export const recordEntryKey = (provider: BYOKProvider): string => `${RECORD_ENTRY_PREFIX}${provider}`;

type RecordIdentity = Pick<KeyRecord, 'recordId' | 'provider' | 'endpointOrigin'>;

export function encodeRecordContext(vaultId: string, record: RecordIdentity, part: 'secret' | 'details'): string {
  const fields = [RECORD_FORMAT_VERSION, vaultId, record.recordId, record.provider, record.endpointOrigin];
  // The secret's AAD is exactly R5's five fields; the details add a label so the two cannot be swapped.
  return encodeCanonical(part === 'secret' ? fields : [...fields, 'details']);
}

export async function createKeyRecord(
  dek: CryptoKey,
  vaultId: string,
  identity: RecordIdentity,
  apiKey: string,
  details: KeyRecordDetails,
): Promise<KeyRecord> {
  return {
    formatVersion: RECORD_FORMAT_VERSION,
    ...identity,
    secret: await encryptValue(dek, apiKey, encodeRecordContext(vaultId, identity, 'secret')),
    details: await encryptValue(dek, JSON.stringify(details), encodeRecordContext(vaultId, identity, 'details')),
  };
}

export async function openRecordSecret(dek: CryptoKey, vaultId: string, record: KeyRecord): Promise<string> {
  return decryptValue(dek, record.secret, encodeRecordContext(vaultId, record, 'secret'));
}

export async function openRecordDetails(dek: CryptoKey, vaultId: string, record: KeyRecord): Promise<KeyRecordDetails> {
  const text = await decryptValue(dek, record.details, encodeRecordContext(vaultId, record, 'details'));
  const details = JSON.parse(text) as Partial<KeyRecordDetails>;
  if (typeof details.keyPrefix !== 'string' || typeof details.baseUrl !== 'string' || typeof details.createdAt !== 'number') {
    throw corruptVaultError('a key record has invalid details.');
  }
  return details as KeyRecordDetails;
}

/** New details under the same identity (a fresh IV, same AAD). */
export async function replaceRecordDetails(dek: CryptoKey, vaultId: string, record: KeyRecord, details: KeyRecordDetails): Promise<KeyRecord> {
  return { ...record, details: await encryptValue(dek, JSON.stringify(details), encodeRecordContext(vaultId, record, 'details')) };
}

export function isKeyRecord(value: unknown): value is KeyRecord {
  const record = value as Partial<KeyRecord> | null;
  return (
    typeof record === 'object' && record !== null && record.formatVersion === RECORD_FORMAT_VERSION &&
    typeof record.recordId === 'string' && typeof record.provider === 'string' && typeof record.endpointOrigin === 'string' &&
    typeof record.secret?.iv === 'string' && typeof record.secret.ciphertext === 'string' &&
    typeof record.details?.iv === 'string' && typeof record.details.ciphertext === 'string'
  );
}
