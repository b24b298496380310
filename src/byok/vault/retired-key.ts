// During a data-key rotation the previous DEK must stay usable for reading conversations not yet
// re-encrypted, across reloads. It is kept in the header encrypted under the NEW DEK (AES-GCM, AAD
// bound to the vault), so only a session that already holds the new DEK can recover it, and it
// comes back as a decrypt-only, non-extractable key.
import { decodeBase64, decryptValue, encodeBase64, encryptValue, type EncryptedValue } from '../crypto';
import { encodeCanonical } from './canonical-encoding';
import { corruptVaultError, type VaultHeader } from './vault-header';

const retiredContext = (vaultId: string): string => encodeCanonical(['vivim-byok/retired-dek', 1, vaultId]);

/** `oldDek` must be extractable for this one call. */
export async function wrapRetiredDek(vaultId: string, newDek: CryptoKey, oldDek: CryptoKey): Promise<EncryptedValue> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', oldDek));
  return encryptValue(newDek, encodeBase64(raw), retiredContext(vaultId));
}

export async function openRetiredDek(header: VaultHeader, dek: CryptoKey): Promise<CryptoKey> {
  if (header.retiredDek === undefined) throw corruptVaultError('no retired data key is stored.');
  const raw = decodeBase64(await decryptValue(dek, header.retiredDek, retiredContext(header.vaultId)));
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
}
