// Passkey unlock API, re-exported by api-key-manager.ts (security.md R10): enrol needs the
// passphrase again (step-up, and it is the one moment the DEK is extractable), at most 5 passkeys,
// removal of a passkey is free, and there is no way to remove the passphrase.
import { BYOKError } from './types';
import { MAX_PASSKEYS, createPasskeyWrap, openPasskeyWrap, type NewPasskey } from './vault/passkey-wraps';
import { assertRecordSet, readRecordSet } from './vault/record-digest';
import { commitHeaderChange } from './vault/vault-commit';
import { openHeader, verifySeal } from './vault/vault-header';
import { readRequiredHeader } from './vault/vault-lifecycle';
import { openRetiredDek } from './vault/retired-key';
import { DEFAULT_IDLE_TIMEOUT_MS, peekSession, requireSession, setIdleTimeout, startSession } from './vault/vault-session';
import { withVaultWriteLock } from './vault/write-lock';
import { AUTO_LOCK_MINUTES } from './vault-control';

export { MAX_PASSKEYS } from './vault/passkey-wraps';
export type { NewPasskey } from './vault/passkey-wraps';

export interface PasskeySummary {
  credentialId: string;
  label: string;
  createdAt: number;
}

/** What the unlock screen asks the authenticator for: each credential and its PRF input. Nothing secret. */
export async function listPasskeyUnlockOptions(): Promise<Array<{ credentialId: string; prfSalt: string }>> {
  const header = await readRequiredHeader().catch(() => undefined);
  return (header?.passkeys ?? []).map(({ credentialId, prfSalt }) => ({ credentialId, prfSalt }));
}

export function listPasskeys(): PasskeySummary[] {
  return (peekSession()?.header.passkeys ?? []).map(({ credentialId, label, createdAt }) => ({ credentialId, label, createdAt }));
}

export async function enrolPasskey(passphrase: string, passkey: NewPasskey): Promise<void> {
  requireSession();
  await withVaultWriteLock(async () => {
    const header = await readRequiredHeader();
    if ((header.passkeys?.length ?? 0) >= MAX_PASSKEYS) throw new BYOKError('INVALID_REQUEST', `At most ${MAX_PASSKEYS} passkeys can unlock the vault; remove one first.`);
    if (header.passkeys?.some((wrap) => wrap.credentialId === passkey.credentialId)) throw new BYOKError('INVALID_REQUEST', 'This passkey is already enrolled.');
    const extractableDek = await openHeader(header, passphrase, true);
    const wrap = await createPasskeyWrap(header.vaultId, extractableDek, passkey);
    await commitHeaderChange((current) => ({ ...current, passkeys: [...(current.passkeys ?? []), wrap] }));
  });
}

export async function removePasskey(credentialId: string): Promise<void> {
  requireSession();
  await withVaultWriteLock(() => commitHeaderChange((current) => ({ ...current, passkeys: (current.passkeys ?? []).filter((wrap) => wrap.credentialId !== credentialId) })));
}

/** Unlocks with a passkey's PRF output. The header seal and record set are checked as at a passphrase unlock. */
export async function unlockWithPasskey(credentialId: string, prfOutput: Uint8Array): Promise<void> {
  const opened = await withVaultWriteLock(async () => {
    const header = await readRequiredHeader();
    const dek = await openPasskeyWrap(header, credentialId, prfOutput);
    await verifySeal(header, dek);
    await assertRecordSet(header, await readRecordSet());
    return header.retiredDek === undefined ? { header, dek } : { header, dek, retiredDek: await openRetiredDek(header, dek) };
  });
  const minutes = opened.header.autoLockMinutes;
  setIdleTimeout(AUTO_LOCK_MINUTES.some((choice) => choice === minutes) ? (minutes as number) * 60_000 : DEFAULT_IDLE_TIMEOUT_MS);
  startSession(opened);
}
