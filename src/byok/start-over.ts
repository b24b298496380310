// "Forgot passphrase? Start over": without the passphrase nothing in the vault can be read, so the
// only way forward is to delete it. This removes the vault (keys), every conversation and draft,
// and the usage ledger from this browser. Only a backup file and its passphrase bring them back.
import { clearConversationDatabase } from './conversations/conversation-database';
import { clearPlainData } from './vault/plain-data-store';
import { clearVaultStorage } from './vault/vault-storage';
import { withVaultWriteLock } from './vault/write-lock';

/** The word the person types to confirm; deleting everything is never one click away. */
export const START_OVER_CONFIRMATION = 'DELETE';

export async function eraseVaultAndConversations(confirmation: string): Promise<void> {
  if (confirmation !== START_OVER_CONFIRMATION) throw new Error(`Type ${START_OVER_CONFIRMATION} to confirm.`);
  // Under the write lock, so no other tab's vault write can land half-way through the deletion.
  await withVaultWriteLock(async () => {
    await clearVaultStorage();
    await clearConversationDatabase();
    await clearPlainData();
  });
}
