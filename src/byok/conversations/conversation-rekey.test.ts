// A data-key rotation keeps every conversation readable, also when it is interrupted halfway and
// resumed after a reload (security.md R6; issue 15). Every encryption counts toward rotation.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { lockVault, markKeyUsed, resumeRotation, rotateDataKey, unlockVault, addKey } from '../api-key-manager';
import { HEADER_ENTRY, readVaultEntry } from '../vault/vault-storage';
import type { VaultHeader } from '../vault/vault-header';
import { listConversations, loadMessages, resetConversationsForTests, saveConversation, saveMessage } from './conversation-store';
import { TEST_PASSPHRASE, createMessage, createMeta, createTestVault } from './conversation-test-fixtures';

const CONVERSATIONS = 3;
const MESSAGES = 6;
const readHeader = async () => (await readVaultEntry<VaultHeader>(HEADER_ENTRY)) as VaultHeader;

async function seedConversations(): Promise<void> {
  for (let index = 0; index < CONVERSATIONS; index += 1) {
    const id = `conversation-${index}`;
    await saveConversation(createMeta({ id, title: `Title ${index}`, updatedAt: 2_000 + index }));
    for (let sequence = 0; sequence < MESSAGES; sequence += 1) await saveMessage(createMessage(id, sequence));
  }
}

/** Every conversation and message, read with only the session's current key (no retired key). */
async function readEverything(): Promise<string[]> {
  const metas = await listConversations({ onCorruptRecord: (report) => { throw report.error; } });
  const texts: string[] = metas.map((meta) => meta.title);
  for (const meta of metas) texts.push(...(await loadMessages(meta.id)).map((message) => String(message.content)));
  return texts;
}

beforeEach(async () => {
  await resetConversationsForTests();
  await createTestVault();
  await seedConversations();
});
afterAll(async () => {
  await resetConversationsForTests();
});

describe('data-key rotation with conversations', () => {
  it('re-encrypts every conversation under the new key and then forgets the old one', async () => {
    const before = await readEverything();
    const previousHeader = await readHeader();
    await rotateDataKey(TEST_PASSPHRASE, { batchSize: 4 });
    const header = await readHeader();
    expect(header.retiredDek).toBeUndefined();
    expect(header.wrappedDek).not.toEqual(previousHeader.wrappedDek);
    lockVault();
    await unlockVault(TEST_PASSPHRASE);
    expect(await readEverything()).toEqual(before);
  });

  it('keeps everything readable when interrupted halfway, and finishes after the next unlock', async () => {
    const before = await readEverything();
    let batches = 0;
    const interrupted = rotateDataKey(TEST_PASSPHRASE, {
      batchSize: 4,
      onBatch: () => {
        batches += 1;
        if (batches === 2) throw new Error('the page was reloaded');
      },
    });
    await expect(interrupted).rejects.toThrow('the page was reloaded');
    expect((await readHeader()).retiredDek).toBeDefined();
    // Still readable mid-rotation, through the retired key.
    expect(await readEverything()).toEqual(before);

    lockVault();
    await unlockVault(TEST_PASSPHRASE);
    await resumeRotation();
    expect((await readHeader()).retiredDek).toBeUndefined();
    lockVault();
    await unlockVault(TEST_PASSPHRASE);
    expect(await readEverything()).toEqual(before);
  });

  it('counts conversation encryptions toward the rotation threshold', async () => {
    await addKey('openai', 'sk-proj-CANARY-rekeycount0123456789ab');
    const before = (await readHeader()).writeCount;
    await saveMessage(createMessage('conversation-0', MESSAGES));
    await markKeyUsed('openai');
    // One message record + its search record + the details re-encryption + the seal.
    expect((await readHeader()).writeCount).toBe(before + 4);
  });
});
