// Budgets travel in the encrypted backup: sealed (no plaintext amount in the file) and restored on import.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVault, exportVault, importVault, onVaultReplacing, resetForTests, setAutoLockMinutes } from '../api-key-manager';
import { describeError } from '../describe-error';
import { getUsageSummary, setMonthlyBudget } from '../usage-ledger';
import { expectCode } from '../conversations/conversation-test-fixtures';
import { clearPlainData } from './plain-data-store';
import { failNextVaultWriteForTests, readAllVaultEntries } from './vault-storage';

const PASSPHRASE = 'correct horse battery staple';

afterEach(() => {
  vi.restoreAllMocks();
});

beforeEach(async () => {
  await resetForTests();
  await clearPlainData();
  await createVault(PASSPHRASE, { iterations: 600_000 });
});

describe('budgets in the backup', () => {
  it('round-trips sub-cent and whole budgets, sealed in the file', async () => {
    await setMonthlyBudget('openai', 0.005);
    await setMonthlyBudget('anthropic', 20);
    const backup = await exportVault();
    expect(backup).toContain('"budgets"');
    expect(backup).not.toContain('0.005');
    await setMonthlyBudget('openai', 99);
    await setMonthlyBudget('anthropic', null);
    await setMonthlyBudget('google', 3);
    await importVault(backup, PASSPHRASE, PASSPHRASE);
    expect((await getUsageSummary('openai')).budget).toBe(0.005);
    expect((await getUsageSummary('anthropic')).budget).toBe(20);
    expect((await getUsageSummary('google')).budget).toBeNull();
  });

  it('refuses a backup whose budgets were altered, and replaces nothing', async () => {
    await setMonthlyBudget('openai', 5);
    const backup = JSON.parse(await exportVault()) as { budgets: { ciphertext: string } };
    const bytes = Buffer.from(backup.budgets.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    backup.budgets.ciphertext = bytes.toString('base64');
    await setMonthlyBudget('openai', 9);
    const error = await expectCode(importVault(JSON.stringify(backup), PASSPHRASE, PASSPHRASE), 'DECRYPTION_FAILED');
    expect(error.message).toMatch(/budgets were altered or damaged, so nothing was imported/);
    expect((await getUsageSummary('openai')).budget).toBe(9);
  });

  it('imports a backup without budgets and leaves the budgets as they are', async () => {
    const backup = JSON.parse(await exportVault()) as Record<string, unknown>;
    delete backup.budgets;
    await setMonthlyBudget('xai', 4);
    await importVault(JSON.stringify(backup), PASSPHRASE, PASSPHRASE);
    expect((await getUsageSummary('xai')).budget).toBe(4);
  });
});

/** Makes every put into the object store named `storeName` throw, as a full disk does. */
function failPutsInto(storeName: string): void {
  const put = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
    if (this.name === storeName) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return put.apply(this, args);
  });
}

describe('an import that fails part-way replaces nothing', () => {
  /** A backup with an OpenAI budget of 5, then a vault and budgets that differ from it. */
  async function backupThenChanges(): Promise<string> {
    await setMonthlyBudget('openai', 5);
    const backup = await exportVault();
    await setMonthlyBudget('openai', 9);
    await setMonthlyBudget('google', 3);
    await setAutoLockMinutes(30);
    return backup;
  }

  /** The vault as read before the import, and the budgets as changed after the backup. */
  async function expectUnchanged(vaultBefore: Array<[string, unknown]>): Promise<void> {
    expect(await readAllVaultEntries()).toEqual(vaultBefore);
    expect((await getUsageSummary('openai')).budget).toBe(9);
    expect((await getUsageSummary('google')).budget).toBe(3);
  }

  it('a full disk while the budgets are written refuses the import, says so, and leaves vault, budgets and other tabs as they were', async () => {
    const backup = await backupThenChanges();
    const vaultBefore = await readAllVaultEntries();
    const toldToLock: string[] = [];
    const stopListening = onVaultReplacing((reason) => toldToLock.push(reason));
    failPutsInto('data');
    const error = await expectCode(importVault(backup, PASSPHRASE, PASSPHRASE), 'ENCRYPTION_FAILED');
    stopListening();
    expect(error.message).toMatch(/monthly budgets failed, so nothing was imported/);
    expect(describeError(error).title).toBe('Storage full');
    expect(toldToLock).toEqual([]);
    vi.restoreAllMocks();
    await expectUnchanged(vaultBefore);
  });

  it('a vault write that fails puts the budgets it had back', async () => {
    const backup = await backupThenChanges();
    const vaultBefore = await readAllVaultEntries();
    failNextVaultWriteForTests();
    await expectCode(importVault(backup, PASSPHRASE, PASSPHRASE), 'ENCRYPTION_FAILED');
    await expectUnchanged(vaultBefore);
  });

  it('a vault write whose put throws as it is made does not leave the vault it was replacing deleted', async () => {
    const backup = await backupThenChanges();
    const vaultBefore = await readAllVaultEntries();
    failPutsInto('vault');
    await expectCode(importVault(backup, PASSPHRASE, PASSPHRASE), 'ENCRYPTION_FAILED');
    vi.restoreAllMocks();
    await expectUnchanged(vaultBefore);
  });
});
