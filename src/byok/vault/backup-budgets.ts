// Monthly budgets travel in the encrypted backup (issue 11): sealed with the vault's data key,
// bound to the vault id, so the file still holds only ciphertext. An optional field: backups
// without it import as before, and older readers ignore it.
import { decryptValue, encryptValue, type EncryptedValue } from '../crypto';
import { BYOKError, BYOK_PROVIDERS, type BYOKProvider } from '../types';
import { readAllBudgets, replaceAllBudgets } from '../usage-ledger';

const budgetsAad = (vaultId: string): string => `vivim-byok:budgets:${vaultId}`;

export async function sealBudgets(dek: CryptoKey, vaultId: string): Promise<EncryptedValue> {
  return encryptValue(dek, JSON.stringify(await readAllBudgets()), budgetsAad(vaultId));
}

/** Opens sealed budgets (DECRYPTION_FAILED when altered); only positive numbers for known providers are kept. */
export async function openBudgets(dek: CryptoKey, vaultId: string, sealed: EncryptedValue): Promise<Partial<Record<BYOKProvider, number>>> {
  const parsed: unknown = JSON.parse(await decryptValue(dek, sealed, budgetsAad(vaultId)));
  const budgets: Partial<Record<BYOKProvider, number>> = {};
  if (typeof parsed !== 'object' || parsed === null) return budgets;
  for (const provider of BYOK_PROVIDERS) {
    const value = (parsed as Record<string, unknown>)[provider];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) budgets[provider] = value;
  }
  return budgets;
}

/**
 * The backup's budgets, opened before anything stored is replaced: budgets altered in the file
 * refuse the import (DECRYPTION_FAILED), as an altered key record does, instead of being dropped
 * without a word. Undefined for a backup made before budgets travelled.
 */
export async function openBackupBudgets(dek: CryptoKey, vaultId: string, sealed: EncryptedValue | undefined): Promise<Partial<Record<BYOKProvider, number>> | undefined> {
  if (sealed === undefined) return undefined;
  try {
    return await openBudgets(dek, vaultId, sealed);
  } catch (cause) {
    throw new BYOKError('DECRYPTION_FAILED', 'The backup\'s monthly budgets were altered or damaged, so nothing was imported. Use another copy of the backup.', { cause });
  }
}

async function writeBudgets(budgets: Partial<Record<BYOKProvider, number>>): Promise<void> {
  try {
    await replaceAllBudgets(budgets);
  } catch (cause) {
    throw new BYOKError('ENCRYPTION_FAILED', 'Saving the backup\'s monthly budgets failed, so nothing was imported.', { cause });
  }
}

/**
 * Restores the backup's budgets around `replaceVault`. The budgets and the vault are in two
 * databases, so no one transaction holds both. The budgets go first, all or none: a write that
 * fails there (a full disk) refuses the import before the vault is replaced or other tabs are told
 * to lock. If `replaceVault` then fails, the budgets there were are put back. A backup made before
 * budgets travelled (`budgets` undefined) leaves them as they are.
 */
export async function replaceWithBudgets(budgets: Partial<Record<BYOKProvider, number>> | undefined, replaceVault: () => Promise<void>): Promise<void> {
  if (budgets === undefined) return replaceVault();
  const before = await readAllBudgets();
  await writeBudgets(budgets);
  try {
    await replaceVault();
  } catch (error) {
    await replaceAllBudgets(before).catch(() => undefined);
    throw error;
  }
}
