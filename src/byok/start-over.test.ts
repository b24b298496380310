import { describe, expect, it } from 'vitest';
import { addKey, createVault, lockVault, resetForTests, vaultExists } from './api-key-manager';
import { listConversations, saveConversation } from './conversations/conversation-store';
import { createMeta, TEST_PASSPHRASE } from './conversations/conversation-test-fixtures';
import { eraseVaultAndConversations } from './start-over';
import { readPlainValue, writePlainValue } from './vault/plain-data-store';

describe('start over', () => {
  it('needs DELETE typed, then removes the vault, conversations and ledger', async () => {
    await resetForTests();
    await createVault(TEST_PASSPHRASE, { iterations: 600_000 });
    await addKey('openai', 'sk-proj-CANARY-abcdefghijklmnopqrstuvwxyz');
    await saveConversation(createMeta());
    await writePlainValue('ledger-test', { spent: 1 });
    lockVault();
    await expect(eraseVaultAndConversations('delete')).rejects.toThrow('Type DELETE');
    expect(await vaultExists()).toBe(true);
    await eraseVaultAndConversations('DELETE');
    expect(await vaultExists()).toBe(false);
    expect(await readPlainValue('ledger-test')).toBeUndefined();
    await createVault(TEST_PASSPHRASE, { iterations: 600_000 });
    expect(await listConversations()).toEqual([]);
  });
});
