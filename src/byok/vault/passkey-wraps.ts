// Passkey unlock (security.md §3, R10, T35–T39): a WebAuthn PRF output becomes one more key that
// wraps the SAME data key as the passphrase. The passphrase wrap is never removed; passkeys are an
// addition (at most 5), each with its own random PRF input and HKDF salt, bound by HKDF info and by
// the wrap's AAD to this vault and this credential. The WebAuthn ceremony itself lives in the UI
// (features/vault); this file only ever sees the 32 PRF bytes.
import { BYOKError } from '../types';
import { decodeBase64, encodeBase64, unwrapDataKey, wrapDataKey } from '../crypto';
import { encodeCanonical } from './canonical-encoding';
import type { PasskeyWrap, VaultHeader } from './vault-header';

export const MAX_PASSKEYS = 5;
const PRF_OUTPUT_BYTES = 32;

const kekInfo = (vaultId: string, credentialId: string): string => `byok-vault/kek-prf/v1|${vaultId}|${credentialId}`;
const wrapContext = (vaultId: string, credentialId: string): string => encodeCanonical(['kek-wrap', 1, vaultId, 'prf', credentialId]);

async function derivePasskeyKek(prfOutput: Uint8Array, hkdfSalt: Uint8Array, vaultId: string, credentialId: string): Promise<CryptoKey> {
  if (prfOutput.length !== PRF_OUTPUT_BYTES) throw new BYOKError('INVALID_REQUEST', 'The passkey did not return a 32-byte PRF secret.');
  const material = await crypto.subtle.importKey('raw', new Uint8Array(prfOutput), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(hkdfSalt), info: new TextEncoder().encode(kekInfo(vaultId, credentialId)) },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

export interface NewPasskey {
  credentialId: string;
  /** The PRF input given to the authenticator (base64, 32 bytes). */
  prfSalt: string;
  prfOutput: Uint8Array;
  label: string;
}

/** A wrap of the (extractable, for this one call) DEK under the passkey's PRF-derived key. */
export async function createPasskeyWrap(vaultId: string, extractableDek: CryptoKey, passkey: NewPasskey): Promise<PasskeyWrap> {
  if (decodeBase64(passkey.prfSalt).length !== 32) throw new BYOKError('INVALID_REQUEST', 'The PRF input must be 32 random bytes.');
  const hkdfSalt = crypto.getRandomValues(new Uint8Array(32));
  const kek = await derivePasskeyKek(passkey.prfOutput, hkdfSalt, vaultId, passkey.credentialId);
  return {
    credentialId: passkey.credentialId,
    prfSalt: passkey.prfSalt,
    hkdfSalt: encodeBase64(hkdfSalt),
    wrappedDek: await wrapDataKey(kek, extractableDek, wrapContext(vaultId, passkey.credentialId)),
    label: passkey.label.trim().slice(0, 60) || 'Passkey',
    createdAt: Date.now(),
  };
}

/** The session DEK (non-extractable) from a passkey's PRF output; WRONG_PASSPHRASE-like failures fail closed. */
export async function openPasskeyWrap(header: VaultHeader, credentialId: string, prfOutput: Uint8Array): Promise<CryptoKey> {
  const wrap = header.passkeys?.find((candidate) => candidate.credentialId === credentialId);
  if (wrap === undefined) throw new BYOKError('KEY_NOT_FOUND', 'This passkey is not enrolled for this vault. Unlock with your passphrase.');
  const kek = await derivePasskeyKek(prfOutput, decodeBase64(wrap.hkdfSalt), header.vaultId, credentialId);
  try {
    return await unwrapDataKey(kek, wrap.wrappedDek, wrapContext(header.vaultId, credentialId), false);
  } catch (cause) {
    throw new BYOKError('WRONG_PASSPHRASE', 'This passkey does not open the vault (its secret or the stored wrap does not match). Unlock with your passphrase.', { cause });
  }
}
