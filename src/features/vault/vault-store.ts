// The vault session in memory only: no `persist`, no devtools (security.md R18). It holds key
// metadata and usage, never a key: keys are decrypted by src/byok just before each request.
import { create } from 'zustand';
import * as keyManager from '../../byok/api-key-manager';
import { onUsageChanged } from '../../byok/usage-events';
import { onKeysChanged } from '../../byok/key-events';
import { getUsageSummary, readLedger, type ProviderLedger, type UsageSummary } from '../../byok/usage-ledger';
import { BYOK_PROVIDERS, type BYOKProvider, type StoredKey } from '../../byok/types';
import { nextUnlockDelayMs } from './unlock-backoff';
import { runSettled } from '../../lib/run-settled';

export type VaultStatus = 'loading' | 'absent' | 'locked' | 'unlocked';

export interface VaultState {
  status: VaultStatus;
  keys: StoredKey[];
  usage: Partial<Record<BYOKProvider, UsageSummary>>;
  /** Every provider's usage ledger, for the spend view and its CSV. */
  ledgers: Partial<Record<BYOKProvider, ProviderLedger>>;
  failedUnlocks: number;
  /** ms timestamp before which another unlock attempt is refused (R16 back-off). */
  unlockBlockedUntil: number;
  initialise(): Promise<void>;
  createVault(passphrase: string): Promise<void>;
  unlock(passphrase: string): Promise<void>;
  refresh(): Promise<void>;
  /** Drops everything this store knows; the lock coordinator then reloads the page. */
  wipe(): void;
}

/** Keys, usage and ledgers, read in parallel: each is a separate IndexedDB round trip. */
async function readSession(): Promise<Pick<VaultState, 'keys' | 'usage' | 'ledgers'>> {
  const [keys, summaries, ledgers] = await Promise.all([
    keyManager.listKeys(),
    Promise.all(BYOK_PROVIDERS.map(async (provider) => [provider, await getUsageSummary(provider)] as const)),
    Promise.all(BYOK_PROVIDERS.map(async (provider) => [provider, await readLedger(provider)] as const)),
  ]);
  return { keys, usage: Object.fromEntries(summaries), ledgers: Object.fromEntries(ledgers) };
}

const initialSession = { keys: [] as StoredKey[], usage: {}, ledgers: {}, failedUnlocks: 0, unlockBlockedUntil: 0 };

/** The start-up read in flight: main.tsx starts it before React renders, and the header's effect joins it. */
let initialising: Promise<void> | null = null;

export const useVaultStore = create<VaultState>()((set, get) => ({
  status: 'loading',
  ...initialSession,

  initialise() {
    initialising ??= (async () => {
      const exists = await keyManager.vaultExists();
      set({ status: keyManager.isVaultUnlocked() ? 'unlocked' : exists ? 'locked' : 'absent' });
      if (keyManager.isVaultUnlocked()) await get().refresh();
    })().finally(() => {
      initialising = null;
    });
    return initialising;
  },

  async createVault(passphrase) {
    await keyManager.createVault(passphrase);
    set({ status: 'unlocked', ...initialSession });
    await get().refresh();
  },

  async unlock(passphrase) {
    try {
      await keyManager.unlockVault(passphrase);
    } catch (error) {
      const failedUnlocks = get().failedUnlocks + 1;
      set({ failedUnlocks, unlockBlockedUntil: Date.now() + nextUnlockDelayMs(failedUnlocks) });
      throw error;
    }
    // The key list is read before the screen changes, so the first unlocked paint already shows
    // it (B5), with no "No keys yet" frame in between. If that read fails the vault is still open.
    const session = await readSession().catch(() => null);
    set({ status: 'unlocked', failedUnlocks: 0, unlockBlockedUntil: 0, ...session });
    if (session === null) await get().refresh();
  },

  async refresh() {
    if (!keyManager.isVaultUnlocked()) return;
    set(await readSession());
  },

  wipe() {
    set({ status: 'locked', ...initialSession });
  },
}));

// Spend, tokens and "last used" follow every recorded reply and budget change, and the key list
// follows every key added, replaced, moved, verified or removed, in this tab and the others (a
// no-secret message on a BroadcastChannel), without a reload or Re-verify.
// A reply's end says "usage changed" several times in a row: the store re-reads once they settle.
const refreshQuietly = runSettled(() => void useVaultStore.getState().refresh().catch(() => undefined));
onUsageChanged(refreshQuietly.run);
onKeysChanged(refreshQuietly.run);
