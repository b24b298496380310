// The seed's key API on top of vault/. Keys are decrypted on demand and never cached: the only
// long-lived secret in memory is the non-extractable DEK handle held by vault/vault-session.ts.
import { BYOK_PROVIDERS, BYOKError, type BYOKProvider, type KeyVerification, type StoredKey } from './types';
import { PROVIDERS, formatKeyDisplay, validateKeyFormat } from './provider-config';
import { normaliseEndpoint } from './vault/endpoint';
import { createKeyRecord, openRecordDetails, openRecordSecret, recordEntryKey, replaceRecordDetails, type KeyRecord, type KeyRecordDetails } from './vault/key-records';
import { clearVaultStorage, readVaultEntry } from './vault/vault-storage';
import { verifyStoredPassphrase } from './vault/vault-lifecycle';
import { adoptStoredHeader, commitRecordChange } from './vault/vault-commit';
import { isSessionOpen, requireSession, resetSessionForTests } from './vault/vault-session';
import { waitForLocalVaultWrites, withVaultWriteLock } from './vault/write-lock';
import type { validateKey as ValidateKey, ValidateKeyResult } from './validate-key';
import { notifyKeysChanged } from './key-events';

export {
  AUTO_LOCK_MINUTES, MIN_PASSPHRASE_LENGTH, changePassphrase, createVault, exportVault, getAutoLockMinutes, importVault, isVaultUnlocked,
  lockVault, onVaultReplacing, resumeRotation, rotateDataKey, setAutoLockMinutes, unlockVault, vaultExists,
} from './vault-control';
export {
  DEFAULT_IDLE_TIMEOUT_MS, MAX_IDLE_TIMEOUT_MS, getIdleTimeout, lockWritesDone, onVaultLocked, onVaultLocking, setIdleTimeout, touchActivity, type VaultLockReason,
} from './vault/vault-session';
export type { KdfOptions } from './vault/vault-lifecycle';
export { MAX_PASSKEYS, enrolPasskey, listPasskeyUnlockOptions, listPasskeys, removePasskey, unlockWithPasskey, type NewPasskey, type PasskeySummary } from './passkey-unlock';

/**
 * The seed's example imports validateKey from here. It loads the provider adapters on first use,
 * so the vault screen's first load stays small (see use-key-verification.ts).
 */
export async function validateKey(...args: Parameters<typeof ValidateKey>): Promise<ValidateKeyResult> {
  const module = await import('./validate-key');
  return module.validateKey(...args);
}
export type { ValidateKeyOptions, ValidateKeyResult } from './validate-key';

export interface AddKeyResult {
  valid: boolean;
  error?: string;
}

export interface KeyCredentials {
  apiKey: string;
  baseUrl: string;
}

/**
 * Vault writes run one at a time, across tabs too (Web Locks), and each starts from the newest
 * stored header: another tab's passphrase change is adopted, another data key locks this tab.
 */
function runExclusive<T>(task: () => Promise<T>): Promise<T> {
  return withVaultWriteLock(async () => {
    if (isSessionOpen()) await adoptStoredHeader();
    return task();
  });
}

// ---------------------------------------------------------------------------
// Records

async function readRecord(provider: BYOKProvider): Promise<KeyRecord | undefined> {
  return readVaultEntry<KeyRecord>(recordEntryKey(provider));
}

async function readRequiredRecord(provider: BYOKProvider): Promise<KeyRecord> {
  const record = await readRecord(provider);
  if (record === undefined) {
    throw new BYOKError('KEY_NOT_FOUND', `No ${PROVIDERS[provider].displayName} key is stored.`, { provider });
  }
  return record;
}

/** Records and the re-sealed header in one transaction, on top of the newest stored header (vault-commit.ts). */
async function commitRecords(records: KeyRecord[], encryptions: number, remove: BYOKProvider[] = []): Promise<void> {
  await commitRecordChange({ put: records, remove, encryptions });
  // Other tabs' vault screens and model lists re-read their keys.
  notifyKeysChanged();
}

async function storeNewKey(provider: BYOKProvider, apiKey: string, baseUrl: string): Promise<void> {
  const { header, dek } = requireSession();
  const endpoint = normaliseEndpoint(baseUrl);
  const details: KeyRecordDetails = {
    keyPrefix: formatKeyDisplay(apiKey), baseUrl: endpoint.baseUrl, createdAt: Date.now(), lastUsed: null, verification: 'unverified',
  };
  const identity = { recordId: crypto.randomUUID(), provider, endpointOrigin: endpoint.origin };
  await commitRecords([await createKeyRecord(dek, header.vaultId, identity, apiKey, details)], 2);
}

/** A refused endpoint is a user-fixable answer, not a failure; anything else propagates. */
async function storeOrExplain(provider: BYOKProvider, apiKey: string, baseUrl: string): Promise<AddKeyResult> {
  try {
    await storeNewKey(provider, apiKey.trim(), baseUrl);
  } catch (error) {
    if (error instanceof BYOKError && error.code === 'INVALID_REQUEST') return { valid: false, error: error.message };
    throw error;
  }
  return { valid: true };
}

/**
 * Checks the format, then encrypts and stores the key (no network). Malformed keys and refused
 * endpoints return `{ valid: false, error }` with nothing stored; a locked vault throws VAULT_LOCKED.
 * A provider that already has a key is refused: replacing one is rotateKey's job.
 */
export async function addKey(provider: BYOKProvider, apiKey: string, options: { baseUrl?: string } = {}): Promise<AddKeyResult> {
  const format = validateKeyFormat(provider, apiKey);
  if (!format.valid) return format;
  requireSession();
  return runExclusive(async () => {
    if ((await readRecord(provider)) !== undefined) {
      return { valid: false, error: `A ${PROVIDERS[provider].displayName} key is already stored. Use "Replace key" (rotate) to change it.` };
    }
    return storeOrExplain(provider, apiKey, options.baseUrl ?? PROVIDERS[provider].baseUrl);
  });
}

/** Replaces a provider's key, keeping its endpoint; verification starts again at 'unverified'. */
export async function rotateKey(provider: BYOKProvider, newKey: string): Promise<AddKeyResult> {
  const format = validateKeyFormat(provider, newKey);
  if (!format.valid) return format;
  requireSession();
  return runExclusive(async () => {
    const { header, dek } = requireSession();
    const existing = await readRecord(provider);
    if (existing === undefined) return { valid: false, error: `No ${PROVIDERS[provider].displayName} key is stored yet: add one first.` };
    const previous = await openRecordDetails(dek, header.vaultId, existing);
    return storeOrExplain(provider, newKey, previous.baseUrl);
  });
}

/** Usage history is kept (see usage-ledger.ts); only the encrypted record goes. */
export async function removeKey(provider: BYOKProvider): Promise<void> {
  requireSession();
  await runExclusive(() => commitRecords([], 0, [provider]));
}

function toStoredKey(provider: BYOKProvider, details: KeyRecordDetails): StoredKey {
  const { verification } = details;
  return {
    provider, keyPrefix: details.keyPrefix, baseUrl: details.baseUrl, createdAt: details.createdAt, lastUsed: details.lastUsed, verification,
    isValid: verification === 'verified' ? true : verification === 'invalid' ? false : null,
  };
}

/** Metadata of every stored key, never the key. Needs the vault unlocked (the metadata is encrypted too). */
export async function listKeys(): Promise<StoredKey[]> {
  const { header, dek } = requireSession();
  // In parallel: one IndexedDB read and one decryption per provider, in provider order.
  const keys = await Promise.all(BYOK_PROVIDERS.map(async (provider) => {
    const record = await readRecord(provider);
    return record === undefined ? null : toStoredKey(provider, await openRecordDetails(dek, header.vaultId, record));
  }));
  return keys.filter((key): key is StoredKey => key !== null);
}

/** VAULT_LOCKED or KEY_NOT_FOUND. Reading does not count as use: a finished stream calls markKeyUsed. */
export async function getDecryptedKey(provider: BYOKProvider): Promise<string> {
  const { header, dek } = requireSession();
  return openRecordSecret(dek, header.vaultId, await readRequiredRecord(provider));
}

/**
 * The key and the endpoint it is bound to, for one request. A vault key goes nowhere else: when
 * the caller names an endpoint (`expectedBaseUrl`) that differs from the bound one, INVALID_REQUEST
 * is thrown before the key is decrypted.
 */
export async function getKeyCredentials(provider: BYOKProvider, expectedBaseUrl?: string): Promise<KeyCredentials> {
  const { header, dek } = requireSession();
  const record = await readRequiredRecord(provider);
  const details = await openRecordDetails(dek, header.vaultId, record);
  if (expectedBaseUrl !== undefined && normaliseEndpoint(expectedBaseUrl).baseUrl !== details.baseUrl) {
    throw new BYOKError(
      'INVALID_REQUEST',
      `The stored ${PROVIDERS[provider].displayName} key is bound to ${details.baseUrl} and is never sent elsewhere. Pass the key explicitly to use another endpoint, or move the key to it in the vault.`,
      { provider },
    );
  }
  return { apiKey: await openRecordSecret(dek, header.vaultId, record), baseUrl: details.baseUrl };
}

async function updateDetails(provider: BYOKProvider, change: (details: KeyRecordDetails) => KeyRecordDetails): Promise<void> {
  await runExclusive(async () => {
    const { header, dek } = requireSession();
    const record = await readRequiredRecord(provider);
    const details = change(await openRecordDetails(dek, header.vaultId, record));
    await commitRecords([await replaceRecordDetails(dek, header.vaultId, record, details)], 1);
  });
}

/** Records a finished request. A vault locked meanwhile (or a removed key) is not an error here. */
export async function markKeyUsed(provider: BYOKProvider, at = Date.now()): Promise<void> {
  try {
    await updateDetails(provider, (details) => ({ ...details, lastUsed: Math.max(details.lastUsed ?? 0, at) }));
  } catch (error) {
    if (error instanceof BYOKError && (error.code === 'VAULT_LOCKED' || error.code === 'KEY_NOT_FOUND')) return;
    throw error;
  }
}

export async function setKeyVerification(provider: BYOKProvider, verification: KeyVerification): Promise<void> {
  requireSession();
  await updateDetails(provider, (details) => ({ ...details, verification }));
}

/**
 * Moves a key to another endpoint (R22): needs the passphrase again, and re-encrypts the key
 * because the endpoint origin is part of its AAD. Refused endpoints throw INVALID_REQUEST.
 */
export async function setKeyEndpoint(provider: BYOKProvider, passphrase: string, baseUrl: string): Promise<void> {
  requireSession();
  const endpoint = normaliseEndpoint(baseUrl);
  await verifyStoredPassphrase(passphrase);
  await runExclusive(async () => {
    const { header, dek } = requireSession();
    const record = await readRequiredRecord(provider);
    const apiKey = await openRecordSecret(dek, header.vaultId, record);
    const details = await openRecordDetails(dek, header.vaultId, record);
    const identity = { recordId: record.recordId, provider, endpointOrigin: endpoint.origin };
    const moved = await createKeyRecord(dek, header.vaultId, identity, apiKey, { ...details, baseUrl: endpoint.baseUrl });
    await commitRecords([moved], 2);
  });
}

/** Locks and wipes the vault database (tests only; the ledger has its own reset). */
export async function resetForTests(): Promise<void> {
  await waitForLocalVaultWrites();
  resetSessionForTests();
  await clearVaultStorage();
}
