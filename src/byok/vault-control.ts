// The vault's lifecycle API (create, unlock, lock, passphrase, rotation, backup, idle-lock
// setting), re-exported by api-key-manager.ts. Every change to stored data runs under the vault
// write lock (vault/write-lock.ts). A change that replaces the header's key material (passphrase
// change, data-key rotation, backup import) first tells every other tab to lock, with a message
// that carries no secret (R13), so no tab keeps working with a header that is about to go stale.
import { BYOKError } from './types';
import { clearConversationDatabase } from './conversations/conversation-database';
import type { RekeyOptions } from './conversations/conversation-rekey';
import { exportVault as exportStoredVault, importVault as importStoredVault, parseBackup } from './vault/vault-backup';
import { adoptStoredHeader, commitHeaderChange } from './vault/vault-commit';
import {
  changeStoredPassphrase, createNewVault, finishRotation, readStoredHeader, rotateStoredDek, unlockStoredVault, verifyStoredPassphrase,
  type KdfOptions, type OpenVault,
} from './vault/vault-lifecycle';
import { DEFAULT_IDLE_TIMEOUT_MS, endSession, isSessionOpen, peekSession, setIdleTimeout, startSession, updateSessionHeader } from './vault/vault-session';
import { withVaultWriteLock } from './vault/write-lock';

export const MIN_PASSPHRASE_LENGTH = 12;
/** The idle-lock choices (R11): no "never". */
export const AUTO_LOCK_MINUTES = [1, 5, 15, 30, 60, 240] as const;

type ReplacingListener = (reason: 'passphrase' | 'rotation' | 'import') => void;
const replacingListeners = new Set<ReplacingListener>();

/**
 * Called just before a passphrase change, rotation or import commits. The app posts its no-secret
 * "lock" message to the other tabs from here.
 */
export function onVaultReplacing(listener: ReplacingListener): () => void {
  replacingListeners.add(listener);
  return () => replacingListeners.delete(listener);
}

function announceReplacing(reason: 'passphrase' | 'rotation' | 'import'): void {
  for (const listener of replacingListeners) {
    try {
      listener(reason);
    } catch {
      // Telling the other tabs is best effort; the write lock and epoch check still protect them.
    }
  }
}

function assertPassphraseStrength(passphrase: string): void {
  // Counted in code points, so an emoji is one character, as the user sees it.
  if (Array.from(passphrase).length < MIN_PASSPHRASE_LENGTH) {
    throw new BYOKError('INVALID_REQUEST', `The passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters; four or more random words work well.`);
  }
}

/** The sealed idle lock applies from the moment a session starts; an absent or odd value means 15 minutes. */
function startSealedSession(opened: OpenVault): void {
  const minutes = opened.header.autoLockMinutes;
  setIdleTimeout(AUTO_LOCK_MINUTES.some((choice) => choice === minutes) ? (minutes as number) * 60_000 : DEFAULT_IDLE_TIMEOUT_MS);
  startSession(opened);
}

/** Creates the vault and leaves it unlocked. `options.iterations` overrides the calibration (never below the floor). */
export async function createVault(passphrase: string, options: KdfOptions = {}): Promise<void> {
  assertPassphraseStrength(passphrase);
  startSealedSession(await withVaultWriteLock(() => createNewVault(passphrase, options)));
}

/**
 * WRONG_PASSPHRASE leaves everything as it was. A legacy vault is migrated here (R7); a rotation
 * left halfway by a reload continues in the background (see `resumeRotation`).
 */
export async function unlockVault(passphrase: string, options: KdfOptions = {}): Promise<void> {
  startSealedSession(await withVaultWriteLock(() => unlockStoredVault(passphrase, options)));
  void resumeRotation().catch(() => undefined);
}

export function lockVault(): void {
  endSession('manual');
}

export function isVaultUnlocked(): boolean {
  return isSessionOpen();
}

export async function vaultExists(): Promise<boolean> {
  return (await readStoredHeader()) !== undefined;
}

/** Re-wraps the data key under the new passphrase with a new salt; records are not re-encrypted. */
export async function changePassphrase(current: string, next: string, options: KdfOptions = {}): Promise<void> {
  assertPassphraseStrength(next);
  const wasUnlocked = isSessionOpen();
  const opened = await withVaultWriteLock(() => changeStoredPassphrase(current, next, options, () => announceReplacing('passphrase')));
  if (wasUnlocked) startSealedSession(opened);
}

/**
 * Re-encrypts conversations still under the retired data key, then drops it from the header. Safe
 * to call at any time and again after an interruption: it continues where it stopped.
 */
export async function resumeRotation(options: RekeyOptions = {}): Promise<void> {
  const session = peekSession();
  if (session?.retiredDek === undefined) return;
  const keys = { dek: session.dek, retiredDek: session.retiredDek, vaultId: session.header.vaultId };
  // Loaded only when a rotation is under way (rare): it brings the conversation formats, search
  // shards included, which the first screen does not need (performance.md B1).
  const { rekeyConversations } = await import('./conversations/conversation-rekey');
  const result = await rekeyConversations(keys, { shouldContinue: () => peekSession()?.dek === keys.dek, ...options });
  if (!result.complete) return;
  await withVaultWriteLock(async () => {
    const header = await adoptStoredHeader();
    if (header.retiredDek !== undefined) updateSessionHeader(await finishRotation(header, keys.dek, result.reencrypted));
  });
}

/**
 * A new data key (R6; also done automatically at unlock after 2^20 encryptions): key records are
 * re-encrypted at once, conversations in resumable batches. Passkeys must be enrolled again.
 */
export async function rotateDataKey(passphrase: string, options: KdfOptions & RekeyOptions = {}): Promise<void> {
  const opened = await withVaultWriteLock(() => rotateStoredDek(passphrase, options, () => announceReplacing('rotation')));
  startSealedSession(opened);
  await resumeRotation(options);
}

/** The header and ciphertext records as JSON: no plaintext, no data key. */
export async function exportVault(): Promise<string> {
  return exportStoredVault();
}

/**
 * Replaces this device's vault with a backup once `passphrase` opens it; leaves it unlocked. When
 * a vault already exists, its own passphrase is asked first (`currentPassphrase`, step-up).
 * Conversations stay only when the backup holds this very vault's data key; otherwise they could
 * never be read again, so they go too.
 */
export async function importVault(json: string, passphrase: string, currentPassphrase?: string): Promise<void> {
  parseBackup(json);
  const opened = await withVaultWriteLock(async () => {
    const existing = await readStoredHeader();
    if (existing !== undefined) {
      if (currentPassphrase === undefined || currentPassphrase === '') {
        throw new BYOKError('INVALID_REQUEST', 'A vault already exists here: enter its current passphrase to replace it with the backup.');
      }
      await verifyStoredPassphrase(currentPassphrase);
    }
    const imported = await importStoredVault(json, passphrase, () => announceReplacing('import'));
    if (existing !== undefined && !imported.sameDataKeyAsReplaced) await clearConversationDatabase();
    return imported.opened;
  });
  startSealedSession(opened);
}

export function getAutoLockMinutes(): number {
  const minutes = peekSession()?.header.autoLockMinutes;
  return AUTO_LOCK_MINUTES.some((choice) => choice === minutes) ? (minutes as number) : DEFAULT_IDLE_TIMEOUT_MS / 60_000;
}

/** Seals the idle lock into the vault header (R11): only these choices, never "never". */
export async function setAutoLockMinutes(minutes: number): Promise<void> {
  if (!AUTO_LOCK_MINUTES.some((choice) => choice === minutes)) {
    throw new BYOKError('INVALID_REQUEST', `The idle lock must be one of ${AUTO_LOCK_MINUTES.join(', ')} minutes.`);
  }
  await withVaultWriteLock(() => commitHeaderChange((header) => ({ ...header, autoLockMinutes: minutes })));
  setIdleTimeout(minutes * 60_000);
}
