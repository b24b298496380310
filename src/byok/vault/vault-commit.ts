// The one way a key-record change reaches storage while the vault is open. It runs under the vault
// write lock and never writes over a header newer than the one this tab holds (the bug where a
// second tab silently undid a passphrase change):
// - the stored header is read inside the lock; if it differs from the session's (another tab wrote),
//   its seal is checked with this tab's data key. Same DEK (a passphrase change, a key saved in
//   another tab): the newer header is adopted and the change is applied on top of it. Another DEK
//   (a rotation or a restored backup): this tab locks itself and asks for the passphrase again.
// - the stored records are checked against the header's sealed digest, then the new digest, the
//   write counter (including conversation encryptions) and the epoch are sealed with the change.
import { BYOKError, type BYOKProvider } from '../types';
import { recordEntryKey, type KeyRecord } from './key-records';
import { applyRecordChange, assertRecordSet, computeRecordDigest, readRecordSet } from './record-digest';
import { assertHeaderShape, sealHeader, verifySeal, type VaultHeader } from './vault-header';
import { readStoredHeader } from './vault-lifecycle';
import { endSession, requireSession, restorePendingEncryptions, takePendingEncryptions, updateSessionHeader } from './vault-session';
import { HEADER_ENTRY, writeVaultAtomically } from './vault-storage';

function changedElsewhereError(): BYOKError {
  return new BYOKError('VAULT_LOCKED', 'The vault was changed in another tab (new data key, or a restored backup). Unlock again with your passphrase.');
}

const isSameHeader = (left: VaultHeader, right: VaultHeader): boolean =>
  (left.epoch ?? 0) === (right.epoch ?? 0) && left.seal?.iv === right.seal?.iv && left.seal?.ciphertext === right.seal?.ciphertext;

/** The stored header if this tab's DEK opens it; otherwise this tab locks (VAULT_LOCKED). Call inside the lock. */
export async function adoptStoredHeader(): Promise<VaultHeader> {
  const { header, dek } = requireSession();
  const stored = await readStoredHeader();
  if (stored !== undefined && isSameHeader(stored, header)) return header;
  try {
    if (stored === undefined) throw changedElsewhereError();
    assertHeaderShape(stored, false);
    if (stored.vaultId !== header.vaultId) throw changedElsewhereError();
    await verifySeal(stored, dek);
  } catch {
    endSession('changed-elsewhere');
    throw changedElsewhereError();
  }
  updateSessionHeader(stored);
  return stored;
}

export interface RecordChange {
  put?: KeyRecord[];
  /** Providers whose record goes. */
  remove?: BYOKProvider[];
  /** Encryptions made to build `put`. */
  encryptions: number;
}

/** Writes records and the re-sealed header in one transaction. Call inside the vault write lock. */
export async function commitRecordChange(change: RecordChange): Promise<VaultHeader> {
  const { dek } = requireSession();
  const header = await adoptStoredHeader();
  const current = await readRecordSet();
  await assertRecordSet(header, current);
  const puts = change.put ?? [];
  const removed = change.remove ?? [];
  const pending = takePendingEncryptions();
  try {
    const next = await sealHeader({
      ...header,
      writeCount: header.writeCount + change.encryptions + pending + 1,
      epoch: (header.epoch ?? 0) + 1,
      recordDigest: await computeRecordDigest(applyRecordChange(current, puts, removed)),
    }, dek);
    await writeVaultAtomically({
      delete: removed.map(recordEntryKey),
      put: [[HEADER_ENTRY, next], ...puts.map((record): [string, unknown] => [recordEntryKey(record.provider), record])],
    });
    updateSessionHeader(next);
    return next;
  } catch (error) {
    restorePendingEncryptions(pending);
    throw error;
  }
}

/** Seals a header change that touches no record (idle-lock setting, passkeys). Call inside the lock. */
export async function commitHeaderChange(change: (header: VaultHeader) => VaultHeader): Promise<VaultHeader> {
  const { dek } = requireSession();
  const header = await adoptStoredHeader();
  await assertRecordSet(header, await readRecordSet());
  const changed = change(header);
  const next = await sealHeader({ ...changed, writeCount: header.writeCount + 1, epoch: (header.epoch ?? 0) + 1 }, dek);
  await writeVaultAtomically({ put: [[HEADER_ENTRY, next]] });
  updateSessionHeader(next);
  return next;
}
