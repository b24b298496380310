// Budgets travel in the encrypted backup: sealed (no plaintext amount in the file) and restored on import.
import { beforeEach, describe, expect, it } from 'vitest';
import { createVault, exportVault, importVault, resetForTests } from '../api-key-manager';
import { getUsageSummary, setMonthlyBudget } from '../usage-ledger';
import { expectCode } from '../conversations/conversation-test-fixtures';
import { clearPlainData } from './plain-data-store';

const PASSPHRASE = 'correct horse battery staple';

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
