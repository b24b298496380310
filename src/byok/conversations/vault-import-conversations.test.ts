import { afterAll, describe, expect, it } from 'vitest';
import { exportVault, importVault, resetForTests } from '../api-key-manager';
import { listConversations, resetConversationsForTests, saveConversation } from './conversation-store';
import { TEST_PASSPHRASE, createMeta, createTestVault } from './conversation-test-fixtures';

describe('importing a vault backup and the conversations on this device', () => {
  afterAll(async () => {
    await resetConversationsForTests();
    await resetForTests();
  });

  it('keeps conversations when the backup is of this same vault', async () => {
    await createTestVault();
    await saveConversation(createMeta({ id: 'kept' }));
    await importVault(await exportVault(), TEST_PASSPHRASE, TEST_PASSPHRASE);
    expect((await listConversations()).map((meta) => meta.id)).toEqual(['kept']);
  });

  it('deletes conversations another vault wrote, which its data key could never read', async () => {
    await createTestVault();
    const otherVaultBackup = await exportVault();
    await resetConversationsForTests();
    await createTestVault();
    await saveConversation(createMeta({ id: 'orphaned' }));
    await importVault(otherVaultBackup, TEST_PASSPHRASE, TEST_PASSPHRASE);
    const corrupt: string[] = [];
    expect(await listConversations({ onCorruptRecord: (report) => corrupt.push(report.conversationId) })).toEqual([]);
    expect(corrupt).toEqual([]);
  });
});
