// A digest of the whole set of key records, sealed into the header (issue 15, "record-set
// integrity"). Each record's AAD already stops a ciphertext from moving to another record, but a
// record deleted from IndexedDB, or replaced by an older copy of itself, would still decrypt. The
// digest covers every record's identity and ciphertexts, so either change fails closed at unlock
// and before every write, with an error that says so.
import { encodeBase64 } from '../crypto';
import { encodeCanonical } from './canonical-encoding';
import { isKeyRecord, type KeyRecord } from './key-records';
import { corruptVaultError, type VaultHeader } from './vault-header';
import { RECORD_ENTRY_PREFIX, readAllVaultEntries } from './vault-storage';

export async function computeRecordDigest(records: readonly KeyRecord[]): Promise<string> {
  const lines = records
    .map((record) => encodeCanonical([
      record.provider, record.recordId, record.endpointOrigin,
      record.secret.iv, record.secret.ciphertext, record.details.iv, record.details.ciphertext,
    ]))
    .sort();
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(encodeCanonical(lines)));
  return encodeBase64(new Uint8Array(digest));
}

/** Every stored record; a malformed record entry is damage, not something to skip silently. */
export async function readRecordSet(): Promise<KeyRecord[]> {
  const entries = (await readAllVaultEntries()).filter(([key]) => key.startsWith(RECORD_ENTRY_PREFIX));
  if (!entries.every(([, value]) => isKeyRecord(value))) throw corruptVaultError('a stored key record is malformed.');
  return entries.map(([, value]) => value as KeyRecord);
}

/** Throws DECRYPTION_FAILED when the stored records are not the set the header was sealed with. */
export async function assertRecordSet(header: VaultHeader, records: readonly KeyRecord[]): Promise<void> {
  if (header.recordDigest === undefined) return;
  if ((await computeRecordDigest(records)) !== header.recordDigest) {
    throw corruptVaultError(
      'a key record was removed, added or replaced by an older copy since the vault was last saved. Restore a backup, or remove the vault and add your keys again.',
    );
  }
}

/** The record set after a change: deletions and replacements applied by entry key. */
export function applyRecordChange(current: readonly KeyRecord[], puts: readonly KeyRecord[], deletedProviders: readonly string[]): KeyRecord[] {
  const replaced = new Set([...puts.map((record) => record.provider), ...deletedProviders]);
  return [...current.filter((record) => !replaced.has(record.provider)), ...puts];
}
