import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lockVault } from '../api-key-manager';
import { readPlainValue, writePlainValue } from '../vault/plain-data-store';
import { createTestVault, ensureUnlocked, expectCode } from './conversation-test-fixtures';
import { deleteDraft, loadDraft, saveDraft } from './draft-store';

beforeAll(createTestVault);
beforeEach(ensureUnlocked);

describe('draft store', () => {
  it('stores a draft encrypted and reads it back per conversation', async () => {
    await saveDraft('conversation-a', 'Half-typed CanaryDraft Pelican');
    await saveDraft('new', 'another one');
    const raw = JSON.stringify(await readPlainValue('conversation-draft:conversation-a'));
    expect(raw).not.toContain('CanaryDraft');
    expect(raw).not.toContain('Pelican');
    expect(await loadDraft('conversation-a')).toBe('Half-typed CanaryDraft Pelican');
    expect(await loadDraft('new')).toBe('another one');
    expect(await loadDraft('conversation-b')).toBe('');
  });

  it('an empty text or deleteDraft removes it', async () => {
    await saveDraft('conversation-c', 'text');
    await saveDraft('conversation-c', '');
    expect(await readPlainValue('conversation-draft:conversation-c')).toBeUndefined();
    await saveDraft('conversation-c', 'text');
    await deleteDraft('conversation-c');
    expect(await loadDraft('conversation-c')).toBe('');
  });

  it('a draft moved onto another conversation does not decrypt (AAD)', async () => {
    await saveDraft('conversation-d', 'secret words');
    await writePlainValue('conversation-draft:conversation-e', await readPlainValue('conversation-draft:conversation-d'));
    expect(await loadDraft('conversation-e')).toBe('');
  });

  it('needs an unlocked vault', async () => {
    await saveDraft('conversation-f', 'kept');
    await lockVault();
    await expectCode(saveDraft('conversation-f', 'x'), 'VAULT_LOCKED');
    await ensureUnlocked();
    expect(await loadDraft('conversation-f')).toBe('kept');
  });
});
